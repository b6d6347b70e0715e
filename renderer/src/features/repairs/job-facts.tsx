/**
 * The head of a job: number, status, customer, device, fault, warranty, promised date (overdue),
 * money — with the parts' cost for roles that see cost (`showCost`).
 */
import Alert from '@mui/material/Alert';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { RepairJob } from '../../../../shared/contract/methods/repairs';
import { useMoney } from '../../app/use-money';

/** Facts as label/value rows. */
export function JobFacts({ job, showCost = false }: { job: RepairJob; showCost?: boolean }) {
  const { t } = useTranslation();
  const money = useMoney();
  const rows: [string, string][] = [
    [t('repairsUi.job.customer'), job.customer ? `${job.customer.name} ${job.customer.phone ?? ''}` : '—'],
    [
      t('repairsUi.job.device'),
      `${t(`repairsUi.category.${job.categoryCode}`)} · ${job.brand} ${job.model} ${job.serial ?? ''}`.trim(),
    ],
    [
      t('repairsUi.job.fault'),
      `${t(`repairs.fault.${job.faultCode}`)}${job.faultText ? ` — ${job.faultText}` : ''}`,
    ],
    [t('repairsUi.job.warranty'), t(`repairs.warrantyKind.${job.warranty}`)],
    [t('repairsUi.job.promised'), job.promisedDay],
    [t('repairsUi.job.tech'), job.assignedTo?.name ?? t('repairsUi.unassigned')],
    [t('repairsUi.job.estimate'), money(job.estimateMinor)],
    [t('repairsUi.job.deposit'), money(job.depositMinor)],
    [t('repairsUi.job.parts'), money(job.partsPriceMinor)],
    ...(showCost && job.partsCostMinor !== undefined
      ? [[t('repairsUi.job.partsCost'), money(job.partsCostMinor)] as [string, string]]
      : []),
    [t('repairsUi.job.charge'), money(job.chargeMinor)],
    [t('repairsUi.job.balance'), money(job.balanceDueMinor)],
  ];
  return (
    <Paper sx={{ p: 2 }}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 1 }}>
        <Typography
          variant="h5"
          component="h1"
          sx={{ fontFamily: 'monospace' }}
          data-testid="job-id"
          tabIndex={-1}
        >
          {job.id}
        </Typography>
        <Chip
          color="primary"
          label={t(`repairs.status.${job.status}`)}
          data-testid="job-status"
          data-status={job.status}
        />
        {job.overdue && <Chip color="error" label={t('repairs.overdue')} />}
      </Stack>
      {job.repeat && (
        <Alert severity="warning" sx={{ mb: 1 }} data-testid="repeat-note">
          {t(job.repeat.reason.key, job.repeat.reason.params)}
        </Alert>
      )}
      <Table size="small">
        <TableBody>
          {rows.map(([k, v]) => (
            <TableRow key={k}>
              <TableCell sx={{ width: 160, color: 'text.secondary' }}>{k}</TableCell>
              <TableCell>{v}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Paper>
  );
}
