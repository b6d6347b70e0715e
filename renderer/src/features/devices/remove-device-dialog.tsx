/** "Remove this device?" — managers confirm before devices.remove closes and deletes it. */
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorValue } from '../../../../shared/contract/errors';
import type { DeviceView } from '../../../../shared/contract/methods/devices';
import { useApi } from '../../app/api-context';
import { ErrorMessage } from '../../app/error-message';
import { HotkeyLayer } from '../../app/hotkeys-react';
import { KeyChip } from '../../app/key-chip';

/** The confirmation for one device; null = closed. */
export function RemoveDeviceDialog({
  device,
  onClose,
  onRemoved,
}: {
  device: DeviceView | null;
  onClose(): void;
  onRemoved(name: string): void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const [error, setError] = useState<AppErrorValue | null>(null);
  const [busy, setBusy] = useState(false);
  const remove = async () => {
    if (!device) return;
    setBusy(true);
    setError(null);
    const r = await api.call('devices.remove', { deviceId: device.id });
    setBusy(false);
    if (r.ok) onRemoved(device.name);
    else setError(r.error);
  };
  return (
    <Dialog
      open={device !== null}
      onClose={onClose}
      aria-labelledby="remove-device-title"
      slotProps={{ transition: { onExited: () => setError(null) } }}
    >
      <DialogTitle id="remove-device-title">{t('devices.ui.remove.title')}</DialogTitle>
      <DialogContent>
        <HotkeyLayer>
          <Typography>{t('devices.ui.remove.confirm', { name: device?.name ?? '' })}</Typography>
          {error && <ErrorMessage error={error} />}
        </HotkeyLayer>
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        <Button onClick={onClose}>
          {t('devices.ui.cancel')}
          <KeyChip k="Esc" />
        </Button>
        <Button variant="contained" color="error" onClick={() => void remove()} disabled={busy}>
          {t('devices.ui.remove.button')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
