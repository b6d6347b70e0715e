/**
 * The print queue: the newest jobs with kind, document, time, status, attempts and last error,
 * and what may be done with each (retry a queued/failed job now, cancel one that has not
 * printed, reprint a finished one, look at its preview).
 */
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../../shared/contract';
import type { AppErrorValue } from '../../../../shared/contract/errors';
import type { PrintJobView } from '../../../../shared/contract/methods/devices';
import { useApi } from '../../app/api-context';
import { ErrorMessage } from '../../app/error-message';
import { HotkeyLayer } from '../../app/hotkeys-react';
import { KeyChip } from '../../app/key-chip';
import { ReceiptPreview } from '../../app/receipt-preview';
import { useLocale } from '../../app/locale-provider';
import { useSession } from '../../app/session-context';
import { PrintJobError, PrintJobStatusChip } from './print-job-status';
import type { PrintQueue } from './use-print-queue';

type Action = 'retry' | 'cancel' | 'reprint';

/** Which actions a job in this status allows (the queue's own rules; core refuses the others). */
export function jobActions(job: PrintJobView): Action[] {
  switch (job.status) {
    case 'queued':
      return ['retry', 'cancel'];
    case 'failed':
      return ['retry', 'cancel', 'reprint'];
    case 'done':
    case 'cancelled':
      return ['reprint'];
    case 'printing':
      return [];
  }
}

/** The queue table; `onError` shows a refused action's reason. */
export function PrintQueuePanel({ queue }: { queue: PrintQueue }) {
  const { t } = useTranslation();
  const api = useApi();
  const { locale } = useLocale();
  const { appInfo } = useSession();
  const [busy, setBusy] = useState<number | null>(null);
  const [error, setError] = useState<AppErrorValue | null>(null);
  const [previewJob, setPreviewJob] = useState<number | null>(null);
  const time = new Intl.DateTimeFormat(locale, {
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
    ...(appInfo ? { timeZone: appInfo.store.timeZone } : {}),
  });

  const act = async (job: PrintJobView, action: Action) => {
    setBusy(job.id);
    setError(null);
    const r = await api.call(`print.${action}`, { jobId: job.id });
    setBusy(null);
    if (!r.ok) setError(r.error);
    void queue.reload();
  };

  if (queue.error) return <ErrorMessage error={queue.error} />;
  if (!queue.jobs) return <LinearProgress aria-label={t('devices.ui.queue.loading')} />;
  return (
    <>
      {error && <ErrorMessage error={error} onClose={() => setError(null)} />}
      {queue.jobs.length === 0 ? (
        <Typography sx={{ color: 'text.secondary' }}>{t('devices.ui.queue.empty')}</Typography>
      ) : (
        <Table size="small" aria-label={t('devices.ui.queue.title')} data-testid="print-queue">
          <TableHead>
            <TableRow>
              <TableCell>{t('devices.ui.queue.col.id')}</TableCell>
              <TableCell>{t('devices.ui.queue.col.kind')}</TableCell>
              <TableCell>{t('devices.ui.queue.col.doc')}</TableCell>
              <TableCell>{t('devices.ui.queue.col.time')}</TableCell>
              <TableCell>{t('devices.ui.queue.col.status')}</TableCell>
              <TableCell align="right">{t('devices.ui.queue.col.attempts')}</TableCell>
              <TableCell align="right">{t('devices.ui.queue.col.actions')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {queue.jobs.map((job) => (
              <TableRow key={job.id} data-job-id={job.id} hover>
                <TableCell sx={{ fontFamily: 'monospace' }}>#{job.id}</TableCell>
                <TableCell>
                  {t(`devices.print.kind.${job.kind}`, { defaultValue: job.kind })}
                  {job.reprintOf !== null && (
                    <Typography variant="body2" component="div" sx={{ color: 'text.secondary' }}>
                      {t('devices.ui.queue.reprintOf', { jobId: job.reprintOf })}
                    </Typography>
                  )}
                </TableCell>
                <TableCell sx={{ fontFamily: 'monospace' }}>{job.docRef ?? '—'}</TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{time.format(job.createdAt)}</TableCell>
                <TableCell>
                  <PrintJobStatusChip status={job.status} />
                  <PrintJobError error={job.status === 'done' ? null : job.lastError} />
                </TableCell>
                <TableCell align="right">{job.attempts}</TableCell>
                <TableCell align="right">
                  <Stack direction="row" spacing={1} sx={{ justifyContent: 'flex-end' }}>
                    <Button size="small" onClick={() => setPreviewJob(job.id)}>
                      {t('devices.ui.queue.preview')}
                    </Button>
                    {jobActions(job).map((a) => (
                      <Button
                        key={a}
                        size="small"
                        variant="outlined"
                        color={a === 'cancel' ? 'error' : 'primary'}
                        disabled={busy === job.id}
                        onClick={() => void act(job, a)}
                      >
                        {t(`devices.ui.queue.${a}`)}
                      </Button>
                    ))}
                  </Stack>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <JobPreviewDialog jobId={previewJob} onClose={() => setPreviewJob(null)} />
    </>
  );
}

function JobPreviewDialog({ jobId, onClose }: { jobId: number | null; onClose: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const [preview, setPreview] = useState<MethodOutput<'print.preview'> | null>(null);
  const [error, setError] = useState<AppErrorValue | null>(null);
  useEffect(() => {
    setPreview(null);
    setError(null);
    if (jobId === null) return undefined;
    let live = true;
    void api.call('print.preview', { jobId }).then((r) => {
      if (!live) return;
      if (r.ok) setPreview(r.value);
      else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [api, jobId]);
  return (
    <Dialog open={jobId !== null} onClose={onClose} maxWidth="sm" aria-labelledby="job-preview-title">
      <DialogTitle id="job-preview-title">{t('devices.ui.testPrint.previewTitle', { jobId })}</DialogTitle>
      <DialogContent>
        <HotkeyLayer>
          {error && <ErrorMessage error={error} />}
          {!preview && !error && <LinearProgress />}
          {preview && (
            <ReceiptPreview
              testId="print-preview"
              html={preview.html}
              paper={preview.paper}
              title={t('devices.ui.testPrint.previewTitle', { jobId })}
            />
          )}
        </HotkeyLayer>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>
          {t('devices.ui.close')}
          <KeyChip k="Esc" />
        </Button>
      </DialogActions>
    </Dialog>
  );
}
