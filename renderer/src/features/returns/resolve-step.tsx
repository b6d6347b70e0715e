/**
 * Step 4, resolve: refund, exchange, store credit or send to repair — each marked as the policy
 * offers it, or possible with a manager override — then the money as the customer will see it,
 * the fee waiver, where the money goes, the exchange's new items, and every refusal explained.
 */
import Box from '@mui/material/Box';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Quote, ReturnResolution } from '../../../../shared/contract/methods/returns';
import { RETURN_RESOLUTIONS } from '../../../../shared/domain/returns/resolutions';
import { ErrorMessage } from '../../app/error-message';
import { useMoney } from '../../app/use-money';
import { ExchangePanel } from './exchange-panel';
import { ManagerPanel } from './manager-panel';
import { MoneyTable, TenderList } from './money-table';
import { RepairPrefill } from './repair-prefill';
import { availability } from './resolutions';
import type { ReturnFlow } from './use-return-flow';

export interface ResolveStepProps {
  flow: ReturnFlow;
  onOverride: () => void;
}

/** The resolve screen; the resolution buttons take the focus. */
export function ResolveStep({ flow, onOverride }: ResolveStepProps) {
  const { t } = useTranslation();
  const money = useMoney();
  const group = useRef<HTMLDivElement>(null);
  const { work, quote } = flow;
  const q = quote.quote;
  useEffect(() => {
    group.current?.querySelector<HTMLButtonElement>('button[aria-pressed="true"], button')?.focus();
  }, []);
  const resolution = work.resolution ?? 'refund';
  const feeComputed = q?.totals.restockingFeeComputedMinor ?? 0;
  const repairable = q !== null && availability(q, 'repair') === 'offered';
  // An exchange without new items is quoted as a refund (for the policy answer): its money is not shown.
  const priced = q !== null && q.resolution === resolution && q.commit !== 'blocked';

  return (
    <Stack spacing={2}>
      <Paper variant="outlined" sx={{ p: 3 }}>
        <Typography variant="h5" component="h2" sx={{ fontWeight: 700, mb: 2 }}>
          {t('returnsUi.resolve.heading')}
        </Typography>
        <ToggleButtonGroup
          exclusive
          ref={group}
          value={resolution}
          onChange={(_e, v: ReturnResolution | null) => {
            if (v) flow.update({ resolution: v });
          }}
          aria-label={t('returnsUi.resolve.heading')}
          sx={{
            mb: 1,
            flexWrap: 'wrap',
            '& .MuiToggleButton-root.Mui-selected': { bgcolor: 'primary.main', color: '#fff' },
            '& .MuiToggleButton-root.Mui-selected:hover': { bgcolor: 'primary.dark' },
            '& .MuiToggleButton-root.Mui-selected .availability': { color: '#fff' },
          }}
        >
          {RETURN_RESOLUTIONS.map((r) => {
            const a = q ? availability(q, r) : 'offered';
            return (
              <ToggleButton
                key={r}
                value={r}
                data-resolution={r}
                data-availability={a}
                sx={{ flexDirection: 'column', alignItems: 'flex-start', px: 2.5, py: 1, minWidth: 150 }}
              >
                <Typography sx={{ fontWeight: 700, fontSize: '1.125rem', color: 'inherit' }}>
                  {t(`returnsUi.resolve.resolution.${r}`)}
                </Typography>
                <Typography
                  variant="body2"
                  className="availability"
                  sx={{
                    color:
                      a === 'offered' ? 'success.main' : a === 'override' ? 'warning.main' : 'text.secondary',
                  }}
                >
                  {a === 'offered'
                    ? t('returnsUi.resolve.offered')
                    : a === 'override'
                      ? t('returnsUi.resolve.viaOverride')
                      : t('returnsUi.resolve.notOffered')}
                </Typography>
              </ToggleButton>
            );
          })}
        </ToggleButtonGroup>
        <Box sx={{ height: 4, mb: 1 }}>{quote.loading && <LinearProgress />}</Box>
        {quote.error && <ErrorMessage error={quote.error} />}
        {q && (
          <Stack spacing={2}>
            <ManagerPanel
              quote={q}
              override={flow.override}
              onOverride={onOverride}
              onRepair={
                repairable && resolution !== 'repair' ? () => flow.update({ resolution: 'repair' }) : null
              }
            />
            {resolution === 'repair' && q.repairPrefill && <RepairPrefill prefill={q.repairPrefill} />}
            {priced && resolution !== 'repair' && <MoneyTable quote={q} />}
            {priced && feeComputed > 0 && (resolution === 'refund' || resolution === 'store_credit') && (
              <FormControlLabel
                control={
                  <Checkbox
                    checked={work.waiveFee}
                    onChange={(e) => flow.update({ waiveFee: e.target.checked })}
                    sx={{ width: 48, height: 48 }}
                  />
                }
                label={t('returnsUi.resolve.waive', { amount: money(feeComputed) })}
                data-testid="waive-fee"
              />
            )}
            {resolution === 'exchange' && (
              <ExchangePanel work={work} quote={priced ? q : null} update={flow.update} />
            )}
            {priced && resolution !== 'repair' && <TenderList quote={q} />}
            {priced && q.opensDrawer && (
              <Typography sx={{ fontWeight: 500 }}>{t('returnsUi.resolve.drawer')}</Typography>
            )}
            {q.noReceipt && <NoReceiptFacts quote={q} />}
          </Stack>
        )}
        {!q && resolution === 'exchange' && <ExchangePanel work={work} quote={null} update={flow.update} />}
      </Paper>
    </Stack>
  );
}

function NoReceiptFacts({ quote }: { quote: Quote }) {
  const { t } = useTranslation();
  const money = useMoney();
  const n = quote.noReceipt;
  if (!n) return null;
  return (
    <Box data-testid="no-receipt-facts">
      <Typography>
        {n.priceSource === 'sales_90d'
          ? t('returnsUi.resolve.noReceipt.price', { amount: money(n.lowestPriceMinor) })
          : t('returnsUi.resolve.noReceipt.currentPrice', { amount: money(n.lowestPriceMinor) })}
      </Typography>
      <Typography>
        {t('returnsUi.resolve.noReceipt.limit', {
          used: money(n.monthUsedMinor),
          limit: money(n.monthlyLimitMinor),
        })}
      </Typography>
      <Typography color="text.secondary">
        {t('returnsUi.resolve.noReceipt.id', { id: n.idDocumentMasked })}
      </Typography>
    </Box>
  );
}
