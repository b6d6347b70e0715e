/** The dialog for a status change that needs something: an exit reason, a quote, or how the customer approved. */
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseMoney } from '../../../../shared/domain/money/parse';
import { APPROVAL_METHODS, EXIT_REASONS } from '../../../../shared/domain/repairs/transitions';

export interface MoveRequest {
  to: string;
  needs: readonly string[];
}

/** Collects note/reason/quote/approval for `move` and calls `onConfirm` with the transition fields. */
export function MoveDialog({
  move,
  busy,
  onConfirm,
  onClose,
}: {
  move: MoveRequest | null;
  busy: boolean;
  onConfirm: (fields: Record<string, unknown>) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const [reason, setReason] = useState<string>(EXIT_REASONS[0]);
  const [quote, setQuote] = useState('');
  const [method, setMethod] = useState<string>(APPROVAL_METHODS[0]);
  const [approved, setApproved] = useState(true);
  if (!move) return null;
  const needs = new Set(move.needs);
  const confirm = () => {
    const fields: Record<string, unknown> = { note };
    if (needs.has('reason')) fields.reason = reason;
    if (needs.has('quote')) {
      const q = parseMoney(quote);
      fields.quoteMinor = q.ok ? q.minor : -1;
    }
    if (needs.has('approval')) fields.approval = { method, approved };
    onConfirm(fields);
  };
  return (
    <Dialog open onClose={onClose} aria-labelledby="move-title" fullWidth maxWidth="sm">
      <DialogTitle id="move-title">
        {t('repairsUi.move.title', { status: t(`repairs.status.${move.to}`) })}
      </DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ mt: 1 }}>
          {needs.has('reason') && (
            <TextField
              select
              label={t('repairsUi.move.reason')}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            >
              {EXIT_REASONS.map((r) => (
                <MenuItem key={r} value={r}>
                  {t(`repairs.exitReason.${r}`)}
                </MenuItem>
              ))}
            </TextField>
          )}
          {needs.has('quote') && (
            <TextField
              label={t('repairsUi.move.quote')}
              name="quote"
              value={quote}
              onChange={(e) => setQuote(e.target.value)}
            />
          )}
          {needs.has('approval') && (
            <>
              <TextField
                select
                label={t('repairsUi.move.approval')}
                value={method}
                onChange={(e) => setMethod(e.target.value)}
              >
                {APPROVAL_METHODS.map((m) => (
                  <MenuItem key={m} value={m}>
                    {t(`repairs.approvalMethod.${m}`)}
                  </MenuItem>
                ))}
              </TextField>
              <FormControlLabel
                control={<Switch checked={approved} onChange={(e) => setApproved(e.target.checked)} />}
                label={approved ? t('repairsUi.move.approved') : t('repairsUi.move.declined')}
              />
            </>
          )}
          <TextField
            label={t('repairsUi.move.note')}
            name="note"
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} size="large">
          {t('repairsUi.move.cancel')}
        </Button>
        <Button variant="contained" size="large" disabled={busy} onClick={confirm} autoFocus>
          {t('repairsUi.move.confirm')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
