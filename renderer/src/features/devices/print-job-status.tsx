/** A print job's status as a chip, plus the reason of its last failure in words. */
import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { PrintJobStatus } from '../../../../shared/contract/methods/devices';

const COLOR: Record<PrintJobStatus, 'success' | 'info' | 'warning' | 'error' | 'default'> = {
  queued: 'info',
  printing: 'info',
  done: 'success',
  failed: 'error',
  cancelled: 'default',
};

/** The chip for one job status. */
export function PrintJobStatusChip({ status }: { status: PrintJobStatus }) {
  const { t } = useTranslation();
  return (
    <Chip
      size="small"
      label={t(`devices.print.status.${status}`)}
      color={COLOR[status]}
      variant={status === 'cancelled' ? 'outlined' : 'filled'}
      data-job-status={status}
      sx={{ fontWeight: 700 }}
    />
  );
}

/** The last error of a job (`errors.<CODE>`), when it has one. */
export function PrintJobError({ error }: { error: { code: string; messageKey: string } | null | undefined }) {
  const { t, i18n } = useTranslation();
  if (!error) return null;
  const text = i18n.exists(error.messageKey)
    ? t(error.messageKey)
    : t('app.error.unknown', { code: error.code });
  return (
    <Typography variant="body2" sx={{ color: 'error.main' }} data-error-code={error.code}>
      {text}
    </Typography>
  );
}
