/**
 * After F9: the return number, what went back (or was paid) and to which tender, store credit code,
 * "drawer opens" for cash, who approved, the slip's print status with reprint, and the slip preview.
 */
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorValue } from '../../../../shared/contract/errors';
import type { CommitResult } from '../../../../shared/contract/methods/returns';
import { useApi } from '../../app/api-context';
import { ErrorMessage } from '../../app/error-message';
import { KeyChip } from '../../app/key-chip';
import { ReceiptPreview } from '../../app/receipt-preview';
import { useMoney } from '../../app/use-money';
import { useReturnDetail } from './use-return-detail';

export interface CommitResultViewProps {
  result: CommitResult;
  onNewReturn: () => void;
}

/** The result screen; its heading takes the focus. */
export function CommitResultView({ result, onNewReturn }: CommitResultViewProps) {
  const { t } = useTranslation();
  const money = useMoney();
  const api = useApi();
  const heading = useRef<HTMLHeadingElement>(null);
  const d = useReturnDetail(result.returnId);
  const [reprinted, setReprinted] = useState(false);
  const [error, setError] = useState<AppErrorValue | null>(null);
  useEffect(() => heading.current?.focus(), []);

  const cashOut = result.tenders
    .filter((x) => x.tender === 'cash' && x.amountMinor > 0)
    .reduce((s, x) => s + x.amountMinor, 0);
  const cashIn = -result.tenders
    .filter((x) => x.tender === 'cash' && x.amountMinor < 0)
    .reduce((s, x) => s + x.amountMinor, 0);
  const original = d.jobs.find((j) => j.reprintOf === null) ?? d.jobs[0];
  const ov = d.detail?.override;

  async function reprint(): Promise<void> {
    setError(null);
    const r = await api.call('returns.reprint', { returnId: result.returnId });
    if (r.ok) {
      setReprinted(true);
      void d.reload();
    } else setError(r.error);
  }

  return (
    <Paper variant="outlined" sx={{ p: 3 }} data-testid="commit-result" data-return-id={result.returnId}>
      <Box sx={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) auto', gap: 4 }}>
        <Stack spacing={1.5}>
          <Typography
            variant="h4"
            component="h2"
            ref={heading}
            tabIndex={-1}
            sx={{ outline: 'none', color: 'success.main' }}
            data-testid="result-heading"
          >
            {t('returnsUi.result.heading', { id: result.returnId })}
          </Typography>
          {result.replayed && <Alert severity="info">{t('returnsUi.result.replayed')}</Alert>}
          <Typography sx={{ fontSize: '1.375rem', fontWeight: 700 }} data-testid="result-total">
            {result.totalMinor > 0
              ? t('returnsUi.result.total.refund', { amount: money(result.totalMinor) })
              : result.totalMinor < 0
                ? t('returnsUi.result.total.pays', { amount: money(-result.totalMinor) })
                : t('returnsUi.result.total.zero')}
          </Typography>
          <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
            {result.tenders.map((x, i) => (
              <Typography component="li" key={i} data-tender={x.tender}>
                {t(x.amountMinor < 0 ? 'returnsUi.result.tenderIn' : 'returnsUi.result.tender', {
                  tender: t(`money.tender.${x.tender}`),
                  amount: money(Math.abs(x.amountMinor)),
                })}
              </Typography>
            ))}
          </Box>
          {result.storeCredit && (
            <Alert severity="success" data-testid="store-credit">
              {t('returnsUi.result.storeCredit', {
                code: result.storeCredit.code,
                amount: money(result.storeCredit.amountMinor),
              })}
            </Alert>
          )}
          {result.openDrawer && (cashOut > 0 || cashIn > 0) && (
            <Alert severity="warning" data-testid="drawer">
              {cashOut > 0
                ? t('returnsUi.result.drawer', { amount: money(cashOut) })
                : t('returnsUi.result.drawerIn', { amount: money(cashIn) })}
            </Alert>
          )}
          {ov && (
            <Typography data-testid="approved-by">
              {t('returnsUi.result.approvedBy', {
                manager: ov.manager?.name ?? '—',
                reason: t(`returnsUi.override.reasons.${ov.reasonCode}`, { defaultValue: ov.reasonCode }),
                note: ov.note ? ` · ${ov.note}` : '',
              })}
            </Typography>
          )}
          <Typography data-testid="print-status" data-status={original?.status ?? ''}>
            {original
              ? t('returnsUi.result.print', { status: t(`devices.print.status.${original.status}`) })
              : t('returnsUi.result.printWaiting')}
          </Typography>
          {d.error && <ErrorMessage error={d.error} />}
          {error && <ErrorMessage error={error} />}
          {reprinted && <Alert severity="info">{t('returnsUi.result.reprinted')}</Alert>}
          <Stack direction="row" spacing={1.5}>
            <Button variant="outlined" onClick={() => void reprint()} data-testid="reprint">
              {t('returnsUi.result.reprint')}
            </Button>
            <Button variant="contained" onClick={onNewReturn} data-testid="new-return">
              {t('returnsUi.keys.newReturn')}
              <KeyChip k="F2" inverted />
            </Button>
          </Stack>
        </Stack>
        {d.slipHtml && (
          <ReceiptPreview
            html={d.slipHtml}
            title={t('returnsUi.result.preview')}
            heading={t('returnsUi.result.preview')}
            testId="slip-preview"
          />
        )}
      </Box>
    </Paper>
  );
}
