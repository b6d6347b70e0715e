/** The active (or chosen) step: what to measure and its range, the live reading, settling progress, the verdict, retest and manual entry. */
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BenchRunView } from '../../../../shared/contract/methods/bench';
import type { Reading } from '../../../../shared/domain/meter/reading';
import { MeterReading } from '../devices/meter-reading';
import { limitsText } from './limits-text';

type Step = BenchRunView['steps'][number];

/** The card. */
export function StepCard({
  run,
  step,
  live,
  onRetest,
  onManual,
}: {
  run: BenchRunView;
  step: Step;
  live: Reading | null;
  onRetest: () => void;
  onManual: (value: number) => void;
}) {
  const { t, i18n } = useTranslation();
  const [value, setValue] = useState('');
  const label = i18n.language === 'en-US' && step.labelEn ? step.labelEn : step.label;
  const latest = step.latest;
  const active = run.activeStep === step.index;
  return (
    <Paper sx={{ p: 3 }} data-testid="step-card" data-step={step.index} data-state={step.state}>
      <Stack spacing={2}>
        <Typography variant="overline">{t('benchUi.step', { n: step.index + 1 })}</Typography>
        <Typography variant="h5" component="h2">
          {label}
        </Typography>
        <Typography data-testid="step-limits">
          {t('benchUi.limits', { range: limitsText(step.low, step.high, step.unit) })}
        </Typography>
        {active && (
          <Paper variant="outlined" sx={{ p: 2 }}>
            <Typography variant="subtitle2" color="text.secondary">
              {t('benchUi.live')}
            </Typography>
            {live ? (
              <MeterReading reading={live} testId="bench-live" />
            ) : (
              <Typography>{t('benchUi.waiting')}</Typography>
            )}
            {run.capture.needed > 0 && (
              <>
                <Typography variant="body2" data-testid="settling">
                  {t('benchUi.stabilising', { pending: run.capture.pending, needed: run.capture.needed })}
                </Typography>
                <LinearProgress
                  variant="determinate"
                  value={(100 * run.capture.pending) / run.capture.needed}
                />
              </>
            )}
          </Paper>
        )}
        {latest && (
          <Alert
            severity={latest.verdict === 'pass' ? 'success' : 'error'}
            data-testid="step-verdict"
            data-verdict={latest.verdict}
            sx={{ fontSize: '1.25rem' }}
          >
            <strong>{latest.verdict === 'pass' ? t('benchUi.pass') : t('benchUi.fail')}</strong>
            {` · ${latest.display}`}
            {latest.reason ? ` · ${t(`benchUi.reasonLabel.${latest.reason}`)}` : ''}
            {latest.manual ? ` · ${t('benchUi.manual')}` : ''}
            {latest.calibrationOverdue ? ` · ${t('benchUi.instrumentOverdue')}` : ''}
          </Alert>
        )}
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }} useFlexGap>
          {step.attempts > 0 && <Chip label={t('benchUi.attempts', { n: step.attempts })} />}
          {(step.state === 'pass' || step.state === 'fail') && (
            <Button variant="outlined" size="large" onClick={onRetest} sx={{ minHeight: 48 }}>
              {t('benchUi.retest')}
            </Button>
          )}
          {active && step.allowManual && (
            <>
              <TextField
                label={t('benchUi.manualValue', { unit: step.unit })}
                value={value}
                onChange={(e) => setValue(e.target.value)}
                sx={{ width: 180 }}
              />
              <Button
                variant="outlined"
                size="large"
                disabled={!Number.isFinite(Number.parseFloat(value))}
                onClick={() => onManual(Number.parseFloat(value))}
                sx={{ minHeight: 48 }}
              >
                {t('benchUi.manualSave')}
              </Button>
            </>
          )}
        </Stack>
      </Stack>
    </Paper>
  );
}
