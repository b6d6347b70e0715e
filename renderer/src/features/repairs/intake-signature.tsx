/** Intake, the customer's consent: signature on screen (canvas → PNG) and the terms checkbox. */
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import { useTranslation } from 'react-i18next';
import { IntakeSection, type IntakePartProps } from './intake-section';
import { SignaturePad } from './signature-pad';

/** `onTouched` runs on every change (the form clears its "still missing" hint). */
export function IntakeSignature({ s, set, onTouched }: IntakePartProps & { onTouched: () => void }) {
  const { t } = useTranslation();
  return (
    <IntakeSection title={t('repairsUi.intake.signSection')}>
      <SignaturePad
        label={t('repairsUi.intake.signature')}
        onChange={(png) => {
          onTouched();
          set({ signature: png });
        }}
      />
      <FormControlLabel
        control={
          <Checkbox
            checked={s.terms}
            onChange={(e) => {
              onTouched();
              set({ terms: e.target.checked });
            }}
            name="terms"
          />
        }
        label={t('repairsUi.intake.terms')}
      />
    </IntakeSection>
  );
}
