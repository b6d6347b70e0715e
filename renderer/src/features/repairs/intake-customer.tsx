/** Intake, customer: phone and name, with "existing customer (n repairs)" or "new customer". */
import Alert from '@mui/material/Alert';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { IntakeSection, type IntakePartProps } from './intake-section';
import type { FoundCustomer } from './use-customer-lookup';

export function IntakeCustomer({ s, set, found }: IntakePartProps & { found: FoundCustomer | null }) {
  const { t } = useTranslation();
  return (
    <IntakeSection title={t('repairsUi.intake.customer')}>
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
      {found?.customer && (
        <Alert severity="info" data-testid="customer-found" data-customer-id={found.customer.id}>
          {t('repairsUi.intake.customerFound', {
            name: found.customer.name,
            count: found.repairJobs,
          })}
        </Alert>
      )}
      {found && !found.customer && (
        <Typography variant="body2" color="text.secondary" data-testid="customer-new">
          {t('repairsUi.intake.customerNew')}
        </Typography>
      )}
    </IntakeSection>
  );
}
