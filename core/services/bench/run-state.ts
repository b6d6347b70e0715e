/**
 * A bench run, as the database tells it: the job's latest `bench_start` timeline event names the
 * plan version and, per step, the attempt number reached before the run (its baseline); results
 * with a higher attempt belong to the run. A later `bench_retest` event whose step has no newer
 * result makes that step active again. So a run survives a restart, a disconnect or a clerk switch.
 */
import type { DbClient } from '../../../db/client';
import { attemptRows, highestAttempts, lastAttempt } from '../../../db/repositories/bench/results';
import { latestEventOfKind, latestEventOfKindAfter } from '../../../db/repositories/repairs/events';
import type { TestPlanView } from '../../../shared/contract/methods/bench';
import { planById } from './plans';

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

interface RunData {
  planId?: unknown;
  baseline?: Record<string, number>;
  meterSource?: string | null;
  instrumentId?: number | null;
  stepIndex?: unknown;
  afterAttempt?: unknown;
}

function parseRunData(text: string): RunData {
  return JSON.parse(text) as RunData;
}

/** The plan the job was last bench-started on (from its timeline), or null. */
export function lastRunPlanId(
  db: DbClient,
  jobId: string,
): { planId: number; at: number; eventId: number } | null {
  const row = latestEventOfKind(db, jobId, 'bench_start');
  const planId = row ? parseRunData(row.data).planId : undefined;
  return row && typeof planId === 'number' ? { planId, at: row.at, eventId: row.id } : null;
}

/** The job's latest run, or null when it was never bench-started. */
export function loadRun(db: DbClient, jobId: string): RunRecord | null {
  const row = latestEventOfKind(db, jobId, 'bench_start');
  if (!row) return null;
  const d = parseRunData(row.data);
  return {
    eventId: row.id,
    planId: Number(d.planId),
    startedAt: row.at,
    startedBy: row.staffId,
    baseline: d.baseline ?? {},
    meterSource: d.meterSource ?? null,
    instrumentId: d.instrumentId ?? null,
  };
}

/** step index → highest attempt so far on this plan (the baseline of a new run). */
export function attemptsSoFar(db: DbClient, jobId: string, planId: number): Record<string, number> {
  const rows = highestAttempts(db, jobId, planId);
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
export function stepsOfRun(db: DbClient, jobId: string, run: RunRecord, plan: TestPlanView): StepOfRun[] {
  const rows = attemptRows(db, jobId, run.planId);
  return plan.steps.map((_step, i) => {
    const base = run.baseline[String(i)] ?? 0;
    const mine = rows.filter((r) => r.s === i);
    const inRun = mine.filter((r) => r.a > base);
    const last = inRun[inRun.length - 1];
    return { latestId: last?.id ?? null, verdict: last?.verdict ?? null, attempts: mine.length };
  });
}

/** The step a pending retest points at (its newest result predates the retest), or null. */
export function pendingRetest(db: DbClient, jobId: string, run: RunRecord): number | null {
  const row = latestEventOfKindAfter(db, jobId, 'bench_retest', run.eventId);
  if (!row) return null;
  const { stepIndex, afterAttempt } = parseRunData(row.data);
  if (typeof stepIndex !== 'number' || typeof afterAttempt !== 'number') return null;
  const a = lastAttempt(db, jobId, run.planId, stepIndex);
  return a > afterAttempt ? null : stepIndex;
}

/** The active step: a pending retest, else the first step without a result in this run; null when done. */
export function activeStepOf(db: DbClient, jobId: string, run: RunRecord, plan: TestPlanView): number | null {
  const retest = pendingRetest(db, jobId, run);
  if (retest !== null) return retest;
  const steps = stepsOfRun(db, jobId, run, plan);
  const i = steps.findIndex((s) => s.latestId === null);
  return i === -1 ? null : i;
}

/** The plan of a run. */
export function planOfRun(db: DbClient, run: RunRecord): TestPlanView {
  return planById(db, run.planId);
}
