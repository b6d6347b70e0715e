/**
 * The no-receipt path: the item's barcode (scan) or SKU, the customer's phone — looked up first, so a
 * customer who does have a sale returns with it — name and ID document. Continue checks the item
 * with core (a quote writes nothing) and starts the return.
 */
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../../shared/contract';
import type { AppErrorValue } from '../../../../shared/contract/errors';
import { toHalfWidth } from '../../../../shared/domain/codes/classify';
import { useApi } from '../../app/api-context';
import { ErrorMessage } from '../../app/error-message';
import { KeyChip } from '../../app/key-chip';
import { ScanTargetHint } from '../../app/scan/scan-status';
import { useScanTarget } from '../../app/scan/use-scan-target';
import { PRODUCT_SCANS, scanValue } from './scan-value';
import type { ReturnSource } from './work';

type NoReceiptSource = Extract<ReturnSource, { kind: 'no_receipt' }>;

export interface NoReceiptFormProps {
  /** What was typed before (Esc and back never lose it). */
  initial: NoReceiptSource | null;
  /** A product code scanned on the find screen before this form opened. */
  scannedCode: string | null;
  onStart: (source: NoReceiptSource) => void;
  onOpenReceipt: (receiptNo: string) => void;
  onCancel: () => void;
  /** Keeps the typed values when the form closes. */
  onChange: (source: NoReceiptSource) => void;
}

const GTIN = /^\d{8,14}$/;
const PHONE = /^\+?\d{7,15}$/;

/** The form; the product field has the focus first. */
export function NoReceiptForm(p: NoReceiptFormProps) {
  const { t } = useTranslation();
  const api = useApi();
  const [code, setCode] = useState(p.initial?.code ?? '');
  const [phone, setPhone] = useState(p.initial?.customerPhone ?? '');
  const [name, setName] = useState(p.initial?.customerName ?? '');
  const [idDoc, setIdDoc] = useState(p.initial?.idDocument ?? '');
  const [invalid, setInvalid] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorValue | null>(null);
  const [sales, setSales] = useState<MethodOutput<'sales.search'> | null>(null);
  const codeRef = useRef<HTMLInputElement>(null);
  const phoneRef = useRef<HTMLInputElement>(null);

  const scan = useScanTarget(
    PRODUCT_SCANS,
    (s) => {
      setCode(scanValue(s));
      phoneRef.current?.focus();
    },
    { label: t('returnsUi.scanTo.product') },
  );
  useEffect(() => {
    if (p.scannedCode) {
      setCode(p.scannedCode);
      phoneRef.current?.focus();
    } else codeRef.current?.focus();
    // Once, when the form opens.
  }, []);

  const source = (): NoReceiptSource => {
    const c = toHalfWidth(code).trim();
    return {
      kind: 'no_receipt',
      code: c,
      codeKind: GTIN.test(c) ? 'gtin' : 'sku',
      customerPhone: toHalfWidth(phone).replace(/[\s-]/g, ''),
      customerName: name.trim(),
      idDocument: toHalfWidth(idDoc).trim(),
      product: null,
    };
  };
  const { onChange } = p;
  useEffect(() => {
    onChange({
      kind: 'no_receipt',
      code,
      codeKind: 'sku',
      customerPhone: phone,
      customerName: name,
      idDocument: idDoc,
      product: null,
    });
  }, [code, phone, name, idDoc, onChange]);

  async function lookup(): Promise<void> {
    const s = source();
    if (!PHONE.test(s.customerPhone)) {
      setInvalid(new Set(['phone']));
      return;
    }
    setInvalid(new Set());
    const r = await api.call('sales.search', { phone: s.customerPhone.replace(/^\+/, ''), limit: 20 });
    if (r.ok) setSales(r.value);
    else setError(r.error);
  }

  async function start(): Promise<void> {
    if (busy) return;
    const s = source();
    const bad = new Set<string>();
    if (s.code.length === 0 || s.code.length > 64) bad.add('code');
    if (!PHONE.test(s.customerPhone)) bad.add('phone');
    if (s.idDocument.length < 4 || s.idDocument.length > 40) bad.add('id');
    setInvalid(bad);
    setError(null);
    if (bad.size > 0) return;
    setBusy(true);
    const r = await api.call('returns.product', { code: s.code });
    setBusy(false);
    if (!r.ok) {
      setError(r.error);
      return;
    }
    p.onStart({
      ...s,
      product: { sku: r.value.sku, name: r.value.name, categoryCode: r.value.categoryCode },
    });
  }

  const onEnter = (e: KeyboardEvent, next?: () => void) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    if (next) next();
    else void start();
  };

  const field = (id: string) => ({
    error: invalid.has(id),
    helperText: invalid.has(id) ? t(`returnsUi.noReceipt.invalid.${id}`) : ' ',
  });

  return (
    <Box data-testid="no-receipt-form" data-own-enter>
      <Typography variant="h5" component="h2" sx={{ fontWeight: 700, mb: 1 }}>
        {t('returnsUi.noReceipt.heading')}
      </Typography>
      <Alert severity="info" role="note" sx={{ mb: 2 }}>
        {t('returnsUi.noReceipt.rule')}
      </Alert>
      <Stack spacing={1} sx={{ maxWidth: 640 }}>
        <Box ref={scan.ref}>
          <TextField
            label={t('returnsUi.noReceipt.productLabel')}
            fullWidth
            name="noReceiptProduct"
            value={code}
            inputRef={codeRef}
            onChange={(e) => setCode(e.target.value)}
            onKeyDown={(e) => onEnter(e, () => phoneRef.current?.focus())}
            {...field('code')}
            helperText={
              invalid.has('code')
                ? t('returnsUi.noReceipt.invalid.code')
                : t('returnsUi.noReceipt.productHelp')
            }
            slotProps={{ htmlInput: { autoComplete: 'off', spellCheck: false } }}
          />
          <ScanTargetHint label={t('returnsUi.scanTo.product')} active={scan.active} />
        </Box>
        <Stack direction="row" spacing={1.5} sx={{ alignItems: 'flex-start' }}>
          <TextField
            label={t('returnsUi.noReceipt.phoneLabel')}
            name="noReceiptPhone"
            value={phone}
            inputRef={phoneRef}
            onChange={(e) => {
              setPhone(e.target.value);
              setSales(null);
            }}
            onKeyDown={(e) => onEnter(e, () => void lookup())}
            {...field('phone')}
            slotProps={{ htmlInput: { inputMode: 'tel', autoComplete: 'off' } }}
            sx={{ flex: 1 }}
          />
          <Button variant="outlined" onClick={() => void lookup()} sx={{ mt: '4px', minHeight: 56 }}>
            {t('returnsUi.noReceipt.lookup')}
          </Button>
        </Stack>
        {sales && sales.length === 0 && (
          <Alert severity="success" data-testid="phone-no-sales">
            {t('returnsUi.noReceipt.noSales')}
          </Alert>
        )}
        {sales && sales.length > 0 && (
          <Alert severity="warning">
            {t('returnsUi.noReceipt.hasSales', { count: sales.length })}{' '}
            {sales.slice(0, 5).map((s) => (
              <Button key={s.id} variant="text" onClick={() => p.onOpenReceipt(s.receiptNo)} sx={{ mr: 1 }}>
                {s.receiptNo}
              </Button>
            ))}
          </Alert>
        )}
        <Stack direction="row" spacing={1.5}>
          <TextField
            label={t('returnsUi.noReceipt.nameLabel')}
            name="noReceiptName"
            value={name}
            onChange={(e) => setName(e.target.value)}
            onKeyDown={(e) => onEnter(e)}
            helperText=" "
            slotProps={{ htmlInput: { autoComplete: 'off', maxLength: 40 } }}
            sx={{ flex: 1 }}
          />
          <TextField
            label={t('returnsUi.noReceipt.idLabel')}
            name="noReceiptId"
            value={idDoc}
            onChange={(e) => setIdDoc(e.target.value)}
            onKeyDown={(e) => onEnter(e)}
            {...field('id')}
            slotProps={{ htmlInput: { autoComplete: 'off', spellCheck: false, maxLength: 40 } }}
            sx={{ flex: 1 }}
          />
        </Stack>
        {error && <ErrorMessage error={error} />}
        <Stack direction="row" spacing={1.5}>
          <Button variant="outlined" onClick={p.onCancel}>
            {t('returnsUi.noReceipt.cancel')}
            <KeyChip k="Esc" />
          </Button>
          <Button
            variant="contained"
            onClick={() => void start()}
            disabled={busy}
            data-testid="no-receipt-continue"
          >
            {busy ? t('returnsUi.noReceipt.checking') : t('returnsUi.noReceipt.continue')}
            <KeyChip k="Enter" inverted />
          </Button>
        </Stack>
      </Stack>
    </Box>
  );
}
