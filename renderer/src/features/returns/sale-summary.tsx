/** One line about where the return comes from: receipt, date, customer, what was paid and how (or the no-receipt item and customer). */
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { useMoney } from '../../app/use-money';
import type { SaleForReturn } from './use-return-flow';
import { useStoreTime } from './use-store-time';
import type { ReturnSource } from './work';

/** The sale (or no-receipt) header shown above the steps after "find". */
export function SaleSummary({ sale, source }: { sale: SaleForReturn | null; source: ReturnSource | null }) {
  const { t } = useTranslation();
  const money = useMoney();
  const time = useStoreTime();
  if (source?.kind === 'no_receipt') {
    return (
      <Stack
        direction="row"
        spacing={2}
        sx={{ alignItems: 'center', flexWrap: 'wrap' }}
        data-testid="sale-summary"
      >
        <Chip color="warning" label={t('returnsUi.find.noReceipt')} />
        <Typography sx={{ fontWeight: 700 }}>
          {t('returnsUi.sale.noReceipt', { name: source.product?.name ?? source.code })}
        </Typography>
        <Typography>
          {t('returnsUi.sale.noReceiptCustomer', { name: source.customerName, phone: source.customerPhone })}
        </Typography>
      </Stack>
    );
  }
  if (!sale) return null;
  const s = sale.sale;
  const tenders = s.payments
    .map((p) => `${t(`money.tender.${p.tender}`)} ${money(p.amountMinor)}`)
    .join(' + ');
  return (
    <Box
      data-testid="sale-summary"
      sx={{ display: 'flex', gap: 3, alignItems: 'baseline', flexWrap: 'wrap', rowGap: 0.5 }}
    >
      <Typography sx={{ fontWeight: 700, fontSize: '1.25rem' }}>
        {t('returnsUi.sale.receipt', { receiptNo: s.receiptNo })}
      </Typography>
      <Typography>{t('returnsUi.sale.soldAt', { time: time(s.soldAt) })}</Typography>
      <Typography>
        {s.customer
          ? t('returnsUi.sale.customer', { name: s.customer.name, phone: s.customer.phone ?? '' })
          : t('returnsUi.sale.walkIn')}
      </Typography>
      {s.orderDiscountMinor > 0 && (
        <Typography color="text.secondary">
          {t('returnsUi.sale.coupon', { amount: money(s.orderDiscountMinor) })}
        </Typography>
      )}
      <Typography sx={{ fontWeight: 500 }}>
        {t('returnsUi.sale.paid', { amount: money(s.totalMinor) })} ·{' '}
        {t('returnsUi.sale.paidWith', { tenders })}
      </Typography>
    </Box>
  );
}
