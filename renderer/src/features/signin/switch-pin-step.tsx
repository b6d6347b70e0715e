/** Second step of the quick switch: the picked staff member's PIN, keypad, Enter switches. */
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorValue } from '../../../../shared/contract/errors';
import { ErrorMessage } from '../../app/error-message';
import { KeyChip } from '../../app/key-chip';
import { useSession } from '../../app/session-context';
import { cleanPin } from './credentials';
import { applyKeypad, PinKeypad } from './pin-keypad';
import type { StaffList } from './use-staff-list';

export interface SwitchPinStepProps {
  member: StaffList[number];
  onBack: () => void;
  onSwitched: (name: string) => void;
}

/** PIN entry for one staff member. */
export function SwitchPinStep({ member, onBack, onSwitched }: SwitchPinStepProps) {
  const { t } = useTranslation();
  const { signIn } = useSession();
  const [pin, setPin] = useState('');
  const [error, setError] = useState<AppErrorValue | null>(null);
  /** A call is under way: a second Enter must not send the PIN twice. */
  const busy = useRef(false);

  async function submit(): Promise<void> {
    if (busy.current || pin.length < 4) return;
    busy.current = true;
    const r = await signIn(member.code, pin);
    busy.current = false;
    if (r.ok) onSwitched(r.value.staff.name);
    else {
      setError(r.error);
      setPin('');
    }
  }

  return (
    <Stack
      spacing={2}
      component="form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <TextField
        label={t('app.switch.pinFor', { name: member.name })}
        name="switchPin"
        type="password"
        autoFocus
        autoComplete="off"
        value={pin}
        onChange={(e) => setPin(cleanPin(e.target.value))}
        error={error !== null}
        slotProps={{ htmlInput: { inputMode: 'numeric' } }}
      />
      {error && <ErrorMessage error={error} onClose={() => setError(null)} />}
      <PinKeypad onKey={(k) => setPin((v) => cleanPin(applyKeypad(v, k)))} />
      <Stack direction="row" spacing={1.5} sx={{ justifyContent: 'flex-end' }}>
        <Button variant="outlined" onClick={onBack}>
          {t('app.switch.back')}
          <KeyChip k="Esc" />
        </Button>
        <Button type="submit" variant="contained" disabled={pin.length < 4}>
          {t('app.switch.confirm')}
          <KeyChip k="Enter" inverted />
        </Button>
      </Stack>
    </Stack>
  );
}
