/** The repair queue: filters (open, my bench, overdue, ready, all), search by job no./phone/serial, rows that open a job. */
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorValue } from '../../../../shared/contract/errors';
import type { RepairJobSummary } from '../../../../shared/contract/methods/repairs';
import { useApi } from '../../app/api-context';
import { ErrorMessage } from '../../app/error-message';

export const FILTERS = ['open', 'mine', 'overdue', 'ready', 'all'] as const;
export type Filter = (typeof FILTERS)[number];

/** list input for a filter. */
function listInput(f: Filter) {
  if (f === 'mine') return { mine: true };
  if (f === 'overdue') return { overdue: true };
  if (f === 'ready') return { statuses: ['ready' as const] };
  if (f === 'all') return { includeClosed: true };
  return {};
}

/** What the search box holds: a job number, phone digits or a serial. */
export function findInput(text: string): { jobId?: string; phone?: string; serial?: string } {
  const q = text.trim();
  if (/^J-\d{8}-\d{4,6}$/i.test(q)) return { jobId: q.toUpperCase() };
  if (/^\d{4,15}$/.test(q) && q.length <= 11) return { phone: q };
  return { serial: q };
}

/** The list; `onOpen(jobId)` opens a job. */
export function JobList({ onOpen, initial }: { onOpen: (jobId: string) => void; initial: Filter }) {
  const { t } = useTranslation();
  const api = useApi();
  const [filter, setFilter] = useState<Filter>(initial);
  const [q, setQ] = useState('');
  const [jobs, setJobs] = useState<RepairJobSummary[] | null>(null);
  const [error, setError] = useState<AppErrorValue | null>(null);

  useEffect(() => {
    let live = true;
    void api.call('repairs.list', { ...listInput(filter), limit: 200 }).then((r) => {
      if (!live) return;
      if (r.ok) setJobs(r.value);
      else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [api, filter]);

  const search = async () => {
    if (q.trim().length < 4) return;
    setError(null);
    const r = await api.call('repairs.find', { ...findInput(q), limit: 50 });
    if (!r.ok) return setError(r.error);
    if (r.value.length === 1 && r.value[0]) return onOpen(r.value[0].id);
    setJobs(r.value);
  };

  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
        <ToggleButtonGroup exclusive value={filter} onChange={(_e, v: Filter | null) => v && setFilter(v)}>
          {FILTERS.map((f) => (
            <ToggleButton key={f} value={f} sx={{ minHeight: 48, px: 2 }} data-filter={f}>
              {t(`repairsUi.filter.${f}`)}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
        <TextField
          label={t('repairsUi.search')}
          value={q}
          onChange={(e) => setQ(e.target.value)}
          onKeyDown={(e) => e.key === 'Enter' && void search()}
          sx={{ minWidth: 320 }}
          slotProps={{ htmlInput: { 'data-testid': 'repair-search' } }}
        />
        <Button variant="outlined" size="large" onClick={() => void search()} sx={{ minHeight: 48 }}>
          {t('repairsUi.searchGo')}
        </Button>
      </Stack>
      {error && <ErrorMessage error={error} onClose={() => setError(null)} />}
      {jobs && jobs.length === 0 && <Alert severity="info">{t('repairsUi.noJobs')}</Alert>}
      {jobs && jobs.length > 0 && (
        <Table size="small" aria-label={t('repairsUi.title')}>
          <TableHead>
            <TableRow>
              {(['job', 'customer', 'device', 'status', 'promised', 'tech'] as const).map((c) => (
                <TableCell key={c}>{t(`repairsUi.col.${c}`)}</TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {jobs.map((j) => (
              <TableRow
                key={j.id}
                hover
                tabIndex={0}
                data-job-id={j.id}
                onClick={() => onOpen(j.id)}
                onKeyDown={(e) => e.key === 'Enter' && onOpen(j.id)}
                sx={{ cursor: 'pointer', height: 52 }}
              >
                <TableCell sx={{ fontFamily: 'monospace' }}>{j.id}</TableCell>
                <TableCell>{j.customer ? `${j.customer.name} ${j.customer.phone ?? ''}` : '—'}</TableCell>
                <TableCell>
                  {`${j.brand} ${j.model}`.trim() || t(`repairsUi.category.${j.categoryCode}`)}
                </TableCell>
                <TableCell>
                  <Chip size="small" label={t(`repairs.status.${j.status}`)} data-status={j.status} />
                </TableCell>
                <TableCell>
                  {j.promisedDay}{' '}
                  {j.overdue && <Chip size="small" color="error" label={t('repairsUi.overdue')} />}
                </TableCell>
                <TableCell>{j.assignedTo?.name ?? t('repairsUi.unassigned')}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Stack>
  );
}
