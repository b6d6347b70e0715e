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
 * Durable state is in the database (run-state.ts); this service keeps only the capture window, the
 * last outcome and the meter link per job in memory. One service per core: `core.services.bench`.
 */
import { appendAudit } from '../../../db/audit/chain';
import type { EventPayload } from '../../../shared/contract';
import { AppError } from '../../../shared/contract/errors';
import type {
  BenchRunView,
  LastOutcomeView,
  ReadingOutcomeView,
  TestPlanView,
  TestResultView,
} from '../../../shared/contract/methods/bench';
import { judgeReading } from '../../../shared/domain/meter/judge';
import { NO_FLAGS, unitOfFunction, type Reading } from '../../../shared/domain/meter/reading';
import { createStableCapture, type StableCapture } from '../../../shared/domain/meter/stable-capture';
import { formatQuantity, toBase } from '../../../shared/domain/meter/units';
import type { RepairStatus } from '../../../shared/domain/repairs/statuses';
import {
  parseStepUnit,
  stableSpread,
  stepBounds,
  stepLimits,
  type PlanStep,
} from '../../../shared/domain/repairs/test-plan';
import { businessDay } from '../../../shared/domain/time/business-day';
import type { CoreContext } from '../../context';
import type { EventBus } from '../../events/event-bus';
import { loadJob } from '../repairs/job-record';
import { recordEvent } from '../repairs/repair-events';
import { staffResolver } from '../repairs/staff-refs';
import { storeInfo } from '../repairs/store-info';
import type { Actor } from '../repairs/transition';
import { calibrationOverdue, instrumentById, instrumentForIdentity } from './instruments-repo';
import { activePlan } from './plans-repo';
import { ReadingIngest } from './reading-ingest';
import { insertResult, resultById } from './results-repo';
import { activeStepOf, attemptsSoFar, loadRun, planOfRun, stepsOfRun, type RunRecord } from './run-state';

/** Job statuses in which the bench may run a plan. */
export const BENCH_STATUSES: readonly RepairStatus[] = ['diagnosing', 'repairing', 'testing'];

export type MeterLinkState = BenchRunView['meter']['state'];

interface Session {
  jobId: string;
  run: RunRecord;
  plan: TestPlanView;
  activeStep: number | null;
  capture: StableCapture | null;
  captureStep: number | null;
  overloads: number;
  meterSource: string | null;
  meterDeviceId: number | null;
  meterState: MeterLinkState;
  instrumentId: number | null;
  last: LastOutcomeView | null;
}

export type OutcomeListener = (jobId: string, outcome: ReadingOutcomeView) => void;

export class BenchService {
  private readonly sessions = new Map<string, Session>();
  private readonly bySource = new Map<string, string>();
  private readonly listeners = new Set<OutcomeListener>();
  readonly ingest: ReadingIngest;

  constructor(private readonly core: CoreContext) {
    this.ingest = new ReadingIngest(core.db.sqlite);
  }

  private get db() {
    return this.core.db.sqlite;
  }

  private today(now: number): string {
    return businessDay(now, storeInfo(this.db, this.core.storeId).timeZone);
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
    if (!BENCH_STATUSES.includes(job.status))
      throw new AppError('BENCH_STATUS_NOT_ALLOWED', { status: job.status });
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
      })();
      const loaded = loadRun(db, job.id);
      if (!loaded) throw new Error('bench run vanished after start');
      run = loaded;
    }
    const session = this.resume(job.id, run);
    if (opts.meterSource !== undefined) {
      this.bind(session, opts.meterSource, opts.meterDeviceId ?? this.deviceIdOf(opts.meterSource));
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

  /** Remembers the outcome of a reading for the run view (a captured FAIL becomes `out_of_range`). */
  private remember(s: Session, stepIndex: number | null, o: Omit<ReadingOutcomeView, 'run'>, now: number) {
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

  /** The capture engine: one reading → waiting / wrong function / overload / captured (no view). */
  private submit(
    s: Session,
    actor: Actor | null,
    stepIndex: number | null,
    reading: Reading,
    now: number,
  ): Omit<ReadingOutcomeView, 'run'> {
    const active = s.activeStep;
    const o = this.capture(s, actor, stepIndex, reading, now);
    this.remember(s, o.result ? o.result.stepIndex : active, o, now);
    return o;
  }

  private capture(
    s: Session,
    actor: Actor | null,
    stepIndex: number | null,
    reading: Reading,
    now: number,
  ): Omit<ReadingOutcomeView, 'run'> {
    const active = s.activeStep;
    if (stepIndex !== null && stepIndex !== active) {
      if (stepIndex < 0 || stepIndex >= s.plan.steps.length)
        throw new AppError('BENCH_STEP_NOT_FOUND', { stepIndex });
      throw new AppError('BENCH_STEP_NOT_ACTIVE', { stepIndex, activeStep: active === null ? '—' : active });
    }
    this.ingest.append({
      at: reading.at,
      deviceId: s.meterDeviceId,
      jobId: s.jobId,
      value: reading.value,
      unit: reading.unit,
      fn: reading.function,
      overload: reading.overload,
    });
    if (s.meterState !== 'connected' && s.meterSource !== null) s.meterState = 'connected';
    if (active === null) return this.outcome('complete', {}, null);
    const step = s.plan.steps[active] as PlanStep;
    const capture = this.captureFor(s, active, step);
    if (reading.function !== step.measure) {
      capture.reset();
      s.overloads = 0;
      return this.outcome('wrong_function', { expected: step.measure, actual: reading.function }, null);
    }
    if (reading.overload) {
      s.overloads++;
      capture.push(reading);
      if (s.overloads < step.stableCount) {
        return this.outcome('overload', { pending: s.overloads, needed: step.stableCount }, null);
      }
      const result = this.store(
        s,
        active,
        step,
        reading,
        { manual: false, staffId: actor?.staffId ?? s.run.startedBy },
        now,
      );
      return this.outcome('captured', { display: result.display, verdict: result.verdict }, result);
    }
    s.overloads = 0;
    const captured = capture.push(reading);
    if (!captured) {
      return this.outcome('waiting', { pending: capture.pending, needed: step.stableCount }, null);
    }
    const result = this.store(
      s,
      active,
      step,
      captured.reading,
      { manual: false, staffId: actor?.staffId ?? s.run.startedBy },
      now,
    );
    return this.outcome('captured', { display: result.display, verdict: result.verdict }, result);
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
    this.remember(
      s,
      stepIndex,
      this.outcome('captured', { display: result.display, verdict: result.verdict }, result),
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
      if (!BENCH_STATUSES.includes(job.status))
        throw new AppError('BENCH_STATUS_NOT_ALLOWED', { status: job.status });
      const { a } = db
        .prepare(
          'SELECT coalesce(max(attempt), 0) AS a FROM test_results WHERE job_id = ? AND plan_id = ? AND step_index = ?',
        )
        .get(jobId, s.plan.id, stepIndex) as { a: number };
      recordEvent(db, {
        jobId,
        at: now,
        staffId: actor.staffId,
        from: job.status,
        to: job.status,
        kind: 'bench_retest',
        data: { planId: s.plan.id, stepIndex, afterAttempt: a },
      });
    })();
    s.activeStep = stepIndex;
    s.last = null;
    this.resetCapture(s);
    return this.view(s, now);
  }

  /**
   * Device-manager path: a reading from a meter source. Returns the outcome with the run view when
   * an outcome listener is registered; null when no run is bound to the source or nobody listens.
   */
  feedReading(source: string, reading: Reading, now: number = reading.at): ReadingOutcomeView | null {
    const jobId = this.bySource.get(source);
    if (!jobId) return null;
    const s = this.session(jobId);
    const o = this.submit(s, null, null, reading, now);
    // The run view costs queries: build it only when someone listens (a stream can be fast).
    if (this.listeners.size === 0) return null;
    const outcome: ReadingOutcomeView = { ...o, run: this.view(s, now) };
    for (const l of this.listeners) {
      try {
        l(jobId, outcome);
      } catch {
        // a listener's failure never stops the bench
      }
    }
    return outcome;
  }

  /** Device-manager path: the meter's connection changed. Anything but connected resets the capture. */
  meterStatus(source: string, state: MeterLinkState): void {
    const jobId = this.bySource.get(source);
    const s = jobId ? this.sessions.get(jobId) : undefined;
    if (!s) return;
    s.meterState = state;
    if (state === 'connected') {
      // Back: the next reading says what comes of it; "disconnected" no longer holds.
      if (s.last?.outcome === 'meter_disconnected') s.last = null;
      return;
    }
    this.resetCapture(s);
    if (state === 'unknown' || s.activeStep === null) return;
    const o = this.outcome('meter_disconnected', { state }, null);
    this.remember(s, s.activeStep, o, this.core.now());
  }

  /** True when a run is bound to this meter source. */
  isBound(source: string): boolean {
    return this.bySource.has(source);
  }

  /** Unbinds a meter source (bench closed). */
  unbind(source: string): void {
    const jobId = this.bySource.get(source);
    this.bySource.delete(source);
    const s = jobId ? this.sessions.get(jobId) : undefined;
    if (s && s.meterSource === source) {
      s.meterSource = null;
      s.meterState = 'unknown';
    }
  }

  // --- internals ---

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

  /** The configured meter behind a source (`device:<id>` or a device role), for the reading log. */
  private deviceIdOf(source: string): number | null {
    const m = /^device:(\d+)$/.exec(source);
    if (m) return Number(m[1]);
    const row = this.db
      .prepare("SELECT id FROM devices WHERE role = ? AND kind = 'meter' LIMIT 1")
      .get(source) as { id: number } | undefined;
    return row?.id ?? null;
  }

  private bind(s: Session, source: string, deviceId: number | null): void {
    const previous = this.bySource.get(source);
    if (previous && previous !== s.jobId) {
      const other = this.sessions.get(previous);
      if (other) {
        other.meterSource = null;
        other.meterState = 'unknown';
      }
    }
    if (s.meterSource && s.meterSource !== source) this.bySource.delete(s.meterSource);
    this.bySource.set(source, s.jobId);
    s.meterSource = source;
    s.meterDeviceId = deviceId;
    s.meterState = 'unknown';
  }

  private captureFor(s: Session, index: number, step: PlanStep): StableCapture {
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

  private resetCapture(s: Session): void {
    s.capture?.reset();
    s.overloads = 0;
  }

  /** Judges and stores one result, advances the run. */
  private store(
    s: Session,
    index: number,
    step: PlanStep,
    reading: Reading,
    how: { manual: boolean; staffId: number | null; note?: string },
    now: number,
  ): TestResultView {
    const db = this.db;
    const today = this.today(now);
    const judgement = judgeReading(reading, stepLimits(step));
    const verdict = judgement.verdict === 'PASS' ? 'pass' : 'fail';
    const reason = judgement.verdict === 'PASS' ? null : (judgement.reason ?? 'NO_VALUE');
    const id = db.transaction(() => {
      const job = loadJob(db, this.core.storeId, s.jobId);
      if (!BENCH_STATUSES.includes(job.status))
        throw new AppError('BENCH_STATUS_NOT_ALLOWED', { status: job.status });
      const instrument = how.manual ? null : this.instrumentOf(s, reading, today);
      const overdue = instrument ? calibrationOverdue(instrument.calibrationDue, today) : false;
      const r = insertResult(db, {
        jobId: s.jobId,
        planId: s.plan.id,
        stepIndex: index,
        at: now,
        value: reading.overload ? null : reading.value,
        unit: reading.unit || unitOfFunction(reading.function),
        fn: reading.function,
        display:
          reading.display || (reading.value === null ? 'OL' : formatQuantity(reading.value, reading.unit)),
        verdict,
        reason,
        manual: how.manual,
        instrumentId: instrument?.id ?? null,
        calibrationOverdue: overdue,
        staffId: how.staffId,
      });
      appendAudit(db, {
        at: now,
        storeId: this.core.storeId,
        staffId: how.staffId,
        action: 'bench.result',
        entityType: 'repair_job',
        entityId: s.jobId,
        data: {
          resultId: r.id,
          planId: s.plan.id,
          stepIndex: index,
          attempt: r.attempt,
          value: reading.overload ? null : reading.value,
          fn: reading.function,
          verdict,
          reason,
          manual: how.manual,
          instrumentId: instrument?.id ?? null,
          calibrationOverdue: overdue,
          ...(how.note ? { note: how.note } : {}),
        },
      });
      return r.id;
    })();
    this.ingest.flush();
    s.activeStep = activeStepOf(db, s.jobId, s.run, s.plan);
    this.resetCapture(s);
    return resultById(db, id, today);
  }

  /** Instrument of a meter reading: *IDN? serial, else the run's instrument, else the only one of that model. */
  private instrumentOf(s: Session, reading: Reading, today: string) {
    const db = this.db;
    const byIdentity = instrumentForIdentity(db, reading.instrument, today);
    if (byIdentity) return byIdentity;
    if (s.instrumentId !== null) return instrumentById(db, s.instrumentId, today);
    if (reading.instrument) {
      const model = reading.instrument.model ?? reading.instrument.driver.toUpperCase();
      const rows = db.prepare('SELECT id FROM instruments WHERE model = ?').all(model) as { id: number }[];
      if (rows.length === 1 && rows[0]) return instrumentById(db, rows[0].id, today);
    }
    return null;
  }

  private outcome(
    outcome: ReadingOutcomeView['outcome'],
    params: Record<string, string | number>,
    result: TestResultView | null,
  ): Omit<ReadingOutcomeView, 'run'> {
    return { outcome, messageKey: `bench.outcome.${outcome}`, params, result };
  }

  private view(s: Session, now: number): BenchRunView {
    const db = this.db;
    const today = this.today(now);
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
}

/** Device manager states (device.status) as the bench's meter link states. */
const LINK_OF_DEVICE_STATE: Record<string, MeterLinkState> = {
  connected: 'connected',
  disconnected: 'disconnected',
  error: 'no-response',
  stopped: 'closed',
  connecting: 'unknown',
};

/**
 * Feeds `bench` from the device manager's `meter.reading` and `device.status` events: a run bound to a
 * meter's role (e.g. `bench-2-meter`) or to `device:<id>` is fed by that meter. The one bench service of
 * a core is `core.services.bench` (core/core-services.ts), which calls this once.
 */
export function subscribeBenchToMeters(events: EventBus, bench: BenchService): void {
  events.subscribe((name, payload) => {
    if (name === 'meter.reading') {
      const p = payload as EventPayload<'meter.reading'>;
      for (const source of [p.role, `device:${p.deviceId}`]) {
        if (bench.isBound(source)) bench.feedReading(source, p.reading);
      }
    } else if (name === 'device.status') {
      const p = payload as EventPayload<'device.status'>;
      if (p.kind !== 'meter') return;
      const state = LINK_OF_DEVICE_STATE[p.state] ?? 'unknown';
      bench.meterStatus(p.role, state);
      bench.meterStatus(`device:${p.deviceId}`, state);
    }
  });
}
