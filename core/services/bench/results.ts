/**
 * Test results (`test_results`): one row per attempt of a step, never overwritten. The view adds
 * the instrument (model, serial, calibration due) and the step's limits from the plan version the
 * result was judged against.
 */
import type { DbClient } from '../../../db/client';
import {
  insertResultRow,
  lastAttempt,
  latestAttemptRows,
  resultRowById,
  resultRowsOfJob,
  type ResultRow,
} from '../../../db/repositories/bench/results';
import type { TestPlanView, TestResultView } from '../../../shared/contract/methods/bench';
import { stepBounds } from '../../../shared/domain/repairs/test-plan';
import { staffResolver } from '../repairs/staff-refs';
import { calibrationOverdue } from './instruments';
import { planById } from './plans';

export interface NewResult {
  jobId: string;
  planId: number;
  stepIndex: number;
  at: number;
  value: number | null;
  unit: string;
  fn: string;
  display: string;
  verdict: 'pass' | 'fail';
  reason: string | null;
  manual: boolean;
  instrumentId: number | null;
  calibrationOverdue: boolean;
  staffId: number | null;
}

/** The next attempt number of a step on a job (1 for the first). */
export function nextAttempt(db: DbClient, jobId: string, planId: number, stepIndex: number): number {
  return lastAttempt(db, jobId, planId, stepIndex) + 1;
}

/** Inserts one attempt; returns its id and attempt number. */
export function insertResult(db: DbClient, r: NewResult): { id: number; attempt: number } {
  const attempt = nextAttempt(db, r.jobId, r.planId, r.stepIndex);
  return { id: insertResultRow(db, { ...r, attempt }), attempt };
}

/** Maps rows to views; `today` decides the instrument's current overdue flag. */
function toViews(db: DbClient, rows: readonly ResultRow[], today: string): TestResultView[] {
  const staff = staffResolver(db);
  const plans = new Map<number, TestPlanView | null>();
  const planOf = (id: number): TestPlanView | null => {
    if (!plans.has(id)) {
      try {
        plans.set(id, planById(db, id));
      } catch {
        plans.set(id, null);
      }
    }
    return plans.get(id) ?? null;
  };
  return rows.map((r) => {
    const step = planOf(r.planId)?.steps[r.stepIndex];
    const bounds = step ? stepBounds(step) : {};
    return {
      id: r.id,
      jobId: r.jobId,
      planId: r.planId,
      stepIndex: r.stepIndex,
      attempt: r.attempt,
      at: r.at,
      value: r.value,
      unit: r.unit,
      fn: r.fn,
      display: r.display,
      verdict: r.verdict,
      reason: r.reason,
      manual: r.manual,
      instrument:
        r.instrumentId === null
          ? null
          : {
              id: r.instrumentId,
              deviceId: r.iDevice,
              model: r.iModel ?? '',
              serial: r.iSerial ?? '',
              calibrationDue: r.iDue,
              calibrationOverdue: calibrationOverdue(r.iDue, today),
            },
      calibrationOverdue: r.calibrationOverdue,
      staff: staff(r.staffId),
      low: bounds.low ?? null,
      high: bounds.high ?? null,
    };
  });
}

/** Every result of a job, oldest first. */
export function resultsOfJob(db: DbClient, jobId: string, today: string): TestResultView[] {
  return toViews(db, resultRowsOfJob(db, jobId), today);
}

/** One result by id. */
export function resultById(db: DbClient, id: number, today: string): TestResultView {
  const row = resultRowById(db, id);
  const [v] = toViews(db, row ? [row] : [], today);
  if (!v) throw new Error(`test result ${id} vanished`);
  return v;
}

/** Latest attempt of every step of a plan on a job (index → verdict), for the QC gate. */
export function latestVerdicts(db: DbClient, jobId: string, planId: number): Map<number, 'pass' | 'fail'> {
  return new Map(latestAttemptRows(db, jobId, planId).map((r) => [r.stepIndex, r.verdict]));
}
