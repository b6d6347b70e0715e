/** A device's state as a coloured chip (connected green, connecting blue, disconnected amber, error red). */
import Chip from '@mui/material/Chip';
import { useTranslation } from 'react-i18next';
import type { DeviceState } from '../../../../shared/contract/methods/devices';

const COLOR: Record<DeviceState, 'success' | 'info' | 'warning' | 'error' | 'default'> = {
  connected: 'success',
  connecting: 'info',
  disconnected: 'warning',
  error: 'error',
  stopped: 'default',
};

/** The chip for one state. */
export function DeviceStatusChip({ state }: { state: DeviceState }) {
  const { t } = useTranslation();
  return (
    <Chip
      label={t(`devices.state.${state}`)}
      color={COLOR[state]}
      variant={state === 'stopped' ? 'outlined' : 'filled'}
      data-device-state={state}
      sx={{ fontWeight: 700, fontSize: '1rem', height: 34 }}
    />
  );
}
