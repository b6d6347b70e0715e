/**
 * The new side of an exchange: scan or type the new item (looked up with returns.product first),
 * the items with their prices, the credit of what comes back, the difference, and how the
 * customer pays it when the new item is dearer.
 */
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorValue } from '../../../../shared/contract/errors';
import type { Quote } from '../../../../shared/contract/methods/returns';
import { COUNTER_PAYMENT_TENDERS, type CounterPaymentTender } from '../../../../shared/domain/money/tenders';
import { useApi } from '../../app/api-context';
import { ErrorMessage } from '../../app/error-message';
import { ScanTargetHint } from '../../app/scan/scan-status';
import { useScanTarget } from '../../app/scan/use-scan-target';
import { useMoney } from '../../app/use-money';
import { PRODUCT_SCANS, scanValue } from './scan-value';
import type { ReturnWork } from './work';

export interface ExchangePanelProps {
  work: ReturnWork;
  quote: Quote | null;
  update: (change: Partial<Pick<ReturnWork, 'exchangeItems' | 'exchangeTender'>>) => void;
}

const num = { textAlign: 'right', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;

/** The exchange panel of the resolve screen. */
export function ExchangePanel({ work, quote, update }: ExchangePanelProps) {
  const { t } = useTranslation();
  const api = useApi();
  const money = useMoney();
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorValue | null>(null);
  const [notFound, setNotFound] = useState<string | null>(null);

  async function add(raw = code): Promise<void> {
    const value = raw.trim();
    if (!value || busy) return;
    setBusy(true);
    setError(null);
    setNotFound(null);
    const r = await api.call('returns.product', { code: value });
    setBusy(false);
    if (!r.ok) {
      if (r.error.code === 'RETURN_PRODUCT_UNKNOWN') setNotFound(value);
      else setError(r.error);
      return;
    }
    if (!r.value.active) {
      setNotFound(value);
      return;
    }
    const sku = r.value.sku;
    const existing = work.exchangeItems.find((x) => x.sku === sku);
    update({
      exchangeItems: existing
        ? work.exchangeItems.map((x) => (x.sku === sku ? { ...x, qty: Math.min(100, x.qty + 1) } : x))
        : [...work.exchangeItems, { sku, qty: 1 }],
    });
    setCode('');
  }

  const scan = useScanTarget(PRODUCT_SCANS, (s) => void add(scanValue(s)), {
    label: t('returnsUi.scanTo.exchange'),
  });

  const onKey = (e: KeyboardEvent) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    void add();
  };

  const ex = quote?.exchange ?? null;
  const diff = ex?.differenceMinor ?? 0;
  return (
    <Box data-testid="exchange-panel">
      <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 700, mb: 1 }}>
        {t('returnsUi.resolve.exchange.heading')}
      </Typography>
      <Stack direction="row" spacing={1.5} sx={{ alignItems: 'flex-start' }} data-own-enter ref={scan.ref}>
        <TextField
          label={t('returnsUi.resolve.exchange.skuLabel')}
          name="exchangeSku"
          value={code}
          onChange={(e) => setCode(e.target.value)}
          onKeyDown={onKey}
          slotProps={{ htmlInput: { autoComplete: 'off', spellCheck: false, maxLength: 64 } }}
          sx={{ width: 380 }}
        />
        <Button
          variant="outlined"
          onClick={() => void add()}
          disabled={busy}
          sx={{ mt: '4px', minHeight: 56 }}
        >
          {busy ? t('returnsUi.resolve.exchange.adding') : t('returnsUi.resolve.exchange.add')}
        </Button>
      </Stack>
      <ScanTargetHint label={t('returnsUi.scanTo.exchange')} active={scan.active} />
      {notFound && (
        <Alert severity="error" role="alert" sx={{ mt: 1 }}>
          {t('returnsUi.resolve.exchange.notFound', { code: notFound })}
        </Alert>
      )}
      {error && <ErrorMessage error={error} />}
      {work.exchangeItems.length === 0 ? (
        <Typography color="text.secondary" sx={{ mt: 1 }}>
          {t('returnsUi.resolve.exchange.empty')}
        </Typography>
      ) : (
        <Box component="ul" sx={{ listStyle: 'none', m: 0, mt: 1.5, p: 0 }}>
          {work.exchangeItems.map((x) => {
            const priced = ex?.items.find((i) => i.sku === x.sku);
            return (
              <Box
                component="li"
                key={x.sku}
                data-exchange-item={x.sku}
                sx={{
                  display: 'flex',
                  gap: 2,
                  alignItems: 'center',
                  py: 0.5,
                  borderBottom: 1,
                  borderColor: 'divider',
                }}
              >
                <Box sx={{ flex: 1, minWidth: 0 }}>
                  <Typography noWrap sx={{ fontWeight: 500 }}>
                    {priced?.name ?? x.sku}
                  </Typography>
                  <Typography variant="body2" color="text.secondary">
                    {x.sku}
                  </Typography>
                </Box>
                <Typography sx={num}>× {x.qty}</Typography>
                <Typography sx={{ ...num, minWidth: 120, fontWeight: 700 }}>
                  {priced ? money(priced.totalMinor) : '…'}
                </Typography>
                <Button
                  color="error"
                  onClick={() => update({ exchangeItems: work.exchangeItems.filter((i) => i.sku !== x.sku) })}
                >
                  {t('returnsUi.resolve.exchange.remove')}
                </Button>
              </Box>
            );
          })}
        </Box>
      )}
      {ex && (
        <Box
          sx={{
            mt: 2,
            display: 'grid',
            gridTemplateColumns: '1fr auto',
            rowGap: 0.5,
            columnGap: 3,
            maxWidth: 520,
          }}
        >
          <Typography>{t('returnsUi.resolve.exchange.credit')}</Typography>
          <Typography sx={num}>−{money(ex.creditMinor)}</Typography>
          <Typography>{t('returnsUi.resolve.exchange.newTotal')}</Typography>
          <Typography sx={num}>{money(ex.newTotalMinor)}</Typography>
          <Typography sx={{ fontWeight: 700, fontSize: '1.125rem' }} data-testid="exchange-difference">
            {diff > 0
              ? t('returnsUi.resolve.exchange.pays', { amount: money(diff) })
              : diff < 0
                ? t('returnsUi.resolve.exchange.gets', { amount: money(-diff) })
                : t('returnsUi.resolve.exchange.even')}
          </Typography>
          <Typography sx={{ ...num, fontWeight: 700, fontSize: '1.125rem' }}>
            {money(Math.abs(diff))}
          </Typography>
        </Box>
      )}
      {diff > 0 && (
        <Box sx={{ mt: 2 }}>
          <Typography sx={{ mb: 0.75 }}>{t('returnsUi.resolve.exchange.payWith')}</Typography>
          <ToggleButtonGroup
            exclusive
            value={work.exchangeTender}
            onChange={(_e, v: CounterPaymentTender | null) => {
              if (v) update({ exchangeTender: v });
            }}
            aria-label={t('returnsUi.resolve.exchange.payWith')}
          >
            {COUNTER_PAYMENT_TENDERS.map((x) => (
              <ToggleButton key={x} value={x} data-pay-tender={x} sx={{ px: 3 }}>
                {t(`money.tender.${x}`)}
              </ToggleButton>
            ))}
          </ToggleButtonGroup>
        </Box>
      )}
    </Box>
  );
}
