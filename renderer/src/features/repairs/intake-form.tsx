/**
 * Repair intake at the counter (journey 5): customer by phone (an existing customer is found as the
 * number is typed and the name filled in, editable), device (the serial/IMEI field is a scan target:
 * a keyboard-wedge or HID scan of an IMEI or serial lands in it and runs the warranty check), fault from
 * the category list, warranty check (precheck: sale, 三包/manufacturer/store, repeat repairs,
 * promised day), condition checklist, accessories left, passcode policy, estimate and deposit,
 * promised day, assignment, the customer's signature and terms; F9 registers and prints. The
 * result shows the intake receipt and the shelf tag as they print, both with the job's QR.
 */
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../../shared/contract';
import type { AppErrorValue } from '../../../../shared/contract/errors';
import { COUNTER_PAYMENT_TENDERS, type Tender } from '../../../../shared/domain/money/tenders';
import {
  CONDITION_STATES,
  REPAIR_CATEGORIES,
  repairCategory,
} from '../../../../shared/domain/repairs/categories';
import { useApi } from '../../app/api-context';
import { ScanTargetHint } from '../../app/scan/scan-status';
import { useScanTarget } from '../../app/scan/use-scan-target';
import { ErrorMessage } from '../../app/error-message';
import { KeyChip } from '../../app/key-chip';
import { useHotkey } from '../../app/hotkeys-react';
import { emptyIntake, intakeInput, type IntakeState } from './intake-state';
import { SERIAL_SCANS, serialOfScan } from './serial-scan';
import { PhotoPicker } from './photo-picker';
import { SignaturePad } from './signature-pad';
import { WarrantyNote } from './warranty-note';

type Precheck = MethodOutput<'repairs.precheck'>;
type Intake = MethodOutput<'repairs.intake'>;
type FoundCustomer = MethodOutput<'repairs.findCustomer'> & { phone: string };

/** Digits from which a phone number is looked up (landlines have 7–8, mobiles 11). */
const LOOKUP_MIN_DIGITS = 7;
const LOOKUP_DEBOUNCE_MS = 250;

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper sx={{ p: 2 }}>
      <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 700, mb: 1.5 }}>
        {title}
      </Typography>
      <Stack spacing={2}>{children}</Stack>
    </Paper>
  );
}

/** The form; `onDone(result)` after a successful intake. */
export function IntakeForm({ onDone }: { onDone: (r: Intake) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const [s, setS] = useState<IntakeState>(() => emptyIntake());
  const [pre, setPre] = useState<Precheck | null>(null);
  const [error, setError] = useState<AppErrorValue | null>(null);
  const [hint, setHint] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const key = useRef(`intake-${Date.now()}-${Math.random().toString(36).slice(2)}`);
  const [found, setFound] = useState<FoundCustomer | null>(null);
  const cat = repairCategory(s.categoryCode);
  const set = (patch: Partial<IntakeState>) => setS((prev) => ({ ...prev, ...patch }));
  const latest = useRef(s);
  useLayoutEffect(() => {
    latest.current = s;
  });
  /** The name the lookup filled in last: replaced by the next lookup unless the clerk changed it. */
  const autoName = useRef<string | null>(null);

  // The customer by phone: looked up once the number is long enough; the name is filled in (editable).
  const phone = s.phone;
  useEffect(() => {
    if (phone.length < LOOKUP_MIN_DIGITS) {
      setFound(null);
      return undefined;
    }
    let live = true;
    const timer = setTimeout(() => {
      void api.call('repairs.findCustomer', { phone }).then((r) => {
        if (!live || !r.ok || latest.current.phone !== phone) return;
        setFound({ ...r.value, phone });
        const c = r.value.customer;
        const name = latest.current.name.trim();
        const untouched = name === '' || name === autoName.current;
        if (c && c.name && untouched) {
          autoName.current = c.name;
          setS((prev) => (prev.phone === phone ? { ...prev, name: c.name } : prev));
        } else if (!c && autoName.current !== null && name === autoName.current) {
          // Another number: the name filled in for the previous one is not this customer's.
          autoName.current = null;
          setS((prev) => (prev.phone === phone ? { ...prev, name: '' } : prev));
        }
      });
    }, LOOKUP_DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [api, phone]);
  const shownCustomer = found && found.phone === s.phone ? found : null;

  const precheck = async (serialText: string = s.serial) => {
    setError(null);
    const serial = serialText.trim();
    const r = await api.call('repairs.precheck', {
      categoryCode: s.categoryCode,
      faultCode: s.faultCode,
      ...(serial.length >= 4 ? { serial } : {}),
      ...(s.receiptNo.trim() ? { receiptNo: s.receiptNo.trim() } : {}),
    });
    if (!r.ok) return setError(r.error);
    setPre(r.value);
    set({ promisedDay: r.value.promisedDay, ...(r.value.warranty.kind !== 'none' ? { estimate: '0' } : {}) });
  };

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

  // The serial/IMEI field takes scans (keyboard wedge, HID, serial scanners): the scan fills it and
  // the warranty is checked at once, as when the clerk leaves the field.
  const serialScan = useScanTarget(
    SERIAL_SCANS,
    (scan) => {
      const serial = serialOfScan(scan);
      set({ serial });
      void precheck(serial);
    },
    { label: t('repairsUi.intake.scanSerial') },
  );

  return (
    <Stack spacing={2} sx={{ maxWidth: 980 }} data-testid="intake-form">
      <Section title={t('repairsUi.intake.customer')}>
        <Stack direction="row" spacing={2}>
          <TextField
            label={t('repairsUi.intake.phone')}
            name="phone"
            value={s.phone}
            autoFocus
            onChange={(e) => set({ phone: e.target.value.replace(/[^\d]/g, '') })}
          />
          <TextField
            label={t('repairsUi.intake.name')}
            name="name"
            value={s.name}
            onChange={(e) => set({ name: e.target.value })}
          />
        </Stack>
        {shownCustomer?.customer && (
          <Alert severity="info" data-testid="customer-found" data-customer-id={shownCustomer.customer.id}>
            {t('repairsUi.intake.customerFound', {
              name: shownCustomer.customer.name,
              count: shownCustomer.repairJobs,
            })}
          </Alert>
        )}
        {shownCustomer && !shownCustomer.customer && (
          <Typography variant="body2" color="text.secondary" data-testid="customer-new">
            {t('repairsUi.intake.customerNew')}
          </Typography>
        )}
      </Section>
      <Section title={t('repairsUi.intake.device')}>
        <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap' }}>
          <TextField
            select
            label={t('repairsUi.intake.category')}
            value={s.categoryCode}
            onChange={(e) => {
              const next = emptyIntake(e.target.value);
              setPre(null);
              set({
                categoryCode: next.categoryCode,
                faultCode: next.faultCode,
                condition: next.condition,
                accessories: [],
                passcodePolicy: next.passcodePolicy,
              });
            }}
            sx={{ minWidth: 180 }}
            slotProps={{ htmlInput: { 'data-testid': 'intake-category' } }}
          >
            {Object.keys(REPAIR_CATEGORIES).map((c) => (
              <MenuItem key={c} value={c}>
                {t(`repairsUi.category.${c}`)}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            label={t('repairsUi.intake.brand')}
            name="brand"
            value={s.brand}
            onChange={(e) => set({ brand: e.target.value })}
          />
          <TextField
            label={t('repairsUi.intake.model')}
            name="model"
            value={s.model}
            onChange={(e) => set({ model: e.target.value })}
          />
          <Box ref={serialScan.ref}>
            <TextField
              label={t('repairsUi.intake.serial')}
              name="serial"
              value={s.serial}
              onChange={(e) => set({ serial: e.target.value })}
              onBlur={() => s.serial.trim().length >= 4 && void precheck()}
              slotProps={{ htmlInput: { autoComplete: 'off', spellCheck: false, maxLength: 40 } }}
            />
            <ScanTargetHint label={t('repairsUi.intake.scanSerial')} active={serialScan.active} />
          </Box>
          <TextField
            label={t('repairsUi.intake.receiptNo')}
            name="receiptNo"
            value={s.receiptNo}
            onChange={(e) => set({ receiptNo: e.target.value })}
          />
        </Stack>
        <Stack direction="row" spacing={2}>
          <TextField
            select
            label={t('repairsUi.intake.fault')}
            value={s.faultCode}
            onChange={(e) => {
              setPre(null);
              set({ faultCode: e.target.value });
            }}
            sx={{ minWidth: 280 }}
            slotProps={{ htmlInput: { 'data-testid': 'intake-fault' } }}
          >
            {cat.faults.map((f) => (
              <MenuItem key={f} value={f}>
                {t(`repairs.fault.${f}`)}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            label={t('repairsUi.intake.faultText')}
            name="faultText"
            value={s.faultText}
            onChange={(e) => set({ faultText: e.target.value })}
            sx={{ flex: 1 }}
          />
          <Button variant="outlined" onClick={() => void precheck()} sx={{ minHeight: 48 }}>
            {t('repairsUi.intake.check')}
          </Button>
        </Stack>
        {pre && <WarrantyNote warranty={pre.warranty} repeat={pre.repeat} />}
        {pre?.openJobId && (
          <Alert severity="error">{t('repairsUi.intake.openJob', { jobId: pre.openJobId })}</Alert>
        )}
      </Section>
      <Section title={t('repairsUi.intake.condition')}>
        {cat.checklist.map((item) => (
          <Stack key={item} direction="row" spacing={2} sx={{ alignItems: 'center' }} data-condition={item}>
            <Typography sx={{ minWidth: 240 }}>{t(`repairs.condition.${item}`)}</Typography>
            <ToggleButtonGroup
              exclusive
              size="small"
              value={s.condition[item] ?? 'ok'}
              onChange={(_e, v: (typeof CONDITION_STATES)[number] | null) =>
                v && set({ condition: { ...s.condition, [item]: v } })
              }
            >
              {CONDITION_STATES.map((st) => (
                <ToggleButton key={st} value={st} sx={{ minWidth: 88, minHeight: 44 }}>
                  {t(`repairs.conditionState.${st}`)}
                </ToggleButton>
              ))}
            </ToggleButtonGroup>
          </Stack>
        ))}
        <PhotoPicker photos={s.photos} onChange={(photos) => set({ photos })} />
        <Typography variant="subtitle2">{t('repairsUi.intake.accessories')}</Typography>
        <Stack direction="row" useFlexGap sx={{ flexWrap: 'wrap' }}>
          {cat.accessories.map((a) => (
            <FormControlLabel
              key={a}
              control={
                <Checkbox
                  checked={s.accessories.includes(a)}
                  onChange={(e) =>
                    set({
                      accessories: e.target.checked
                        ? [...s.accessories, a]
                        : s.accessories.filter((x) => x !== a),
                    })
                  }
                />
              }
              label={t(`repairs.accessory.${a}`)}
            />
          ))}
        </Stack>
        {cat.hasPasscode && (
          <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
            <TextField
              select
              label={t('repairsUi.intake.passcode')}
              value={s.passcodePolicy}
              onChange={(e) => set({ passcodePolicy: e.target.value as IntakeState['passcodePolicy'] })}
              sx={{ minWidth: 380 }}
            >
              {(['customer_removed', 'stored_encrypted', 'none'] as const).map((p) => (
                <MenuItem key={p} value={p}>
                  {t(`repairs.passcodePolicy.${p}`)}
                </MenuItem>
              ))}
            </TextField>
            {s.passcodePolicy === 'stored_encrypted' && (
              <TextField
                type="password"
                label={t('repairsUi.intake.passcodeValue')}
                value={s.passcode}
                onChange={(e) => set({ passcode: e.target.value })}
                autoComplete="off"
              />
            )}
          </Stack>
        )}
      </Section>
      <Section title={t('repairsUi.intake.money')}>
        <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap' }}>
          <TextField
            label={t('repairsUi.intake.estimate')}
            name="estimate"
            value={s.estimate}
            onChange={(e) => set({ estimate: e.target.value })}
          />
          <TextField
            label={t('repairsUi.intake.deposit')}
            name="deposit"
            value={s.deposit}
            onChange={(e) => set({ deposit: e.target.value })}
          />
          <TextField
            select
            label={t('repairsUi.intake.depositTender')}
            value={s.depositTender}
            onChange={(e) => set({ depositTender: e.target.value as Tender })}
            sx={{ minWidth: 160 }}
          >
            {COUNTER_PAYMENT_TENDERS.map((x) => (
              <MenuItem key={x} value={x}>
                {t(`money.tender.${x}`)}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            type="date"
            label={t('repairsUi.intake.promisedDay')}
            value={s.promisedDay}
            onChange={(e) => set({ promisedDay: e.target.value })}
            helperText={pre ? t('repairsUi.intake.promisedHint', { days: pre.slaBusinessDays }) : ' '}
            slotProps={{ inputLabel: { shrink: true } }}
          />
          <TextField
            select
            label={t('repairsUi.intake.assign')}
            value={s.assign}
            onChange={(e) => set({ assign: e.target.value as IntakeState['assign'] })}
            sx={{ minWidth: 220 }}
          >
            <MenuItem value="auto">{t('repairsUi.intake.assignAuto')}</MenuItem>
            <MenuItem value="none">{t('repairsUi.intake.assignNone')}</MenuItem>
          </TextField>
        </Stack>
        <TextField
          label={t('repairsUi.intake.note')}
          value={s.note}
          onChange={(e) => set({ note: e.target.value })}
        />
      </Section>
      <Section title={t('repairsUi.intake.signSection')}>
        <SignaturePad
          label={t('repairsUi.intake.signature')}
          onChange={(png) => {
            setHint(null);
            set({ signature: png });
          }}
        />
        <FormControlLabel
          control={
            <Checkbox
              checked={s.terms}
              onChange={(e) => {
                setHint(null);
                set({ terms: e.target.checked });
              }}
              name="terms"
            />
          }
          label={t('repairsUi.intake.terms')}
        />
      </Section>
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
