/** Every event of a job, oldest first: when, who, what (status change, assignment, part, bench, QC, pickup) and the note. */
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { RepairJob } from '../../../../shared/contract/methods/repairs';
import { useStoreTime } from '../returns/use-store-time';

/** The timeline table. */
export function JobTimeline({ job }: { job: RepairJob }) {
  const { t, i18n } = useTranslation();
  const time = useStoreTime();
  return (
    <Paper sx={{ p: 2 }}>
      <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 700 }}>
        {t('repairsUi.job.timeline')}
      </Typography>
      <Table size="small" data-testid="job-timeline">
        <TableBody>
          {job.timeline.map((e) => (
            <TableRow key={e.id} data-kind={e.kind}>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{time(e.at)}</TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{e.staff?.name ?? '—'}</TableCell>
              <TableCell>
                {i18n.exists(`repairs.event.${e.kind}`) ? t(`repairs.event.${e.kind}`) : e.kind}
                {e.from && e.from !== e.to
                  ? ` · ${t(`repairs.status.${e.from}`)} → ${t(`repairs.status.${e.to}`)}`
                  : ''}
              </TableCell>
              <TableCell>{e.note}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Paper>
  );
}
