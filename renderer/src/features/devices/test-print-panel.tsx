/**
 * The result of "test print": the job's live status (print.job events), its HTML preview
 * (print.preview, in a sandboxed frame), and for a simulated printer the text it received,
 * decoded from the ESC/POS bytes (devices.simulatedPaper), once the job has printed.
 */
import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../../shared/contract';
import type { AppErrorValue } from '../../../../shared/contract/errors';
import type { PrintJobStatus } from '../../../../shared/contract/methods/devices';
import { useApi } from '../../app/api-context';
import { ErrorMessage } from '../../app/error-message';
import { ReceiptPreview } from '../../app/receipt-preview';
import { PrintJobError, PrintJobStatusChip } from './print-job-status';

export interface TestPrintJob {
  jobId: number;
  deviceId: number;
  deviceName: string;
  simulated: boolean;
  /** Lines the simulated printer had printed before this job (its paper starts after them). */
  paperFrom: number;
}

type Preview = MethodOutput<'print.preview'>;
type Paper = MethodOutput<'devices.simulatedPaper'>;

/** Status, preview and (simulated printers) the received text of one test job. */
export function TestPrintPanel({ job }: { job: TestPrintJob }) {
  const { t } = useTranslation();
  const api = useApi();
  const [status, setStatus] = useState<PrintJobStatus>('queued');
  const [lastError, setLastError] = useState<{ code: string; messageKey: string } | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [paper, setPaper] = useState<Paper | null>(null);
  const [error, setError] = useState<AppErrorValue | null>(null);

  useEffect(() => {
    let live = true;
    setStatus('queued');
    setPreview(null);
    setPaper(null);
    setError(null);
    const off = api.on('print.job', (p) => {
      if (p.jobId !== job.jobId) return;
      setStatus(p.status);
      setLastError(p.error ?? null);
    });
    void api.call('print.preview', { jobId: job.jobId }).then((r) => {
      if (!live) return;
      if (r.ok) setPreview(r.value);
      else setError(r.error);
    });
    // The job may have printed before this listener was added: ask once.
    void api.call('print.jobs', { limit: 5 }).then((r) => {
      const j = r.ok ? r.value.jobs.find((x) => x.id === job.jobId) : undefined;
      if (live && j) {
        setStatus((s) => (s === 'queued' ? j.status : s));
        setLastError(j.lastError);
      }
    });
    return () => {
      live = false;
      off();
    };
  }, [api, job.jobId]);

  useEffect(() => {
    if (!job.simulated || status !== 'done') return undefined;
    let live = true;
    void api.call('devices.simulatedPaper', { deviceId: job.deviceId }).then((r) => {
      if (live && r.ok) setPaper(r.value);
    });
    return () => {
      live = false;
    };
  }, [api, job.simulated, job.deviceId, status]);

  return (
    <Stack spacing={1.5} data-testid="test-print" data-job-id={job.jobId}>
      <Stack direction="row" spacing={1.5} sx={{ alignItems: 'flex-start' }}>
        <PrintJobStatusChip status={status} />
        <Typography sx={{ fontWeight: 700, lineHeight: 1.5 }}>
          {t('devices.ui.testPrint.job', { jobId: job.jobId, device: job.deviceName })}
        </Typography>
      </Stack>
      <PrintJobError error={lastError} />
      {error && <ErrorMessage error={error} />}
      {!preview && !error && <LinearProgress aria-label={t('devices.ui.testPrint.loadingPreview')} />}
      {preview && (
        <>
          <Typography variant="body2" sx={{ color: 'text.secondary' }}>
            {t('devices.ui.testPrint.previewCaption', { paper: preview.paper })}
          </Typography>
          <ReceiptPreview
            testId="print-preview"
            html={preview.html}
            paper={preview.paper}
            title={t('devices.ui.testPrint.previewTitle', { jobId: job.jobId })}
          />
        </>
      )}
      {paper && (
        <Box>
          <Typography variant="body2" sx={{ color: 'text.secondary', mb: 0.5 }}>
            {t('devices.ui.testPrint.received', { bytes: paper.bytes, held: paper.held })}
          </Typography>
          <Box
            component="pre"
            data-testid="simulated-paper"
            aria-label={t('devices.ui.testPrint.receivedLabel')}
            sx={{
              m: 0,
              p: 1.5,
              maxHeight: 260,
              overflow: 'auto',
              bgcolor: '#fff',
              border: 1,
              borderColor: 'divider',
              borderRadius: 2,
              fontFamily: "'DejaVu Sans Mono', 'Noto Sans Mono CJK SC', monospace",
              fontSize: '0.875rem',
              lineHeight: 1.45,
            }}
          >
            {paper.lines.slice(job.paperFrom).join('\n')}
          </Box>
        </Box>
      )}
    </Stack>
  );
}
