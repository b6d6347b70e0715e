/** Intake, money and promise: estimate, deposit and its tender, promised day, assignment, note. */
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';
import { COUNTER_PAYMENT_TENDERS, type Tender } from '../../../../shared/domain/money/tenders';
import type { IntakeState } from './intake-state';
import { IntakeSection, type IntakePartProps } from './intake-section';
import type { Precheck } from './use-warranty-precheck';

export function IntakeEstimate({ s, set, pre }: IntakePartProps & { pre: Precheck | null }) {
  const { t } = useTranslation();
  return (
    <IntakeSection title={t('repairsUi.intake.money')}>
      <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap' }}>
        <TextField
          label={t('repairsUi.intake.estimate')}
          name="estimate"
          value={s.estimate}
          onChange={(e) => set({ estimate: e.target.value })}
        />
        <TextField
          label={t('repairsUi.intake.deposit')}
          name="deposit"
          value={s.deposit}
          onChange={(e) => set({ deposit: e.target.value })}
        />
        <TextField
          select
          label={t('repairsUi.intake.depositTender')}
          value={s.depositTender}
          onChange={(e) => set({ depositTender: e.target.value as Tender })}
          sx={{ minWidth: 160 }}
        >
          {COUNTER_PAYMENT_TENDERS.map((x) => (
            <MenuItem key={x} value={x}>
              {t(`money.tender.${x}`)}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          type="date"
          label={t('repairsUi.intake.promisedDay')}
          value={s.promisedDay}
          onChange={(e) => set({ promisedDay: e.target.value })}
          helperText={pre ? t('repairsUi.intake.promisedHint', { days: pre.slaBusinessDays }) : ' '}
          slotProps={{ inputLabel: { shrink: true } }}
        />
        <TextField
          select
          label={t('repairsUi.intake.assign')}
          value={s.assign}
          onChange={(e) => set({ assign: e.target.value as IntakeState['assign'] })}
          sx={{ minWidth: 220 }}
        >
          <MenuItem value="auto">{t('repairsUi.intake.assignAuto')}</MenuItem>
          <MenuItem value="none">{t('repairsUi.intake.assignNone')}</MenuItem>
        </TextField>
      </Stack>
      <TextField
        label={t('repairsUi.intake.note')}
        value={s.note}
        onChange={(e) => set({ note: e.target.value })}
      />
    </IntakeSection>
  );
}
