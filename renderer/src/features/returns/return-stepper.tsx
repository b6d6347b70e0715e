/** The stepper on top of the Returns screen: find → choose → check → resolve → confirm; done steps can be reopened. */
import Step from '@mui/material/Step';
import StepButton from '@mui/material/StepButton';
import StepLabel from '@mui/material/StepLabel';
import Stepper from '@mui/material/Stepper';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { STEPS, type StepId } from './work';

export interface ReturnStepperProps {
  step: StepId;
  /** A short line under a step's label (the receipt number under "Find sale", …). */
  captions: Partial<Record<StepId, string>>;
  /** Steps the clerk may jump back to. */
  reachable: (step: StepId) => boolean;
  onStep: (step: StepId) => void;
  /** True once the return is committed: every step is done. */
  finished: boolean;
}

/** Horizontal stepper; the current step is marked aria-current. */
export function ReturnStepper({ step, captions, reachable, onStep, finished }: ReturnStepperProps) {
  const { t } = useTranslation();
  const active = finished ? STEPS.length : STEPS.indexOf(step);
  return (
    <Stepper
      nonLinear
      activeStep={active}
      aria-label={t('returnsUi.steps.label')}
      sx={{ px: 1, '& .MuiStepLabel-label': { fontSize: '1.0625rem' } }}
    >
      {STEPS.map((s, i) => {
        const caption = captions[s];
        const label = (
          <StepLabel
            optional={
              caption ? (
                <Typography variant="body2" color="text.secondary" noWrap sx={{ maxWidth: 180 }}>
                  {caption}
                </Typography>
              ) : undefined
            }
          >
            {t(`returnsUi.steps.${s}`)}
          </StepLabel>
        );
        return (
          <Step
            key={s}
            completed={finished || i < active}
            data-step={s}
            aria-current={s === step && !finished ? 'step' : undefined}
          >
            {!finished && i < active && reachable(s) ? (
              <StepButton onClick={() => onStep(s)} sx={{ minHeight: 48 }}>
                {label}
              </StepButton>
            ) : (
              label
            )}
          </Step>
        );
      })}
    </Stepper>
  );
}
