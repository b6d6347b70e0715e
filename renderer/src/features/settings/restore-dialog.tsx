/** Confirms a restore: says what goes back and that the current data is kept aside; Enter confirms, Esc cancels. */
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import { useTranslation } from 'react-i18next';

/** The dialog; `when` is the backup's time as the store reads it. */
export function RestoreDialog({
  open,
  when,
  busy,
  onConfirm,
  onClose,
}: {
  open: boolean;
  when: string;
  busy: boolean;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Dialog open={open} onClose={onClose} aria-labelledby="restore-title">
      <DialogTitle id="restore-title">{t('settingsUi.backup.restoreTitle')}</DialogTitle>
      <DialogContent>
        <DialogContentText>{t('settingsUi.backup.restoreBody', { at: when })}</DialogContentText>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} size="large">
          {t('settingsUi.backup.cancel')}
        </Button>
        <Button
          onClick={onConfirm}
          color="warning"
          variant="contained"
          size="large"
          disabled={busy}
          autoFocus
        >
          {t('settingsUi.backup.restoreConfirm')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
