/**
 * Step 1, find the sale: the receipt field (scan or type, Enter opens), a translated explanation
 * for unknown or malformed numbers, the search by phone / serial / date + amount, the no-receipt
 * path, and the returns in progress (drafts) to resume.
 */
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Divider from '@mui/material/Divider';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorValue } from '../../../../shared/contract/errors';
import { parseDocumentNumber } from '../../../../shared/domain/codes/document-number';
import { toHalfWidth } from '../../../../shared/domain/codes/classify';
import { ErrorMessage } from '../../app/error-message';
import { KeyChip } from '../../app/key-chip';
import { useScanTarget } from '../../app/scan/use-scan-target';
import { DraftsList } from './drafts-list';
import { NoReceiptForm } from './no-receipt-form';
import { SaleSearch } from './sale-search';
import { scanValue } from './scan-value';
import type { ReturnSource } from './work';

type NoReceiptSource = Extract<ReturnSource, { kind: 'no_receipt' }>;

const FIND_SCANS = ['gtin', 'gs1', 'imei', 'serial'] as const;

export interface FindStepProps {
  openReceipt: (text: string) => Promise<{ ok: true } | { ok: false; error: AppErrorValue }>;
  onOpenReturn: (returnId: string) => void;
  resumeDraft: (id: string) => Promise<{ ok: true } | { ok: false; error: AppErrorValue | null }>;
  currentDraftId: string | null;
  startNoReceipt: (source: NoReceiptSource) => void;
  noReceiptOpen: boolean;
  setNoReceiptOpen: (open: boolean) => void;
  /** Bumped by F2: the receipt field takes the focus. */
  focusSignal: number;
  /** Why the last receipt (typed, scanned or handed over in the URL) did not open. */
  lookupError: AppErrorValue | null;
  setLookupError: (e: AppErrorValue | null) => void;
}

/** The find screen. */
export function FindStep(p: FindStepProps) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [noReceipt, setNoReceipt] = useState<NoReceiptSource | null>(null);
  const [scannedCode, setScannedCode] = useState<string | null>(null);
  const [scannedSerial, setScannedSerial] = useState<{ value: string } | null>(null);
  const field = useRef<HTMLInputElement>(null);
  const { noReceiptOpen, setNoReceiptOpen, setLookupError, openReceipt, onOpenReturn } = p;
  // One scan target for the whole find screen (the router hands a scan to the active target only):
  // a store barcode is an item without its receipt → the no-receipt form opens with it; a serial or
  // IMEI searches the sale it was sold on.
  const scan = useScanTarget(
    FIND_SCANS,
    (s) => {
      const kind = s.classification.kind;
      if (kind === 'imei' || kind === 'serial') setScannedSerial({ value: scanValue(s) });
      else {
        setScannedCode(scanValue(s));
        setNoReceiptOpen(true);
      }
    },
    { label: t('returnsUi.scanTo.find'), enabled: !noReceiptOpen },
  );

  useEffect(() => {
    if (!noReceiptOpen) field.current?.focus();
  }, [p.focusSignal, noReceiptOpen]);

  async function open(raw = text): Promise<void> {
    const value = toHalfWidth(raw).trim();
    if (value === '' || busy) return;
    const doc = parseDocumentNumber(value);
    if (doc.ok && doc.type === 'return') {
      onOpenReturn(doc.text);
      return;
    }
    setBusy(true);
    setLookupError(null);
    const r = await openReceipt(value);
    setBusy(false);
    if (!r.ok) {
      setLookupError(r.error);
      field.current?.select();
    }
  }

  const onKey = (e: KeyboardEvent) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    void open();
  };

  if (noReceiptOpen) {
    return (
      <Paper variant="outlined" sx={{ p: 3 }}>
        <NoReceiptForm
          initial={noReceipt}
          scannedCode={scannedCode}
          onStart={p.startNoReceipt}
          onOpenReceipt={(r) => {
            setNoReceiptOpen(false);
            void open(r);
          }}
          onCancel={() => {
            setScannedCode(null);
            setNoReceiptOpen(false);
          }}
          onChange={setNoReceipt}
        />
      </Paper>
    );
  }

  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) 340px', gap: 2.5, alignItems: 'start' }}>
      <Paper variant="outlined" sx={{ p: 3 }} ref={scan.ref}>
        <Typography variant="h5" component="h2" sx={{ fontWeight: 700, mb: 2 }}>
          {t('returnsUi.find.heading')}
        </Typography>
        <Stack direction="row" spacing={1.5} sx={{ alignItems: 'flex-start' }} data-own-enter>
          <TextField
            label={t('returnsUi.find.receiptLabel')}
            name="receiptNo"
            value={text}
            inputRef={field}
            autoFocus
            onChange={(e) => setText(e.target.value)}
            onKeyDown={onKey}
            helperText={t('returnsUi.find.receiptHelp')}
            slotProps={{ htmlInput: { autoComplete: 'off', spellCheck: false, maxLength: 64 } }}
            sx={{ flex: 1, maxWidth: 520, '& input': { fontSize: '1.5rem', letterSpacing: '0.02em' } }}
          />
          <Button
            variant="contained"
            onClick={() => void open()}
            disabled={busy}
            sx={{ mt: '4px', minHeight: 64, px: 4 }}
          >
            {busy ? t('returnsUi.find.opening') : t('returnsUi.find.open')}
            <KeyChip k="Enter" inverted />
          </Button>
        </Stack>
        {p.lookupError && <LookupError error={p.lookupError} />}
        <Divider sx={{ my: 3 }} />
        <SaleSearch onOpen={(r) => void open(r)} scannedSerial={scannedSerial} />
        <Divider sx={{ my: 3 }} />
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
          <Button
            variant="outlined"
            size="large"
            onClick={() => {
              setScannedCode(null);
              setNoReceiptOpen(true);
            }}
            data-testid="no-receipt"
          >
            {t('returnsUi.find.noReceipt')}
          </Button>
          <Typography color="text.secondary">{t('returnsUi.find.noReceiptHint')}</Typography>
        </Stack>
      </Paper>
      <Paper variant="outlined" sx={{ p: 2.5 }}>
        <DraftsList currentDraftId={p.currentDraftId} onResume={p.resumeDraft} />
      </Paper>
    </Box>
  );
}

/** SALE_NOT_FOUND explained by why (malformed, not a sale, unknown); any other error as usual. */
export function LookupError({ error }: { error: AppErrorValue }) {
  const { t } = useTranslation();
  if (error.code !== 'SALE_NOT_FOUND') return <ErrorMessage error={error} />;
  const why = String(error.details.why ?? 'unknown');
  const type = String(error.details.documentType ?? '');
  return (
    <Box sx={{ mt: 1.5 }}>
      <Alert severity="error" role="alert" data-error-code={error.code} data-why={why}>
        {t(`returnsUi.find.notFound.${why === 'malformed' || why === 'not_a_sale' ? why : 'unknown'}`, {
          receiptNo: String(error.details.receiptNo ?? ''),
          type: type ? t(`returnsUi.find.documentType.${type}`) : '',
        })}
      </Alert>
    </Box>
  );
}
