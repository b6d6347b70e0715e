/**
 * The capture engine: one reading for a run → waiting / wrong function / overload / captured. A
 * reading in the wrong function resets the capture; `stableCount` overloads in a row fail the step
 * (the OL reading is stored); otherwise the first stable reading is stored. The outcome is
 * remembered as the run's last outcome (a captured FAIL becomes `out_of_range`).
 */
import { AppError } from '../../../shared/contract/errors';
import type { ReadingOutcomeView, TestResultView } from '../../../shared/contract/methods/bench';
import type { Reading } from '../../../shared/domain/meter/reading';
import { createStableCapture, type StableCapture } from '../../../shared/domain/meter/stable-capture';
import { formatQuantity } from '../../../shared/domain/meter/units';
import { stableSpread, type PlanStep } from '../../../shared/domain/repairs/test-plan';
import type { Session } from './bench-session';

export type Outcome = Omit<ReadingOutcomeView, 'run'>;

/** What the engine needs from the service: the reading log and the result writer. */
export interface CaptureDeps {
  log(s: Session, reading: Reading): void;
  store(s: Session, index: number, step: PlanStep, reading: Reading): TestResultView;
}

/** An outcome with its message key. */
export function outcome(
  kind: ReadingOutcomeView['outcome'],
  params: Record<string, string | number>,
  result: TestResultView | null,
): Outcome {
  return { outcome: kind, messageKey: `bench.outcome.${kind}`, params, result };
}

/** Remembers the outcome of a reading for the run view (a captured FAIL becomes `out_of_range`). */
export function remember(s: Session, stepIndex: number | null, o: Outcome, now: number): void {
  const r = o.result;
  if (o.outcome === 'captured' && r && r.verdict === 'fail') {
    const unit = r.unit as Parameters<typeof formatQuantity>[1];
    const bound = r.reason === 'BELOW_MIN' ? r.low : r.reason === 'ABOVE_MAX' ? r.high : null;
    s.last = {
      outcome: 'out_of_range',
      messageKey: `bench.outcomeFail.${r.reason ?? 'NO_VALUE'}`,
      params: {
        step: r.stepIndex + 1,
        display: r.display,
        limit: bound === null ? '—' : formatQuantity(bound, unit),
      },
      stepIndex: r.stepIndex,
      at: now,
    };
    return;
  }
  // A failed capture stays said while the next step only settles; anything else replaces it.
  if (o.outcome === 'waiting' && s.last?.outcome === 'out_of_range') return;
  s.last = { outcome: o.outcome, messageKey: o.messageKey, params: o.params, stepIndex, at: now };
}

/** Empties the capture window (a new step, a retest, a meter that dropped out). */
export function resetCapture(s: Session): void {
  s.capture?.reset();
  s.overloads = 0;
}

function captureFor(s: Session, index: number, step: PlanStep): StableCapture {
  if (!s.capture || s.captureStep !== index) {
    s.capture = createStableCapture({
      count: step.stableCount,
      toleranceAbs: stableSpread(step),
      tolerancePct: 0,
      maxGapMs: 2000,
    });
    s.captureStep = index;
    s.overloads = 0;
  }
  return s.capture;
}

/** Runs one reading through the active step (see the file comment); `stepIndex` guards a stale screen. */
export function captureReading(
  s: Session,
  stepIndex: number | null,
  reading: Reading,
  deps: CaptureDeps,
): Outcome {
  const active = s.activeStep;
  if (stepIndex !== null && stepIndex !== active) {
    if (stepIndex < 0 || stepIndex >= s.plan.steps.length)
      throw new AppError('BENCH_STEP_NOT_FOUND', { stepIndex });
    throw new AppError('BENCH_STEP_NOT_ACTIVE', { stepIndex, activeStep: active === null ? '—' : active });
  }
  deps.log(s, reading);
  if (s.meterState !== 'connected' && s.meterSource !== null) s.meterState = 'connected';
  if (active === null) return outcome('complete', {}, null);
  const step = s.plan.steps[active] as PlanStep;
  const capture = captureFor(s, active, step);
  if (reading.function !== step.measure) {
    capture.reset();
    s.overloads = 0;
    return outcome('wrong_function', { expected: step.measure, actual: reading.function }, null);
  }
  if (reading.overload) {
    s.overloads++;
    capture.push(reading);
    if (s.overloads < step.stableCount) {
      return outcome('overload', { pending: s.overloads, needed: step.stableCount }, null);
    }
    const result = deps.store(s, active, step, reading);
    return outcome('captured', { display: result.display, verdict: result.verdict }, result);
  }
  s.overloads = 0;
  const captured = capture.push(reading);
  if (!captured) {
    return outcome('waiting', { pending: capture.pending, needed: step.stableCount }, null);
  }
  const result = deps.store(s, active, step, captured.reading);
  return outcome('captured', { display: result.display, verdict: result.verdict }, result);
}
