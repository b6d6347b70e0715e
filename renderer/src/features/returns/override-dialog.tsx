/**
 * F8, manager override: the manager proves presence with code + PIN (or types/pastes the badge),
 * picks a reason from the list and adds a note; core returns a one-time grant for `returns.commit`
 * that the commit consumes. The dialog says what is being approved and why.
 */
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorValue } from '../../../../shared/contract/errors';
import type { Quote } from '../../../../shared/contract/methods/returns';
import { useApi } from '../../app/api-context';
import { ErrorMessage } from '../../app/error-message';
import { HotkeyLayer, useHotkey } from '../../app/hotkeys-react';
import { KeyChip } from '../../app/key-chip';
import { wrapGroupSx } from './toggle-styles';
import type { ApprovalRequest, OverrideGrant } from './use-return-flow';
import { useSentence } from './use-sentence';

/** The reasons a manager can give, in the order shown (names: returnsUi.override.reasons.*). */
export const OVERRIDE_REASONS = [
  'goodwill',
  'policy_exception',
  'defective_beyond_window',
  'pricing_error',
  'other',
] as const;
export type OverrideReason = (typeof OVERRIDE_REASONS)[number];

/** The override action for returns (core/services/returns/commit.ts RETURNS_OVERRIDE_ACTION). */
export const RETURNS_OVERRIDE_ACTION = 'returns.commit';

export interface OverrideDialogProps {
  open: boolean;
  quote: Quote | null;
  /** The request being approved; the grant pays exactly this request (null: nothing to approve yet). */
  request: ApprovalRequest | null;
  onClose: () => void;
  onGranted: (grant: OverrideGrant) => void;
}

/** Modal dialog; Esc cancels, Enter in the PIN or note approves. */
export function OverrideDialog({ open, quote, request, onClose, onGranted }: OverrideDialogProps) {
  const { t } = useTranslation();
  return (
    <Dialog open={open} onClose={onClose} maxWidth="sm" fullWidth aria-labelledby="override-title">
      <DialogTitle id="override-title" sx={{ fontSize: '1.5rem', fontWeight: 700 }}>
        {t('returnsUi.override.title')}
      </DialogTitle>
      {open && (
        <HotkeyLayer>
          <OverrideBody quote={quote} request={request} onClose={onClose} onGranted={onGranted} />
        </HotkeyLayer>
      )}
    </Dialog>
  );
}

function OverrideBody({ quote, request, onClose, onGranted }: Omit<OverrideDialogProps, 'open'>) {
  const { t } = useTranslation();
  const api = useApi();
  const sentence = useSentence();
  const [code, setCode] = useState('');
  const [pin, setPin] = useState('');
  const [badge, setBadge] = useState('');
  const [reason, setReason] = useState<OverrideReason | null>(null);
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<'credentials' | 'reason' | 'note' | null>(null);
  const [error, setError] = useState<AppErrorValue | null>(null);
  const [busy, setBusy] = useState(false);

  async function approve(): Promise<void> {
    if (busy || request === null) return;
    const b = badge.trim();
    const credOk = b.length >= 4 || (/^[A-Z0-9]{3,12}$/.test(code) && /^\d{4,8}$/.test(pin));
    if (!credOk) return setProblem('credentials');
    if (!reason) return setProblem('reason');
    if (reason === 'other' && note.trim() === '') return setProblem('note');
    setProblem(null);
    setError(null);
    setBusy(true);
    const r = await api.call('auth.requestOverride', {
      action: RETURNS_OVERRIDE_ACTION,
      reasonCode: reason,
      note: note.trim().slice(0, 500),
      ...(b.length >= 4 ? { badge: b } : { managerCode: code, pin }),
      request,
    });
    setBusy(false);
    if (r.ok) onGranted({ ...r.value, reasonCode: reason, note: note.trim() });
    else {
      setError(r.error);
      setPin('');
    }
  }
  useHotkey('F8', () => void approve());
  const onEnter = (e: KeyboardEvent) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    void approve();
  };

  return (
    <>
      <DialogContent dividers>
        <Stack spacing={2}>
          {quote && quote.manager.because.length > 0 ? (
            <Alert severity="warning" role="note">
              <Typography sx={{ fontWeight: 700 }}>{t('returnsUi.override.why')}</Typography>
              <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
                {quote.manager.because.map((b, i) => (
                  <Typography component="li" key={i}>
                    {t(`returns.cause.${b.cause}`)} — {sentence(b.reason)}
                  </Typography>
                ))}
              </Box>
              {quote.manager.payout === 'store_credit' && (
                <Typography sx={{ mt: 0.5 }}>{t('returnsUi.resolve.manager.storeCredit')}</Typography>
              )}
            </Alert>
          ) : (
            <Alert severity="info" role="note">
              {t('returnsUi.override.notNeeded')}
            </Alert>
          )}
          <Stack direction="row" spacing={1.5}>
            <TextField
              label={t('returnsUi.override.code')}
              name="managerCode"
              value={code}
              autoFocus
              onChange={(e) =>
                setCode(
                  e.target.value
                    .toUpperCase()
                    .replace(/[^A-Z0-9]/g, '')
                    .slice(0, 12),
                )
              }
              onKeyDown={onEnter}
              error={problem === 'credentials'}
              slotProps={{ htmlInput: { inputMode: 'numeric', autoComplete: 'off' } }}
              sx={{ flex: 1 }}
            />
            <TextField
              label={t('returnsUi.override.pin')}
              name="managerPin"
              type="password"
              value={pin}
              onChange={(e) => setPin(e.target.value.replace(/\D/g, '').slice(0, 8))}
              onKeyDown={onEnter}
              error={problem === 'credentials'}
              slotProps={{ htmlInput: { inputMode: 'numeric', autoComplete: 'off' } }}
              sx={{ flex: 1 }}
            />
          </Stack>
          <TextField
            label={t('returnsUi.override.badge')}
            name="managerBadge"
            value={badge}
            onChange={(e) => setBadge(e.target.value.slice(0, 64))}
            onKeyDown={onEnter}
            slotProps={{ htmlInput: { autoComplete: 'off', spellCheck: false } }}
          />
          {problem === 'credentials' && <Alert severity="error">{t('returnsUi.override.invalidCode')}</Alert>}
          {error && <ErrorMessage error={error} />}
          <Box>
            <Typography sx={{ mb: 0.75 }}>{t('returnsUi.override.reason')}</Typography>
            <ToggleButtonGroup
              exclusive
              value={reason}
              onChange={(_e, v: OverrideReason | null) => {
                if (v) setReason(v);
              }}
              aria-label={t('returnsUi.override.reason')}
              sx={wrapGroupSx}
            >
              {OVERRIDE_REASONS.map((r) => (
                <ToggleButton key={r} value={r} data-override-reason={r} sx={{ px: 1.75 }}>
                  {t(`returnsUi.override.reasons.${r}`)}
                </ToggleButton>
              ))}
            </ToggleButtonGroup>
            {problem === 'reason' && (
              <Typography color="error" sx={{ mt: 0.5 }}>
                {t('returnsUi.override.reasonRequired')}
              </Typography>
            )}
          </Box>
          <TextField
            label={t('returnsUi.override.note')}
            name="overrideNote"
            value={note}
            onChange={(e) => setNote(e.target.value)}
            onKeyDown={onEnter}
            error={problem === 'note'}
            helperText={problem === 'note' ? t('returnsUi.override.noteRequired') : ' '}
            slotProps={{ htmlInput: { maxLength: 500 } }}
          />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button variant="outlined" onClick={onClose}>
          {t('returnsUi.override.cancel')}
          <KeyChip k="Esc" />
        </Button>
        <Button
          variant="contained"
          onClick={() => void approve()}
          disabled={busy}
          data-testid="override-approve"
        >
          {busy ? t('returnsUi.override.approving') : t('returnsUi.override.approve')}
          <KeyChip k="Enter" inverted />
        </Button>
      </DialogActions>
    </>
  );
}
