/**
 * Pickup (journey 7): balance due, how it is paid (the counter tenders, plus store credit when the
 * customer has a balance — shown, and debited by core; never a gift card, which core cannot check),
 * the customer's signature, one-tap CSAT 1–5 and NPS 0–10.
 */
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RepairJob } from '../../../../shared/contract/methods/repairs';
import { repairTendersFor } from '../../../../shared/domain/money/tenders';
import { useMoney } from '../../app/use-money';
import { SignaturePad } from './signature-pad';

/** The panel; `onSubmit` gets the `repairs.pickup` fields (the job id is added by the caller). */
export function PickupPanel({
  job,
  busy,
  onSubmit,
}: {
  job: RepairJob;
  busy: boolean;
  onSubmit: (fields: Record<string, unknown>) => void;
}) {
  const { t } = useTranslation();
  const money = useMoney();
  const [tender, setTender] = useState<string>('wechat');
  const [signature, setSignature] = useState<string | null>(null);
  const [csat, setCsat] = useState<number | null>(null);
  const [nps, setNps] = useState<number | null>(null);
  const [hint, setHint] = useState(false);
  const key = useRef(`pickup-${job.id}-${Date.now()}`);
  const due = job.balanceDueMinor;
  const credit = job.storeCreditBalanceMinor;
  const tenders = repairTendersFor(credit);
  const submit = () => {
    if (!signature) return setHint(true);
    onSubmit({
      idempotencyKey: key.current,
      payment: due > 0 ? { tender, amountMinor: due } : null,
      signature,
      csat,
      nps,
      note: '',
    });
  };
  return (
    <Paper sx={{ p: 2 }} data-testid="pickup-panel">
      <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 700, mb: 1 }}>
        {t('repairsUi.pickup.title')}
      </Typography>
      <Stack spacing={2}>
        <Typography variant="h5" data-testid="balance-due">
          {due > 0 ? `${t('repairsUi.pickup.balance')}：${money(due)}` : t('repairsUi.pickup.nothingDue')}
        </Typography>
        {job.refundDueMinor > 0 && (
          <Alert severity="info">
            {t('repairsUi.pickup.refundDue', { amount: money(job.refundDueMinor) })}
          </Alert>
        )}
        {due > 0 && (
          <TextField
            select
            label={t('repairsUi.pickup.tender')}
            value={tender}
            onChange={(e) => setTender(e.target.value)}
            sx={{ maxWidth: 240 }}
          >
            {tenders.map((x) => (
              <MenuItem key={x} value={x} disabled={x === 'store_credit' && credit < due}>
                {t(`money.tender.${x}`)}
              </MenuItem>
            ))}
          </TextField>
        )}
        {due > 0 && credit > 0 && (
          <Typography color="text.secondary" data-testid="store-credit-balance">
            {t('repairsUi.pickup.storeCredit', { amount: money(credit) })}
            {credit < due ? ` — ${t('repairsUi.pickup.storeCreditShort')}` : ''}
          </Typography>
        )}
        <SignaturePad label={t('repairsUi.pickup.signature')} onChange={setSignature} />
        <Typography>{t('repairsUi.pickup.csat')}</Typography>
        <ToggleButtonGroup
          exclusive
          value={csat}
          onChange={(_e, v: number | null) => setCsat(v)}
          aria-label={t('repairsUi.pickup.csat')}
        >
          {[1, 2, 3, 4, 5].map((n) => (
            <ToggleButton key={n} value={n} sx={{ minWidth: 56, minHeight: 56, fontSize: 20 }} data-csat={n}>
              {'★'.repeat(n)}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
        <Typography>{t('repairsUi.pickup.nps')}</Typography>
        <ToggleButtonGroup
          exclusive
          value={nps}
          onChange={(_e, v: number | null) => setNps(v)}
          aria-label={t('repairsUi.pickup.nps')}
        >
          {Array.from({ length: 11 }, (_, n) => (
            <ToggleButton key={n} value={n} sx={{ minWidth: 48, minHeight: 48 }} data-nps={n}>
              {n}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
        {hint && !signature && (
          <Alert severity="warning" role="alert">
            {t('repairsUi.intake.needSignature')}
          </Alert>
        )}
        <Stack direction="row">
          <Button
            variant="contained"
            size="large"
            disabled={busy}
            onClick={submit}
            sx={{ minHeight: 56, px: 4 }}
          >
            {t('repairsUi.pickup.submit')}
          </Button>
        </Stack>
      </Stack>
    </Paper>
  );
}
