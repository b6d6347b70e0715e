/**
 * Step 5, confirm: everything the customer will see (lines, discount share, tax, fee, total, the
 * tenders), the manager's approval, a note, and F9 to commit. A commit whose answer was lost (the
 * link dropped) is shown as such: F9 sends the very same request again and never refunds twice.
 */
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../app/error-message';
import { useMoney } from '../../app/use-money';
import { ManagerPanel } from './manager-panel';
import { MoneyTable, TenderList } from './money-table';
import type { ReturnFlow } from './use-return-flow';

export interface ConfirmStepProps {
  flow: ReturnFlow;
  onOverride: () => void;
}

/** The confirm screen; its heading takes the focus (Enter or F9 commits). */
export function ConfirmStep({ flow, onOverride }: ConfirmStepProps) {
  const { t } = useTranslation();
  const money = useMoney();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const { work, quote, commitState } = flow;
  const q = quote.quote;
  const total = work.pending?.expectedTotalMinor ?? q?.totals.totalMinor ?? 0;
  return (
    <Paper variant="outlined" sx={{ p: 3 }}>
      <Typography
        variant="h5"
        component="h2"
        ref={heading}
        tabIndex={-1}
        sx={{ fontWeight: 700, mb: 2, outline: 'none' }}
      >
        {t('returnsUi.confirm.heading')}
      </Typography>
      <Stack spacing={2}>
        {commitState.status === 'unknown' && (
          <Alert severity="warning" data-testid="commit-unknown">
            {t('returnsUi.confirm.unknown')}
          </Alert>
        )}
        {work.pending && commitState.status === 'idle' && (
          <Alert severity="warning" data-testid="commit-pending">
            {t('returnsUi.confirm.pendingResumed')}
          </Alert>
        )}
        {commitState.status === 'error' && <ErrorMessage error={commitState.error} />}
        {quote.error && !work.pending && <ErrorMessage error={quote.error} />}
        {q && !work.pending && (
          <ManagerPanel quote={q} override={flow.override} onOverride={onOverride} onRepair={null} />
        )}
        {q && q.resolution !== 'repair' && (
          <Box>
            <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 700, mb: 0.5 }}>
              {t('returnsUi.confirm.customerSees')}
            </Typography>
            <MoneyTable quote={q} />
          </Box>
        )}
        {q?.exchange && (
          <Box data-testid="confirm-exchange">
            {q.exchange.items.map((x) => (
              <Box key={x.sku} sx={{ display: 'flex', gap: 2 }}>
                <Typography sx={{ flex: 1 }}>
                  {t('returnsUi.resolve.exchange.heading')}: {x.name} × {x.qty}
                </Typography>
                <Typography sx={{ fontVariantNumeric: 'tabular-nums' }}>{money(x.totalMinor)}</Typography>
              </Box>
            ))}
          </Box>
        )}
        {q && <TenderList quote={q} />}
        <Box
          sx={{
            display: 'flex',
            alignItems: 'baseline',
            gap: 2,
            p: 2,
            bgcolor: 'background.default',
            borderRadius: 2,
          }}
          data-testid="confirm-total"
        >
          <Typography sx={{ fontSize: '1.375rem', fontWeight: 700, flex: 1 }}>
            {total > 0
              ? t('returnsUi.confirm.total.refund')
              : total < 0
                ? t('returnsUi.confirm.total.pays')
                : t('returnsUi.confirm.total.zero')}
          </Typography>
          <Typography sx={{ fontSize: '2rem', fontWeight: 700, fontVariantNumeric: 'tabular-nums' }}>
            {money(Math.abs(total))}
          </Typography>
        </Box>
        {q?.opensDrawer && <Typography sx={{ fontWeight: 500 }}>{t('returnsUi.resolve.drawer')}</Typography>}
        <Box data-own-enter>
          <TextField
            label={t('returnsUi.confirm.note')}
            name="returnNote"
            value={work.note}
            disabled={work.pending !== null}
            onChange={(e) => flow.update({ note: e.target.value })}
            fullWidth
            slotProps={{ htmlInput: { maxLength: 500 } }}
          />
        </Box>
      </Stack>
    </Paper>
  );
}
