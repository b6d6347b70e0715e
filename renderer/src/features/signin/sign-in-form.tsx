/**
 * Staff code + PIN with the on-screen keypad. Enter in the code field moves to the PIN, Enter in
 * the PIN signs in; after a wrong PIN the PIN is cleared and keeps the focus.
 */
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorValue } from '../../../../shared/contract/errors';
import { KeyChip } from '../../app/key-chip';
import { useSession } from '../../app/session-context';
import { cleanCode, cleanPin, credentialProblem } from './credentials';
import { applyKeypad, PinKeypad, type KeypadKey } from './pin-keypad';
import { SignInFeedback } from './sign-in-feedback';

export interface SignInFormProps {
  /** A staff code picked from the demo table (a new object each pick). */
  picked: { code: string } | null;
  /** Bumped when a badge scan happened: the typed fields are cleared. */
  clearSignal: number;
  error: AppErrorValue | null;
  setError: (e: AppErrorValue | null) => void;
}

/** The sign-in form; on success the session changes and the shell replaces this screen. */
export function SignInForm({ picked, clearSignal, error, setError }: SignInFormProps) {
  const { t } = useTranslation();
  const { signIn } = useSession();
  const [code, setCode] = useState('');
  const [pin, setPin] = useState('');
  const [active, setActive] = useState<'code' | 'pin'>('code');
  const [problem, setProblem] = useState<'codeInvalid' | 'pinInvalid' | null>(null);
  /** A call is under way: a second Enter must not send the PIN twice. */
  const busy = useRef(false);
  const codeRef = useRef<HTMLInputElement>(null);
  const pinRef = useRef<HTMLInputElement>(null);

  const focus = (field: 'code' | 'pin') => {
    setActive(field);
    (field === 'code' ? codeRef : pinRef).current?.focus();
  };

  useEffect(() => {
    if (!picked) return;
    setCode(picked.code);
    setPin('');
    setProblem(null);
    setError(null);
    pinRef.current?.focus();
  }, [picked, setError]);

  useEffect(() => {
    if (clearSignal === 0) return;
    setCode('');
    setPin('');
    setProblem(null);
  }, [clearSignal]);

  async function submit(): Promise<void> {
    if (busy.current) return;
    const p = credentialProblem(code, pin);
    setProblem(p);
    setError(null);
    if (p) {
      focus(p === 'codeInvalid' ? 'code' : 'pin');
      return;
    }
    busy.current = true;
    const r = await signIn(code, pin);
    busy.current = false;
    if (r.ok) return;
    setError(r.error);
    setPin('');
    if (r.error.code === 'AUTH_FAILED' && r.error.details.attemptsLeft === null) {
      focus('code');
      codeRef.current?.select();
    } else focus('pin');
  }

  function onKey(key: KeypadKey): void {
    if (active === 'code') setCode((c) => cleanCode(applyKeypad(c, key)));
    else setPin((v) => cleanPin(applyKeypad(v, key)));
  }

  function onEnter(e: KeyboardEvent, field: 'code' | 'pin'): void {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    if (field === 'code' && pin === '') focus('pin');
    else void submit();
  }

  return (
    <Stack
      component="form"
      spacing={2}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <TextField
        label={t('app.signin.code')}
        name="staffCode"
        value={code}
        autoFocus
        autoComplete="off"
        inputRef={codeRef}
        onFocus={() => setActive('code')}
        onChange={(e) => setCode(cleanCode(e.target.value))}
        onKeyDown={(e) => onEnter(e, 'code')}
        error={problem === 'codeInvalid'}
        slotProps={{
          htmlInput: { inputMode: 'numeric', spellCheck: false, 'aria-describedby': 'signin-feedback' },
        }}
      />
      <TextField
        label={t('app.signin.pin')}
        name="pin"
        type="password"
        value={pin}
        autoComplete="off"
        inputRef={pinRef}
        onFocus={() => setActive('pin')}
        onChange={(e) => setPin(cleanPin(e.target.value))}
        onKeyDown={(e) => onEnter(e, 'pin')}
        error={problem === 'pinInvalid' || error !== null}
        slotProps={{ htmlInput: { inputMode: 'numeric', 'aria-describedby': 'signin-feedback' } }}
      />
      <SignInFeedback id="signin-feedback" problem={problem} error={error} onClose={() => setError(null)} />
      <PinKeypad onKey={onKey} />
      <Button type="submit" variant="contained" size="large" sx={{ minHeight: 60, fontSize: '1.25rem' }}>
        {t('app.signin.submit')}
        <KeyChip k="Enter" inverted />
      </Button>
    </Stack>
  );
}
