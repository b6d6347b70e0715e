/** The run view the bench screen shows: plan, steps with their state and latest result, capture, meter, instrument. */
import type { DbClient } from '../../../db/client';
import type { BenchRunView, TestResultView } from '../../../shared/contract/methods/bench';
import { stepBounds } from '../../../shared/domain/repairs/test-plan';
import { staffResolver } from '../repairs/staff-refs';
import type { Session } from './bench-session';
import { instrumentById } from './instruments';
import { resultById } from './results';
import { stepsOfRun } from './run-state';

/** The view of a session's run; `today` decides calibration overdue flags. */
export function runView(db: DbClient, s: Session, today: string): BenchRunView {
  const steps = stepsOfRun(db, s.jobId, s.run, s.plan);
  const latest = new Map<number, TestResultView>();
  for (const st of steps)
    if (st.latestId !== null) latest.set(st.latestId, resultById(db, st.latestId, today));
  const complete = s.activeStep === null;
  const step = s.activeStep !== null ? s.plan.steps[s.activeStep] : undefined;
  return {
    jobId: s.jobId,
    plan: s.plan,
    startedAt: s.run.startedAt,
    startedBy: staffResolver(db)(s.run.startedBy),
    activeStep: s.activeStep,
    complete,
    allPassed: complete && steps.every((st) => st.verdict === 'pass'),
    capture: {
      pending: s.captureStep === s.activeStep ? (s.capture?.pending ?? 0) : 0,
      needed: step?.stableCount ?? 0,
      overloads: s.captureStep === s.activeStep ? s.overloads : 0,
    },
    meter: { source: s.meterSource, state: s.meterState },
    instrument: s.instrumentId !== null ? instrumentById(db, s.instrumentId, today) : null,
    lastOutcome: s.last,
    steps: s.plan.steps.map((p, i) => {
      const st = steps[i];
      const bounds = stepBounds(p);
      const state =
        i === s.activeStep
          ? 'active'
          : st?.verdict === 'pass'
            ? 'pass'
            : st?.verdict === 'fail'
              ? 'fail'
              : 'pending';
      return {
        index: i,
        label: p.label,
        labelEn: p.labelEn ?? null,
        measure: p.measure,
        unit: p.unit,
        low: bounds.low ?? null,
        high: bounds.high ?? null,
        meterRequired: p.meterRequired,
        allowManual: p.allowManual,
        stableCount: p.stableCount,
        state,
        latest: st?.latestId ? (latest.get(st.latestId) ?? null) : null,
        attempts: st?.attempts ?? 0,
      };
    }),
  };
}
