/** Manager: a category's test plan step by step (what to measure, unit, limits, meter or manual); saving makes a new version. */
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorValue } from '../../../../shared/contract/errors';
import type { TestPlanView } from '../../../../shared/contract/methods/bench';
import { METER_FUNCTIONS } from '../../../../shared/domain/meter/reading';
import { useApi } from '../../app/api-context';
import { ErrorMessage } from '../../app/error-message';
import { draftOf, formOf, type StepForm } from './plan-draft';

const FIELDS = ['unit', 'min', 'max', 'nominal', 'tolerancePct', 'stableCount'] as const;

/** The editor. */
export function PlanEditor() {
  const { t } = useTranslation();
  const api = useApi();
  const [plans, setPlans] = useState<TestPlanView[]>([]);
  const [plan, setPlan] = useState<TestPlanView | null>(null);
  const [steps, setSteps] = useState<StepForm[]>([]);
  const [error, setError] = useState<AppErrorValue | null>(null);
  const [saved, setSaved] = useState<number | null>(null);

  useEffect(() => {
    void api.call('bench.plans', {}).then((r) => {
      if (!r.ok) return setError(r.error);
      setPlans(r.value);
      const first = r.value[0];
      if (first) {
        setPlan(first);
        setSteps(formOf(first));
      }
    });
  }, [api]);

  const choose = (id: number) => {
    const p = plans.find((x) => x.id === id);
    if (!p) return;
    setPlan(p);
    setSteps(formOf(p));
    setSaved(null);
  };
  const set = (i: number, patch: Partial<StepForm>) =>
    setSteps((all) => all.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  const save = async () => {
    if (!plan) return;
    setError(null);
    const r = await api.call('bench.savePlan', draftOf(plan.categoryCode, plan.name, steps) as never);
    if (!r.ok) return setError(r.error);
    setPlans((all) => all.map((p) => (p.categoryCode === r.value.categoryCode ? r.value : p)));
    setPlan(r.value);
    setSaved(r.value.version);
  };

  return (
    <Paper sx={{ p: 2 }} data-testid="plan-editor">
      <Stack spacing={2}>
        <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 700 }}>
          {t('benchUi.plans.title')}
        </Typography>
        <TextField
          select
          label={t('benchUi.plans.plan')}
          value={plan?.id ?? ''}
          onChange={(e) => choose(Number(e.target.value))}
          sx={{ maxWidth: 480 }}
          slotProps={{ htmlInput: { 'data-testid': 'plan-select' } }}
        >
          {plans.map((p) => (
            <MenuItem key={p.id} value={p.id}>
              {`${p.name} · v${p.version}`}
            </MenuItem>
          ))}
        </TextField>
        {steps.map((s, i) => (
          <Stack
            key={i}
            direction="row"
            spacing={1}
            useFlexGap
            sx={{ flexWrap: 'wrap', alignItems: 'center' }}
            data-plan-step={i}
          >
            <Typography sx={{ width: 24 }}>{i + 1}.</Typography>
            <TextField
              size="small"
              label={t('benchUi.plans.label')}
              value={s.label}
              onChange={(e) => set(i, { label: e.target.value })}
              sx={{ minWidth: 220 }}
            />
            <TextField
              select
              size="small"
              label={t('benchUi.plans.measure')}
              value={s.measure}
              onChange={(e) => set(i, { measure: e.target.value })}
              sx={{ width: 110 }}
            >
              {METER_FUNCTIONS.map((m) => (
                <MenuItem key={m} value={m}>
                  {m}
                </MenuItem>
              ))}
            </TextField>
            {FIELDS.map((k) => (
              <TextField
                key={k}
                size="small"
                label={t(`benchUi.plans.${k}`)}
                value={s[k]}
                onChange={(e) => set(i, { [k]: e.target.value })}
                sx={{ width: 96 }}
                slotProps={{ htmlInput: { 'data-field': k } }}
              />
            ))}
            <Stack direction="row" sx={{ alignItems: 'center' }}>
              <Checkbox
                checked={s.meterRequired}
                onChange={(e) => set(i, { meterRequired: e.target.checked })}
              />
              <Typography variant="body2">{t('benchUi.plans.meterRequired')}</Typography>
              <Checkbox checked={s.allowManual} onChange={(e) => set(i, { allowManual: e.target.checked })} />
              <Typography variant="body2">{t('benchUi.plans.allowManual')}</Typography>
            </Stack>
          </Stack>
        ))}
        {error && <ErrorMessage error={error} onClose={() => setError(null)} />}
        {saved !== null && (
          <Alert severity="success" role="status">
            {t('benchUi.plans.saved', { version: saved })}
          </Alert>
        )}
        <Button
          variant="contained"
          size="large"
          onClick={() => void save()}
          sx={{ alignSelf: 'flex-start', minHeight: 48 }}
        >
          {t('benchUi.plans.save')}
        </Button>
      </Stack>
    </Paper>
  );
}
