/**
 * Why the step did not capture, in words: the run's last outcome from core (a reading in the wrong
 * function, an overload, the meter gone, or a capture outside the limits). Settling and passes say
 * nothing here (the progress bar and the verdict do). The step stays active and resumable.
 */
import Alert from '@mui/material/Alert';
import { useTranslation } from 'react-i18next';
import type { BenchRunView, LastOutcomeView } from '../../../../shared/contract/methods/bench';

const SAID: Partial<Record<LastOutcomeView['outcome'], 'warning' | 'error'>> = {
  wrong_function: 'warning',
  overload: 'warning',
  meter_disconnected: 'warning',
  out_of_range: 'error',
};

/** Function codes in the params (expected/actual) become their names ("交流电压"). */
function params(o: LastOutcomeView, t: (k: string) => string): Record<string, string | number> {
  const out: Record<string, string | number> = { ...o.params };
  for (const k of ['expected', 'actual'] as const) {
    const v = o.params[k];
    if (typeof v === 'string') out[k] = t(`meter.function.${v}`);
  }
  return out;
}

/** The note, or nothing when the last outcome needs no words. */
export function OutcomeNote({ run }: { run: BenchRunView }) {
  const { t, i18n } = useTranslation();
  const o = run.lastOutcome;
  const severity = o ? SAID[o.outcome] : undefined;
  if (!o || !severity) return null;
  const step = o.stepIndex !== null ? run.steps[o.stepIndex] : undefined;
  const label = step ? (i18n.language === 'en-US' && step.labelEn ? step.labelEn : step.label) : null;
  const text = t(o.messageKey, params(o, t));
  return (
    <Alert
      severity={severity}
      role="status"
      data-testid="bench-outcome"
      data-outcome={o.outcome}
      data-step={o.stepIndex ?? ''}
      sx={{ fontSize: '1.1rem' }}
    >
      {step && o.outcome !== 'out_of_range'
        ? `${t('benchUi.step', { n: step.index + 1 })} · ${label} — ${text}`
        : text}
    </Alert>
  );
}
