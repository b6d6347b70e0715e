/**
 * Backup and restore on the Settings screen (backup.manage): the schedule with its next and last
 * run, back up now, the stored backups with verify and restore (staged for the next start), and an
 * export of every record.
 */
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Divider from '@mui/material/Divider';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../app/error-message';
import { useStoreTime } from '../returns/use-store-time';
import { BackupList, type StoredBackupRow } from './backup-list';
import { BackupScheduleForm } from './backup-schedule-form';
import { RestoreDialog } from './restore-dialog';
import { useBackups } from './use-backups';

/** The panel. */
export function BackupsPanel() {
  const { t } = useTranslation();
  const time = useStoreTime();
  const { api, status, busy, feedback, setFeedback, run } = useBackups();
  const [restoring, setRestoring] = useState<StoredBackupRow | null>(null);
  if (!status)
    return feedback?.kind === 'error' ? <ErrorMessage error={feedback.error} /> : <LinearProgress />;

  const stage = async (b: StoredBackupRow) => {
    await run(
      () => api.call('backup.stageRestore', { name: b.name }),
      (v) => t('settingsUi.backup.verified', { name: time(b.at), rows: v.auditRows }),
    );
    setRestoring(null);
  };

  return (
    <Paper sx={{ p: 3 }} aria-labelledby="backups-title">
      <Typography id="backups-title" variant="h6" component="h2" gutterBottom>
        {t('settingsUi.backup.title')}
      </Typography>
      <Stack spacing={2}>
        {status.pendingRestore && (
          <Alert
            severity="warning"
            data-testid="pending-restore"
            action={
              <Button
                color="inherit"
                disabled={busy}
                sx={{ whiteSpace: 'nowrap', flexShrink: 0 }}
                onClick={() =>
                  void run(
                    () => api.call('backup.cancelRestore', {}),
                    () => t('settingsUi.backup.restoreCancelled'),
                  )
                }
              >
                {t('settingsUi.backup.cancelRestore')}
              </Button>
            }
          >
            {t('settingsUi.backup.pending', {
              name: status.pendingRestore.name,
              by: status.pendingRestore.staffName,
            })}
          </Alert>
        )}
        <BackupScheduleForm
          schedule={status.schedule}
          busy={busy}
          onSave={(s) =>
            void run(
              () => api.call('backup.setSchedule', s as never),
              () => t('settingsUi.backup.scheduleSaved'),
            )
          }
        />
        <Typography color="text.secondary">
          {status.nextAt === null
            ? t('settingsUi.backup.nextNone')
            : t('settingsUi.backup.next', { at: time(status.nextAt) })}
          {status.last &&
            ` · ${
              status.last.ok
                ? t('settingsUi.backup.lastOk', { at: time(status.last.at), name: status.last.name ?? '' })
                : t('settingsUi.backup.lastFailed', { at: time(status.last.at) })
            }`}
        </Typography>
        {status.last && !status.last.ok && status.last.errorCode && (
          <ErrorMessage
            error={{
              code: status.last.errorCode,
              messageKey: `errors.${status.last.errorCode}`,
              details: {},
            }}
          />
        )}
        <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap' }}>
          <Button
            variant="contained"
            size="large"
            disabled={busy}
            sx={{ minHeight: 48 }}
            onClick={() =>
              void run(
                () => api.call('backup.now', {}),
                (v) => t('settingsUi.backup.nowDone', { name: v.name, rows: v.auditRows }),
              )
            }
          >
            {t('settingsUi.backup.now')}
          </Button>
          <Button
            variant="outlined"
            size="large"
            disabled={busy}
            sx={{ minHeight: 48 }}
            title={t('settingsUi.backup.exportHelp')}
            onClick={() =>
              void run(
                () => api.call('backup.export', {}),
                (v) => t('settingsUi.backup.exportDone', { dir: v.dir, tables: v.tables, rows: v.rows }),
              )
            }
          >
            {t('settingsUi.backup.export')}
          </Button>
        </Stack>
        {busy && <LinearProgress aria-label={t('settingsUi.backup.working')} />}
        {feedback?.kind === 'ok' && (
          <Alert severity="success" role="status" onClose={() => setFeedback(null)}>
            {feedback.text}
          </Alert>
        )}
        {feedback?.kind === 'error' && (
          <ErrorMessage error={feedback.error} onClose={() => setFeedback(null)} />
        )}
        <Divider />
        <Typography variant="subtitle1" component="h3">
          {t('settingsUi.backup.list')}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {t('settingsUi.backup.folder', { dir: status.dir })}
        </Typography>
        <BackupList
          backups={status.backups}
          busy={busy}
          time={time}
          onVerify={(b) =>
            void run(
              () => api.call('backup.verify', { name: b.name }),
              (v) => t('settingsUi.backup.verified', { name: time(b.at), rows: v.auditRows }),
            )
          }
          onRestore={setRestoring}
        />
      </Stack>
      <RestoreDialog
        open={restoring !== null}
        when={restoring ? time(restoring.at) : ''}
        busy={busy}
        onConfirm={() => restoring && void stage(restoring)}
        onClose={() => setRestoring(null)}
      />
    </Paper>
  );
}
