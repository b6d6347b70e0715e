/**
 * Repair intake at the counter (journey 5): customer by phone (an existing customer is found as the
 * number is typed and the name filled in, editable), device (the serial/IMEI field is a scan target:
 * a keyboard-wedge or HID scan of an IMEI or serial lands in it and runs the warranty check), fault from
 * the category list, warranty check (precheck: sale, 三包/manufacturer/store, repeat repairs,
 * promised day), condition checklist, accessories left, passcode policy, estimate and deposit,
 * promised day, assignment, the customer's signature and terms; F9 registers and prints. The
 * result shows the intake receipt and the shelf tag as they print, both with the job's QR.
 *
 * This file holds the form's state and submission; each section is its own component beside it.
 */
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../../shared/contract';
import type { AppErrorValue } from '../../../../shared/contract/errors';
import { useApi } from '../../app/api-context';
import { ErrorMessage } from '../../app/error-message';
import { KeyChip } from '../../app/key-chip';
import { useHotkey } from '../../app/hotkeys-react';
import { IntakeAccessories } from './intake-accessories';
import { IntakeCondition } from './intake-condition';
import { IntakeCustomer } from './intake-customer';
import { IntakeDevice } from './intake-device';
import { IntakeEstimate } from './intake-estimate';
import { IntakeSection } from './intake-section';
import { IntakeSignature } from './intake-signature';
import { emptyIntake, intakeInput, type IntakeState } from './intake-state';
import { useCustomerLookup } from './use-customer-lookup';
import { useWarrantyPrecheck } from './use-warranty-precheck';

type Intake = MethodOutput<'repairs.intake'>;

/** The form; `onDone(result)` after a successful intake. */
export function IntakeForm({ onDone }: { onDone: (r: Intake) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const [s, setS] = useState<IntakeState>(() => emptyIntake());
  const [error, setError] = useState<AppErrorValue | null>(null);
  const [hint, setHint] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const key = useRef(`intake-${Date.now()}-${Math.random().toString(36).slice(2)}`);
  const set = (patch: Partial<IntakeState>) => setS((prev) => ({ ...prev, ...patch }));
  const found = useCustomerLookup(s, setS);
  const precheck = useWarrantyPrecheck(s, set, setError);

  const submit = async () => {
    if (busy) return;
    setHint(null);
    if (!s.phone.trim() || !s.name.trim()) return setHint(t('repairsUi.intake.needPhone'));
    if (!s.signature) return setHint(t('repairsUi.intake.needSignature'));
    if (!s.terms) return setHint(t('repairsUi.intake.needTerms'));
    setBusy(true);
    setError(null);
    const r = await api.call('repairs.intake', intakeInput(s, key.current) as never);
    setBusy(false);
    if (r.ok) onDone(r.value);
    else setError(r.error);
  };
  useHotkey('F9', () => void submit());

  return (
    <Stack spacing={2} sx={{ maxWidth: 980 }} data-testid="intake-form">
      <IntakeCustomer s={s} set={set} found={found} />
      <IntakeDevice s={s} set={set} precheck={precheck} />
      <IntakeSection title={t('repairsUi.intake.condition')}>
        <IntakeCondition s={s} set={set} />
        <IntakeAccessories s={s} set={set} />
      </IntakeSection>
      <IntakeEstimate s={s} set={set} pre={precheck.pre} />
      <IntakeSignature s={s} set={set} onTouched={() => setHint(null)} />
      {hint && (
        <Alert severity="warning" role="alert">
          {hint}
        </Alert>
      )}
      {error && <ErrorMessage error={error} onClose={() => setError(null)} />}
      <Stack direction="row">
        <Button
          variant="contained"
          size="large"
          disabled={busy}
          onClick={() => void submit()}
          sx={{ minHeight: 56, px: 4 }}
        >
          {busy ? t('repairsUi.intake.submitting') : t('repairsUi.intake.submit')}
          <KeyChip k="F9" inverted />
        </Button>
      </Stack>
    </Stack>
  );
}
