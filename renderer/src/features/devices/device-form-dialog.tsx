/**
 * Add or edit a device (managers): kind, name, role, driver, connection (serial port and baud,
 * TCP host:port, file, USB HID vendor/product, or the demo simulator) and enabled. Fields are
 * checked here first (device-form.ts); core's refusal (role taken, driver mismatch…) is shown
 * as its translated error. F9 or Enter saves, Esc cancels.
 */
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorValue } from '../../../../shared/contract/errors';
import {
  DEVICE_KINDS,
  type DeviceDriver,
  type DeviceKind,
  type TransportType,
} from '../../../../shared/contract/methods/devices';
import { useApi } from '../../app/api-context';
import { ErrorMessage } from '../../app/error-message';
import { HotkeyLayer, useHotkey } from '../../app/hotkeys-react';
import { KeyChip } from '../../app/key-chip';
import { defaultTcpPort } from './connection-label';
import { SELECTED_TOGGLE } from './toggle-styles';
import {
  driversFor,
  fixedSerialLine,
  toSaveInput,
  transportsFor,
  withDriver,
  withKind,
  type DeviceFormState,
  type FormField,
  type FormProblems,
} from './device-form';

export interface DeviceFormDialogProps {
  /** The form to start from; null = closed. */
  initial: DeviceFormState | null;
  /** Serial ports found on this PC, offered as one-tap choices. */
  serialPorts: readonly string[];
  onClose(): void;
  onSaved(name: string): void;
}

/** The dialog; its content mounts fresh for every opening. */
export function DeviceFormDialog({ initial, serialPorts, onClose, onSaved }: DeviceFormDialogProps) {
  const { t } = useTranslation();
  const editing = initial?.id !== undefined;
  return (
    <Dialog
      open={initial !== null}
      onClose={onClose}
      fullWidth
      maxWidth="md"
      aria-labelledby="device-form-title"
    >
      <DialogTitle id="device-form-title" sx={{ fontSize: '1.5rem', fontWeight: 700 }}>
        {editing ? t('devices.ui.form.editTitle') : t('devices.ui.form.addTitle')}
      </DialogTitle>
      {initial && (
        <HotkeyLayer>
          <DeviceFormBody initial={initial} serialPorts={serialPorts} onClose={onClose} onSaved={onSaved} />
        </HotkeyLayer>
      )}
    </Dialog>
  );
}

function DeviceFormBody({
  initial,
  serialPorts,
  onClose,
  onSaved,
}: {
  initial: DeviceFormState;
  serialPorts: readonly string[];
  onClose(): void;
  onSaved(name: string): void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const [f, setF] = useState<DeviceFormState>(initial);
  const [problems, setProblems] = useState<FormProblems>({});
  const [error, setError] = useState<AppErrorValue | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => setF(initial), [initial]);

  const set = <K extends keyof DeviceFormState>(key: K, value: DeviceFormState[K]) =>
    setF((s) => ({ ...s, [key]: value }));
  const problem = (field: FormField) =>
    problems[field] ? t(`devices.ui.form.problem.${problems[field]}`) : undefined;

  const save = async () => {
    if (busy) return;
    const checked = toSaveInput(f);
    if (!checked.ok) {
      setProblems(checked.problems);
      return;
    }
    setProblems({});
    setBusy(true);
    setError(null);
    const r = await api.call('devices.save', checked.input);
    setBusy(false);
    if (r.ok) onSaved(r.value.name);
    else setError(r.error);
  };
  useHotkey('F9', () => void save());

  const text = (
    field: FormField,
    label: string,
    extra: { helper?: string; placeholder?: string; disabled?: boolean } = {},
  ) => (
    <TextField
      name={field}
      label={label}
      value={f[field]}
      onChange={(e) => set(field, e.target.value)}
      error={problems[field] !== undefined}
      helperText={problem(field) ?? extra.helper}
      placeholder={extra.placeholder}
      disabled={extra.disabled}
      autoComplete="off"
      fullWidth
    />
  );

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <DialogContent sx={{ display: 'grid', gap: 2.5, pt: 1 }}>
        <Field label={t('devices.ui.form.kind')}>
          <ToggleButtonGroup
            exclusive
            value={f.kind}
            onChange={(_e, v: DeviceKind | null) => v && setF((s) => withKind(s, v))}
            aria-label={t('devices.ui.form.kind')}
            sx={SELECTED_TOGGLE}
          >
            {DEVICE_KINDS.map((k) => (
              <ToggleButton key={k} value={k} sx={{ px: 3, fontWeight: 700 }}>
                {t(`devices.kind.${k}`)}
              </ToggleButton>
            ))}
          </ToggleButtonGroup>
        </Field>
        <Stack direction="row" spacing={2}>
          {text('name', t('devices.ui.form.name'))}
          {text('role', t('devices.ui.form.role'), { helper: t('devices.ui.form.roleHelp') })}
        </Stack>
        <TextField
          select
          name="driver"
          label={t('devices.ui.form.driver')}
          value={f.driver}
          onChange={(e) => setF((s) => withDriver(s, e.target.value as DeviceDriver))}
        >
          {driversFor(f.kind).map((d) => (
            <MenuItem key={d} value={d} sx={{ minHeight: 48 }}>
              {t(`devices.driver.${d}`)}
            </MenuItem>
          ))}
        </TextField>
        <Field label={t('devices.ui.form.connection')}>
          <ToggleButtonGroup
            exclusive
            value={f.transportType}
            onChange={(_e, v: TransportType | null) => v && set('transportType', v)}
            aria-label={t('devices.ui.form.connection')}
            sx={{ flexWrap: 'wrap', ...SELECTED_TOGGLE }}
          >
            {transportsFor(f.driver).map((tr) => (
              <ToggleButton key={tr} value={tr} sx={{ px: 2.5 }}>
                {t(`devices.transport.${tr}`)}
              </ToggleButton>
            ))}
          </ToggleButtonGroup>
        </Field>
        {f.transportType === 'serial' && (
          <>
            <Stack direction="row" spacing={2}>
              {text('serialPath', t('devices.ui.form.serialPath'), { placeholder: '/dev/ttyUSB0' })}
              {text(
                'baudRate',
                t('devices.ui.form.baudRate'),
                fixedSerialLine(f.driver)
                  ? { disabled: true, helper: t('devices.ui.form.fixedLine') }
                  : { placeholder: '9600' },
              )}
            </Stack>
            {serialPorts.length > 0 && (
              <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
                <Typography variant="body2" sx={{ color: 'text.secondary' }}>
                  {t('devices.ui.form.detectedPorts')}
                </Typography>
                {serialPorts.map((p) => (
                  <Chip
                    key={p}
                    label={p}
                    onClick={() => set('serialPath', p)}
                    sx={{ fontFamily: 'monospace', height: 40 }}
                  />
                ))}
              </Stack>
            )}
          </>
        )}
        {f.transportType === 'tcp' && (
          <Stack direction="row" spacing={2}>
            {text('tcpHost', t('devices.ui.form.tcpHost'), { placeholder: '192.168.1.50' })}
            {text('tcpPort', t('devices.ui.form.tcpPort'), { placeholder: String(defaultTcpPort(f.driver)) })}
          </Stack>
        )}
        {f.transportType === 'file' &&
          text('filePath', t('devices.ui.form.filePath'), { placeholder: '/dev/usb/lp0' })}
        {f.transportType === 'hid' && (
          <Stack direction="row" spacing={2}>
            {text('hidVendor', t('devices.ui.form.hidVendor'), {
              helper: t('devices.ui.form.hidHelp'),
              placeholder: '0c2e',
            })}
            {text('hidProduct', t('devices.ui.form.hidProduct'), { placeholder: '0b61' })}
          </Stack>
        )}
        {f.transportType === 'simulated' && (
          <Typography sx={{ color: 'text.secondary' }}>{t('devices.ui.form.simulatedHelp')}</Typography>
        )}
        <FormControlLabel
          control={<Switch checked={f.enabled} onChange={(e) => set('enabled', e.target.checked)} />}
          label={t('devices.ui.form.enabled')}
        />
        {error && <ErrorMessage error={error} />}
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        <Button onClick={onClose}>
          {t('devices.ui.cancel')}
          <KeyChip k="Esc" />
        </Button>
        <Button type="submit" variant="contained" disabled={busy}>
          {t('devices.ui.form.save')}
          <KeyChip k="F9" inverted />
        </Button>
      </DialogActions>
    </form>
  );
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack spacing={0.75}>
      <Typography variant="body2" sx={{ color: 'text.secondary', fontWeight: 500 }}>
        {label}
      </Typography>
      {children}
    </Stack>
  );
}
