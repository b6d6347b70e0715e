/**
 * The bench: runs a job's test plan step by step. Readings for the active step (from the contract
 * or from a meter bound to the run) go through stable capture; the first stable reading is judged
 * against the step's limits and stored as a test result with the instrument and its calibration
 * state. A reading in the wrong function is not captured (clear message); a lasting overload
 * (`stableCount` OL readings in a row) fails the step with reason OVERLOAD; a meter that drops out
 * only resets the capture — the step stays active and resumes when readings come back. Manual
 * entry is allowed only where the step says so and is stored as manual. Retests add attempts.
 *
 * The run view carries the last outcome (`lastOutcome`): why the active step did not capture (wrong
 * function, overload, meter gone) or that the capture failed its limits (out of range), so the
 * screen can say it in words while the step stays active and resumable.
 *
 * Durable state is in the database (run-state.ts); this service keeps only the sessions (capture
 * window, last outcome, meter link per job) in memory. One service per core: `core.services.bench`.
 * The parts: capture-engine.ts (one reading → outcome), result-writer.ts (judge and store),
 * run-view.ts (what the screen shows), meter-link.ts (sources → runs, device events).
 */
import { lastAttempt } from '../../../db/repositories/bench/results';
import { storeFacts } from '../../../db/repositories/store/store-facts';
import { AppError } from '../../../shared/contract/errors';
import type {
  BenchRunView,
  ReadingOutcomeView,
  TestResultView,
} from '../../../shared/contract/methods/bench';
import { NO_FLAGS, unitOfFunction, type Reading } from '../../../shared/domain/meter/reading';
import { toBase } from '../../../shared/domain/meter/units';
import { parseStepUnit, type PlanStep } from '../../../shared/domain/repairs/test-plan';
import { businessDay } from '../../../shared/domain/time/business-day';
import type { CoreContext } from '../../context';
import { loadJob } from '../repairs/job-record';
import { recordEvent } from '../repairs/repair-events';
import type { Actor } from '../repairs/transition';
import { assertBenchStatus, type MeterLinkState, type Session } from './bench-session';
import { captureReading, outcome, remember, resetCapture, type Outcome } from './capture-engine';
import { instrumentById } from './instruments';
import { meterDeviceIdOf, MeterLinks } from './meter-link';
import { activePlan } from './plans';
import { ReadingIngest } from './reading-ingest';
import { writeResult, type HowTaken } from './result-writer';
import { resultById } from './results';
import { activeStepOf, attemptsSoFar, loadRun, planOfRun, type RunRecord } from './run-state';
import { runView } from './run-view';

export { BENCH_STATUSES, type MeterLinkState } from './bench-session';
export { subscribeBenchToMeters } from './meter-link';

export type OutcomeListener = (jobId: string, outcome: ReadingOutcomeView) => void;

export class BenchService {
  private readonly sessions = new Map<string, Session>();
  private readonly links = new MeterLinks();
  private readonly listeners = new Set<OutcomeListener>();
  readonly ingest: ReadingIngest;

  constructor(private readonly core: CoreContext) {
    this.ingest = new ReadingIngest(core.db);
  }

  private get db() {
    return this.core.db;
  }

  private today(now: number): string {
    return businessDay(now, storeFacts(this.db, this.core.storeId).timeZone);
  }

  /** Called with every outcome of a meter-fed reading (wire it to a push event). */
  onOutcome(listener: OutcomeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Starts (or resumes) the job's run; binds a meter source when given. */
  start(
    actor: Actor,
    jobId: string,
    opts: { meterSource?: string; meterDeviceId?: number | null; instrumentId?: number; restart?: boolean },
    now: number,
  ): BenchRunView {
    const db = this.db;
    const job = loadJob(db, this.core.storeId, jobId);
    assertBenchStatus(job.status);
    if (opts.instrumentId !== undefined) instrumentById(db, opts.instrumentId, this.today(now));
    const existing = loadRun(db, job.id);
    const current = existing ? planOfRun(db, existing) : null;
    const resumable =
      existing && current && !opts.restart && activeStepOf(db, job.id, existing, current) !== null;
    let run: RunRecord;
    if (resumable && existing) {
      run = existing;
    } else {
      const plan = activePlan(db, job.categoryCode);
      if (!plan) throw new AppError('BENCH_NO_PLAN', { categoryCode: job.categoryCode });
      db.transaction(() => {
        const baseline = attemptsSoFar(db, job.id, plan.id);
        recordEvent(db, {
          jobId: job.id,
          at: now,
          staffId: actor.staffId,
          from: job.status,
          to: job.status,
          kind: 'bench_start',
          data: {
            planId: plan.id,
            planVersion: plan.version,
            baseline,
            meterSource: opts.meterSource ?? null,
            instrumentId: opts.instrumentId ?? null,
          },
        });
      });
      const loaded = loadRun(db, job.id);
      if (!loaded) throw new Error('bench run vanished after start');
      run = loaded;
    }
    const session = this.resume(job.id, run);
    if (opts.meterSource !== undefined) {
      const deviceId = opts.meterDeviceId ?? meterDeviceIdOf(db, opts.meterSource);
      this.links.bind(session, opts.meterSource, deviceId, (id) => this.sessions.get(id));
    }
    if (opts.instrumentId !== undefined) session.instrumentId = opts.instrumentId;
    return this.view(session, now);
  }

  /** The run as it stands (loads it from the database after a restart). */
  state(jobId: string, now: number): BenchRunView {
    return this.view(this.session(jobId), now);
  }

  /** Every reading for a job goes here (contract or bound meter). `stepIndex` guards against a stale screen. */
  submitReading(
    actor: Actor | null,
    jobId: string,
    stepIndex: number | null,
    reading: Reading,
    now: number,
  ): ReadingOutcomeView {
    const s = this.session(jobId);
    const o = this.submit(s, actor, stepIndex, reading, now);
    return { ...o, run: this.view(s, now) };
  }

  /** A typed value (in the step's unit) for the active step, where the step allows it. */
  manualEntry(
    actor: Actor,
    jobId: string,
    stepIndex: number,
    value: number,
    note: string,
    now: number,
  ): { result: TestResultView; run: BenchRunView } {
    const s = this.session(jobId);
    const step = s.plan.steps[stepIndex];
    if (!step) throw new AppError('BENCH_STEP_NOT_FOUND', { stepIndex });
    if (!step.allowManual) throw new AppError('BENCH_MANUAL_NOT_ALLOWED', { stepIndex });
    if (s.activeStep !== stepIndex)
      throw new AppError('BENCH_STEP_NOT_ACTIVE', {
        stepIndex,
        activeStep: s.activeStep === null ? '—' : s.activeStep,
      });
    const prefix = parseStepUnit(step.unit, step.measure)?.prefix ?? '';
    const reading: Reading = {
      value: toBase(value, prefix),
      unit: unitOfFunction(step.measure),
      function: step.measure,
      overload: false,
      flags: NO_FLAGS,
      display: `${value} ${step.unit}`,
      at: now,
    };
    const result = this.store(
      s,
      stepIndex,
      step,
      reading,
      { manual: true, staffId: actor.staffId, note },
      now,
    );
    remember(
      s,
      stepIndex,
      outcome('captured', { display: result.display, verdict: result.verdict }, result),
      now,
    );
    return { result, run: this.view(s, now) };
  }

  /** Makes a step active again; its next result is a new attempt (earlier ones are kept). */
  retest(actor: Actor, jobId: string, stepIndex: number, now: number): BenchRunView {
    const s = this.session(jobId);
    if (!s.plan.steps[stepIndex]) throw new AppError('BENCH_STEP_NOT_FOUND', { stepIndex });
    const db = this.db;
    db.transaction(() => {
      const job = loadJob(db, this.core.storeId, jobId);
      assertBenchStatus(job.status);
      recordEvent(db, {
        jobId,
        at: now,
        staffId: actor.staffId,
        from: job.status,
        to: job.status,
        kind: 'bench_retest',
        data: { planId: s.plan.id, stepIndex, afterAttempt: lastAttempt(db, jobId, s.plan.id, stepIndex) },
      });
    });
    s.activeStep = stepIndex;
    s.last = null;
    resetCapture(s);
    return this.view(s, now);
  }

  /**
   * Device-manager path: a reading from a meter source. Returns the outcome with the run view when
   * an outcome listener is registered; null when no run is bound to the source or nobody listens.
   */
  feedReading(source: string, reading: Reading, now: number = reading.at): ReadingOutcomeView | null {
    const jobId = this.links.jobOf(source);
    if (!jobId) return null;
    const s = this.session(jobId);
    const o = this.submit(s, null, null, reading, now);
    // The run view costs queries: build it only when someone listens (a stream can be fast).
    if (this.listeners.size === 0) return null;
    const result: ReadingOutcomeView = { ...o, run: this.view(s, now) };
    for (const l of this.listeners) {
      try {
        l(jobId, result);
      } catch {
        // a listener's failure never stops the bench
      }
    }
    return result;
  }

  /** Device-manager path: the meter's connection changed. Anything but connected resets the capture. */
  meterStatus(source: string, state: MeterLinkState): void {
    const jobId = this.links.jobOf(source);
    const s = jobId ? this.sessions.get(jobId) : undefined;
    if (!s) return;
    s.meterState = state;
    if (state === 'connected') {
      // Back: the next reading says what comes of it; "disconnected" no longer holds.
      if (s.last?.outcome === 'meter_disconnected') s.last = null;
      return;
    }
    resetCapture(s);
    if (state === 'unknown' || s.activeStep === null) return;
    remember(s, s.activeStep, outcome('meter_disconnected', { state }, null), this.core.now());
  }

  /** True when a run is bound to this meter source. */
  isBound(source: string): boolean {
    return this.links.isBound(source);
  }

  /** Unbinds a meter source (bench closed). */
  unbind(source: string): void {
    const jobId = this.links.unbind(source);
    const s = jobId ? this.sessions.get(jobId) : undefined;
    if (s && s.meterSource === source) {
      s.meterSource = null;
      s.meterState = 'unknown';
    }
  }

  // --- internals ---

  /** One reading through the capture engine, remembered as the run's last outcome (no view). */
  private submit(
    s: Session,
    actor: Actor | null,
    stepIndex: number | null,
    reading: Reading,
    now: number,
  ): Outcome {
    const active = s.activeStep;
    const o = captureReading(s, stepIndex, reading, {
      log: (session, r) =>
        this.ingest.append({
          at: r.at,
          deviceId: session.meterDeviceId,
          jobId: session.jobId,
          value: r.value,
          unit: r.unit,
          fn: r.function,
          overload: r.overload,
        }),
      store: (session, index, step, r) =>
        this.store(
          session,
          index,
          step,
          r,
          { manual: false, staffId: actor?.staffId ?? session.run.startedBy },
          now,
        ),
    });
    remember(s, o.result ? o.result.stepIndex : active, o, now);
    return o;
  }

  private session(jobId: string): Session {
    const id = jobId.trim().toUpperCase();
    const s = this.sessions.get(id);
    if (s) return s;
    const run = loadRun(this.db, id);
    if (!run) {
      loadJob(this.db, this.core.storeId, id);
      throw new AppError('BENCH_NOT_STARTED', { jobId: id });
    }
    return this.resume(id, run);
  }

  private resume(jobId: string, run: RunRecord): Session {
    const old = this.sessions.get(jobId);
    const plan = planOfRun(this.db, run);
    const s: Session = {
      jobId,
      run,
      plan,
      activeStep: activeStepOf(this.db, jobId, run, plan),
      capture: null,
      captureStep: null,
      overloads: 0,
      meterSource: old?.meterSource ?? null,
      meterDeviceId: old?.meterDeviceId ?? null,
      meterState: old?.meterState ?? 'unknown',
      instrumentId: old?.instrumentId ?? run.instrumentId,
      // A resume of the same run (e.g. re-bound to another meter) keeps what the step last said.
      last: old && old.run.eventId === run.eventId ? old.last : null,
    };
    this.sessions.set(jobId, s);
    return s;
  }

  /** Judges and stores one result, flushes the reading log, advances the run. */
  private store(
    s: Session,
    index: number,
    step: PlanStep,
    reading: Reading,
    how: HowTaken,
    now: number,
  ): TestResultView {
    const today = this.today(now);
    const id = writeResult(this.db, this.core.storeId, s, index, step, reading, how, now, today);
    this.ingest.flush();
    s.activeStep = activeStepOf(this.db, s.jobId, s.run, s.plan);
    resetCapture(s);
    return resultById(this.db, id, today);
  }

  private view(s: Session, now: number): BenchRunView {
    return runView(this.db, s, this.today(now));
  }
}
