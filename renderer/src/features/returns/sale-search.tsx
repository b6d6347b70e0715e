/** Finding a sale without its receipt number: customer phone (last 4 digits ok), serial/IMEI, or date + amount (sales.search). */
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorValue } from '../../../../shared/contract/errors';
import type { MethodInput, MethodOutput } from '../../../../shared/contract';
import { toHalfWidth } from '../../../../shared/domain/codes/classify';
import { parseMoney } from '../../../../shared/domain/money/parse';
import { useApi } from '../../app/api-context';
import { ErrorMessage } from '../../app/error-message';
import { useMoney } from '../../app/use-money';
import { useStoreTime } from './use-store-time';

type By = 'phone' | 'serial' | 'dayAmount';
type Results = MethodOutput<'sales.search'>;

export interface SaleSearchProps {
  onOpen: (receiptNo: string) => void;
  /** A serial/IMEI scanned on the find screen (a new object per scan): searched at once. */
  scannedSerial: { value: string } | null;
}

/** The search form and its result list; picking a result opens that sale. */
export function SaleSearch({ onOpen, scannedSerial }: SaleSearchProps) {
  const { t } = useTranslation();
  const api = useApi();
  const money = useMoney();
  const time = useStoreTime();
  const [by, setBy] = useState<By>('phone');
  const [phone, setPhone] = useState('');
  const [serial, setSerial] = useState('');
  const [day, setDay] = useState('');
  const [amount, setAmount] = useState('');
  const [invalid, setInvalid] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [results, setResults] = useState<Results | null>(null);
  const [error, setError] = useState<AppErrorValue | null>(null);
  const runRef = useRef<(q: MethodInput<'sales.search'>) => Promise<void>>(async () => undefined);
  useEffect(() => {
    if (!scannedSerial) return;
    setBy('serial');
    setSerial(scannedSerial.value);
    void runRef.current({ serial: scannedSerial.value, limit: 20 });
  }, [scannedSerial]);

  function query(): MethodInput<'sales.search'> | null {
    if (by === 'phone') {
      const p = toHalfWidth(phone).replace(/\D/g, '');
      if (!/^\d{4,15}$/.test(p)) return fail('phone');
      return { phone: p, limit: 20 };
    }
    if (by === 'serial') {
      const s = toHalfWidth(serial).trim();
      if (s.length < 4 || s.length > 40) return fail('serial');
      return { serial: s, limit: 20 };
    }
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return fail('day');
    if (amount.trim() === '') return { day, limit: 50 };
    const m = parseMoney(amount);
    if (!m.ok || m.minor < 0) return fail('amount');
    return { day, amountMinor: m.minor, limit: 20 };
  }

  function fail(what: string): null {
    setInvalid(what);
    return null;
  }

  runRef.current = (q) => run(q);
  async function run(q: MethodInput<'sales.search'> | null = query()): Promise<void> {
    if (!q || busy) return;
    setInvalid(null);
    setError(null);
    setBusy(true);
    const r = await api.call('sales.search', q);
    setBusy(false);
    if (r.ok) setResults(r.value);
    else {
      setResults(null);
      setError(r.error);
    }
  }

  const onEnter = (e: KeyboardEvent) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    void run();
  };

  return (
    <Box data-testid="sale-search">
      <Typography variant="h6" component="h2" sx={{ mb: 1.5 }}>
        {t('returnsUi.find.searchHeading')}
      </Typography>
      <ToggleButtonGroup
        exclusive
        value={by}
        onChange={(_e, v: By | null) => {
          if (v) {
            setBy(v);
            setInvalid(null);
          }
        }}
        sx={{ mb: 2 }}
      >
        {(['phone', 'serial', 'dayAmount'] as const).map((b) => (
          <ToggleButton key={b} value={b} sx={{ px: 2.5 }}>
            {t(`returnsUi.find.by.${b}`)}
          </ToggleButton>
        ))}
      </ToggleButtonGroup>
      <Stack direction="row" spacing={1.5} sx={{ alignItems: 'flex-start' }} data-own-enter>
        {by === 'phone' && (
          <TextField
            label={t('returnsUi.find.phoneLabel')}
            name="searchPhone"
            value={phone}
            onChange={(e) => setPhone(e.target.value)}
            onKeyDown={onEnter}
            error={invalid === 'phone'}
            helperText={invalid === 'phone' ? t('returnsUi.find.invalid.phone') : ' '}
            slotProps={{ htmlInput: { inputMode: 'numeric', autoComplete: 'off' } }}
            sx={{ width: 360 }}
          />
        )}
        {by === 'serial' && (
          <TextField
            label={t('returnsUi.find.serialLabel')}
            name="searchSerial"
            value={serial}
            onChange={(e) => setSerial(e.target.value)}
            onKeyDown={onEnter}
            error={invalid === 'serial'}
            helperText={invalid === 'serial' ? t('returnsUi.find.invalid.serial') : ' '}
            slotProps={{ htmlInput: { autoComplete: 'off', spellCheck: false } }}
            sx={{ width: 360 }}
          />
        )}
        {by === 'dayAmount' && (
          <>
            <TextField
              label={t('returnsUi.find.dayLabel')}
              name="searchDay"
              type="date"
              value={day}
              onChange={(e) => setDay(e.target.value)}
              onKeyDown={onEnter}
              error={invalid === 'day'}
              helperText={invalid === 'day' ? t('returnsUi.find.invalid.day') : ' '}
              slotProps={{ inputLabel: { shrink: true } }}
              sx={{ width: 220 }}
            />
            <TextField
              label={t('returnsUi.find.amountLabel')}
              name="searchAmount"
              value={amount}
              onChange={(e) => setAmount(e.target.value)}
              onKeyDown={onEnter}
              error={invalid === 'amount'}
              helperText={invalid === 'amount' ? t('returnsUi.find.invalid.amount') : ' '}
              slotProps={{ htmlInput: { inputMode: 'decimal', autoComplete: 'off' } }}
              sx={{ width: 200 }}
            />
          </>
        )}
        <Button
          variant="outlined"
          onClick={() => void run()}
          disabled={busy}
          sx={{ mt: '4px', minHeight: 56 }}
        >
          {busy ? t('returnsUi.find.searching') : t('returnsUi.find.search')}
        </Button>
      </Stack>
      {error && <ErrorMessage error={error} />}
      {results && results.length === 0 && <Alert severity="info">{t('returnsUi.find.noResults')}</Alert>}
      {results && results.length > 0 && (
        <Box>
          <Typography sx={{ mb: 1 }}>{t('returnsUi.find.results', { count: results.length })}</Typography>
          <List
            dense
            disablePadding
            data-testid="search-results"
            sx={{ border: 1, borderColor: 'divider', borderRadius: 2 }}
          >
            {results.map((s) => (
              <ListItemButton
                key={s.id}
                onClick={() => onOpen(s.receiptNo)}
                data-receipt={s.receiptNo}
                divider
              >
                <Box
                  sx={{
                    display: 'grid',
                    gridTemplateColumns: '190px 150px minmax(0, 1fr) 90px 110px',
                    gap: 2,
                    width: '100%',
                    alignItems: 'center',
                  }}
                >
                  <Typography sx={{ fontWeight: 700 }}>{s.receiptNo}</Typography>
                  <Typography color="text.secondary">{time(s.soldAt)}</Typography>
                  <Typography noWrap>{s.customerName ?? t('returnsUi.find.walkIn')}</Typography>
                  <Typography color="text.secondary">
                    {t('returnsUi.find.lines', { count: s.lineCount })}
                  </Typography>
                  <Typography
                    sx={{ textAlign: 'right', fontVariantNumeric: 'tabular-nums', fontWeight: 500 }}
                  >
                    {money(s.totalMinor)}
                  </Typography>
                </Box>
              </ListItemButton>
            ))}
          </List>
        </Box>
      )}
    </Box>
  );
}
