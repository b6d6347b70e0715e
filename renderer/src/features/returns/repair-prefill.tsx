/** "Send to repair": what the repair intake will start from (quote.repairPrefill); nothing is recorded here. */
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { Quote } from '../../../../shared/contract/methods/returns';

/** The prefill as a short card. */
export function RepairPrefill({ prefill }: { prefill: NonNullable<Quote['repairPrefill']> }) {
  const { t } = useTranslation();
  return (
    <Alert severity="info" role="note" data-testid="repair-prefill">
      <AlertTitle>{t('returnsUi.resolve.repair.heading')}</AlertTitle>
      <Typography>
        {t('returnsUi.resolve.repair.product', { name: prefill.product.name, sku: prefill.product.sku })}
      </Typography>
      {prefill.serial && (
        <Typography>{t('returnsUi.resolve.repair.serial', { serial: prefill.serial })}</Typography>
      )}
      {prefill.customer && (
        <Typography>
          {t('returnsUi.resolve.repair.customer', {
            name: prefill.customer.name,
            phone: prefill.customer.phone ?? '',
          })}
        </Typography>
      )}
      {prefill.receiptNo && (
        <Typography>{t('returnsUi.resolve.repair.receipt', { receiptNo: prefill.receiptNo })}</Typography>
      )}
      <Typography sx={{ fontWeight: 500 }}>
        {prefill.warranty
          ? t('returnsUi.resolve.repair.warrantyYes')
          : t('returnsUi.resolve.repair.warrantyNo')}
      </Typography>
      {prefill.faultText && (
        <Typography>{t('returnsUi.resolve.repair.fault', { text: prefill.faultText })}</Typography>
      )}
      <Typography sx={{ mt: 1 }} color="text.secondary">
        {t('returnsUi.resolve.repair.note')}
      </Typography>
    </Alert>
  );
}
