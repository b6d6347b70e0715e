/**
 * Idle lock: after `idleLockMinutes` (store setting, carried in the session) without a key, pointer
 * or touch input, a modal covers the shell and asks the same staff member's PIN again. The shell
 * stays mounted underneath, so a half-done return or intake keeps its state. Unlocking signs in
 * again with the same staff code (wrong PINs count toward the lockout like any sign-in); "sign in
 * as someone else" signs out. A badge scan or quick switch that changes the session also unlocks.
 */
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorValue } from '../../../../shared/contract/errors';
import { ErrorMessage } from '../../app/error-message';
import { useSession } from '../../app/session-context';
import type { SessionInfo } from '../../app/session-types';
import { cleanPin } from '../signin/credentials';
import { applyKeypad, PinKeypad } from '../signin/pin-keypad';

const INPUT_EVENTS = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const;
const CHECK_EVERY_MS = 5_000;

/** Locks the screen after the configured idle minutes; renders nothing while unlocked. */
export function IdleLock({ session }: { session: SessionInfo }) {
  const minutes = session.idleLockMinutes ?? 0;
  const [locked, setLocked] = useState(false);
  const lastInput = useRef(Date.now());

  // A new session (unlock, badge, quick switch) starts unlocked with a fresh idle timer.
  useEffect(() => {
    lastInput.current = Date.now();
    setLocked(false);
  }, [session.signedInAt]);

  useEffect(() => {
    if (minutes <= 0) return;
    const touch = () => {
      lastInput.current = Date.now();
    };
    for (const e of INPUT_EVENTS) window.addEventListener(e, touch, { capture: true, passive: true });
    const timer = window.setInterval(() => {
      if (Date.now() - lastInput.current >= minutes * 60_000) setLocked(true);
    }, CHECK_EVERY_MS);
    return () => {
      for (const e of INPUT_EVENTS) window.removeEventListener(e, touch, { capture: true });
      window.clearInterval(timer);
    };
  }, [minutes]);

  if (!locked) return null;
  return <LockDialog session={session} minutes={minutes} />;
}

function LockDialog({ session, minutes }: { session: SessionInfo; minutes: number }) {
  const { t } = useTranslation();
  const { signIn, signOut } = useSession();
  const [pin, setPin] = useState('');
  const [error, setError] = useState<AppErrorValue | null>(null);
  const busy = useRef(false);

  async function submit(): Promise<void> {
    if (busy.current || pin.length < 4) return;
    busy.current = true;
    const r = await signIn(session.staff.code, pin);
    busy.current = false;
    if (!r.ok) {
      setError(r.error);
      setPin('');
    }
  }

  return (
    <Dialog open fullWidth maxWidth="xs" data-testid="idle-lock" aria-labelledby="idle-lock-title">
      <DialogTitle id="idle-lock-title">{t('app.idleLock.title')}</DialogTitle>
      <DialogContent>
        <Stack
          spacing={2}
          component="form"
          noValidate
          onKeyDown={(e) => e.stopPropagation()}
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <Typography>{t('app.idleLock.hint', { minutes, name: session.staff.name })}</Typography>
          <TextField
            label={t('app.idleLock.pin')}
            name="idlePin"
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
            <Button variant="outlined" onClick={() => void signOut()}>
              {t('app.idleLock.signOut')}
            </Button>
            <Button type="submit" variant="contained" disabled={pin.length < 4}>
              {t('app.idleLock.unlock')}
            </Button>
          </Stack>
        </Stack>
      </DialogContent>
    </Dialog>
  );
}
