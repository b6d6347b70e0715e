/**
 * A bench run, as the database tells it: the job's latest `bench_start` timeline event names the
 * plan version and, per step, the attempt number reached before the run (its baseline); results
 * with a higher attempt belong to the run. A later `bench_retest` event whose step has no newer
 * result makes that step active again. So a run survives a restart, a disconnect or a clerk switch.
 */
import type { SqliteDb } from '../../../db/open';
import type { TestPlanView } from '../../../shared/contract/methods/bench';
import { planById } from './plans-repo';

export interface RunRecord {
  eventId: number;
  planId: number;
  startedAt: number;
  startedBy: number | null;
  /** step index → highest attempt before the run started. */
  baseline: Record<string, number>;
  meterSource: string | null;
  instrumentId: number | null;
}

interface EventRow {
  id: number;
  at: number;
  staffId: number | null;
  data: string;
}

/** The job's latest run, or null when it was never bench-started. */
export function loadRun(db: SqliteDb, jobId: string): RunRecord | null {
  const row = db
    .prepare(
      `SELECT id, at, staff_id AS staffId, data FROM repair_events
       WHERE job_id = ? AND json_extract(data, '$.kind') = 'bench_start' ORDER BY id DESC LIMIT 1`,
    )
    .get(jobId) as EventRow | undefined;
  if (!row) return null;
  const d = JSON.parse(row.data) as {
    planId: number;
    baseline?: Record<string, number>;
    meterSource?: string | null;
    instrumentId?: number | null;
  };
  return {
    eventId: row.id,
    planId: d.planId,
    startedAt: row.at,
    startedBy: row.staffId,
    baseline: d.baseline ?? {},
    meterSource: d.meterSource ?? null,
    instrumentId: d.instrumentId ?? null,
  };
}

/** step index → highest attempt so far on this plan (the baseline of a new run). */
export function attemptsSoFar(db: SqliteDb, jobId: string, planId: number): Record<string, number> {
  const rows = db
    .prepare(
      'SELECT step_index AS s, max(attempt) AS a FROM test_results WHERE job_id = ? AND plan_id = ? GROUP BY step_index',
    )
    .all(jobId, planId) as { s: number; a: number }[];
  return Object.fromEntries(rows.map((r) => [String(r.s), r.a]));
}

export interface StepOfRun {
  /** The run's latest result id for the step, and its verdict. */
  latestId: number | null;
  verdict: 'pass' | 'fail' | null;
  /** All attempts of the step on this job and plan (all runs). */
  attempts: number;
}

/** Per step: this run's latest result and the attempt count. */
export function stepsOfRun(db: SqliteDb, jobId: string, run: RunRecord, plan: TestPlanView): StepOfRun[] {
  const rows = db
    .prepare(
      `SELECT id, step_index AS s, attempt AS a, verdict FROM test_results WHERE job_id = ? AND plan_id = ? ORDER BY attempt`,
    )
    .all(jobId, run.planId) as { id: number; s: number; a: number; verdict: 'pass' | 'fail' }[];
  return plan.steps.map((_step, i) => {
    const base = run.baseline[String(i)] ?? 0;
    const mine = rows.filter((r) => r.s === i);
    const inRun = mine.filter((r) => r.a > base);
    const last = inRun[inRun.length - 1];
    return { latestId: last?.id ?? null, verdict: last?.verdict ?? null, attempts: mine.length };
  });
}

/** The step a pending retest points at (its newest result predates the retest), or null. */
export function pendingRetest(db: SqliteDb, jobId: string, run: RunRecord): number | null {
  const row = db
    .prepare(
      `SELECT json_extract(data, '$.stepIndex') AS stepIndex, json_extract(data, '$.afterAttempt') AS afterAttempt
       FROM repair_events WHERE job_id = ? AND id > ? AND json_extract(data, '$.kind') = 'bench_retest'
       ORDER BY id DESC LIMIT 1`,
    )
    .get(jobId, run.eventId) as { stepIndex: number; afterAttempt: number } | undefined;
  if (!row) return null;
  const { a } = db
    .prepare(
      'SELECT coalesce(max(attempt), 0) AS a FROM test_results WHERE job_id = ? AND plan_id = ? AND step_index = ?',
    )
    .get(jobId, run.planId, row.stepIndex) as { a: number };
  return a > row.afterAttempt ? null : row.stepIndex;
}

/** The active step: a pending retest, else the first step without a result in this run; null when done. */
export function activeStepOf(db: SqliteDb, jobId: string, run: RunRecord, plan: TestPlanView): number | null {
  const retest = pendingRetest(db, jobId, run);
  if (retest !== null) return retest;
  const steps = stepsOfRun(db, jobId, run, plan);
  const i = steps.findIndex((s) => s.latestId === null);
  return i === -1 ? null : i;
}

/** The plan of a run. */
export function planOfRun(db: SqliteDb, run: RunRecord): TestPlanView {
  return planById(db, run.planId);
}
