/**
 * A running test plan: the meter link (a disconnect shows a banner; the step stays), why the step did
 * not capture (wrong function, overload, out of range, meter gone — the run's last outcome), the instrument
 * and its calibration, the steps with their states, the active step's card, and at the end the
 * verdict with "send to QC" when every step passed.
 */
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Grid from '@mui/material/Grid';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BenchRunView } from '../../../../shared/contract/methods/bench';
import type { Reading } from '../../../../shared/domain/meter/reading';
import { OutcomeNote } from './outcome-note';
import { StepCard } from './step-card';

const STATE_COLOR = { pending: 'default', active: 'primary', pass: 'success', fail: 'error' } as const;

/** The panel; `onToQc` is offered when the run is complete and all passed. */
export function RunPanel({
  run,
  live,
  onRetest,
  onManual,
  onToQc,
}: {
  run: BenchRunView;
  live: Reading | null;
  onRetest: (stepIndex: number) => void;
  onManual: (stepIndex: number, value: number) => void;
  onToQc: (() => void) | null;
}) {
  const { t, i18n } = useTranslation();
  const [chosen, setChosen] = useState<number | null>(null);
  const shown = chosen ?? run.activeStep ?? run.steps.length - 1;
  const step = run.steps[shown];
  const meterOk = run.meter.state === 'connected' || run.meter.source === null;
  return (
    <Stack spacing={2} data-testid="bench-run" data-complete={run.complete ? 'yes' : 'no'}>
      {!meterOk && (
        <Alert severity="warning" data-testid="meter-banner" data-meter-state={run.meter.state}>
          {t(`benchUi.meterState.${run.meter.state}`)}
        </Alert>
      )}
      <OutcomeNote run={run} />
      {run.instrument && (
        <Alert severity={run.instrument.calibrationOverdue ? 'error' : 'info'} data-testid="instrument">
          {t('benchUi.instrument', {
            model: run.instrument.model,
            serial: run.instrument.serial,
            due: run.instrument.calibrationDue ?? '—',
          })}
          {run.instrument.calibrationOverdue ? ` · ${t('benchUi.instrumentOverdue')}` : ''}
        </Alert>
      )}
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, md: 4 }}>
          <Paper>
            <List>
              {run.steps.map((s) => (
                <ListItemButton
                  key={s.index}
                  selected={s.index === shown}
                  onClick={() => setChosen(s.index === run.activeStep ? null : s.index)}
                  data-step-state={s.state}
                  sx={{ minHeight: 56 }}
                >
                  <ListItemText
                    primary={`${s.index + 1}. ${i18n.language === 'en-US' && s.labelEn ? s.labelEn : s.label}`}
                  />
                  <Chip
                    size="small"
                    color={STATE_COLOR[s.state]}
                    label={
                      s.state === 'pass'
                        ? t('benchUi.pass')
                        : s.state === 'fail'
                          ? t('benchUi.fail')
                          : s.state === 'active'
                            ? '…'
                            : '—'
                    }
                  />
                </ListItemButton>
              ))}
            </List>
          </Paper>
        </Grid>
        <Grid size={{ xs: 12, md: 8 }}>
          {step && (
            <StepCard
              key={`${step.index}-${step.attempts}`}
              run={run}
              step={step}
              live={live}
              onRetest={() => {
                setChosen(null);
                onRetest(step.index);
              }}
              onManual={(v) => onManual(step.index, v)}
            />
          )}
        </Grid>
      </Grid>
      {run.complete && (
        <Alert
          severity={run.allPassed ? 'success' : 'error'}
          data-testid="run-verdict"
          action={
            run.allPassed && onToQc ? (
              <Button color="inherit" size="large" onClick={onToQc}>
                {t('benchUi.toQc')}
              </Button>
            ) : undefined
          }
        >
          {t('benchUi.complete')} · {run.allPassed ? t('benchUi.allPassed') : t('benchUi.someFailed')}
        </Alert>
      )}
    </Stack>
  );
}
