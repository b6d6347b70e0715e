/**
 * Test results (`test_results`): one row per attempt of a step, never overwritten. The view adds
 * the instrument (model, serial, calibration due) and the step's limits from the plan version the
 * result was judged against.
 */
import type { SqliteDb } from '../../../db/open';
import type { TestPlanView, TestResultView } from '../../../shared/contract/methods/bench';
import { stepBounds } from '../../../shared/domain/repairs/test-plan';
import { staffResolver } from '../repairs/staff-refs';
import { calibrationOverdue } from './instruments-repo';
import { planById } from './plans-repo';

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

interface ResultRow {
  id: number;
  jobId: string;
  planId: number;
  stepIndex: number;
  attempt: number;
  at: number;
  value: number | null;
  unit: string;
  fn: string;
  display: string;
  verdict: 'pass' | 'fail';
  reason: string | null;
  manual: number;
  instrumentId: number | null;
  calibrationOverdue: number;
  staffId: number | null;
  iModel: string | null;
  iSerial: string | null;
  iDue: string | null;
  iDevice: number | null;
}

const SELECT = `SELECT r.id, r.job_id AS jobId, r.plan_id AS planId, r.step_index AS stepIndex, r.attempt, r.at, r.value,
  r.unit, r.fn, r.display, r.verdict, r.reason, r.manual, r.instrument_id AS instrumentId,
  r.calibration_overdue AS calibrationOverdue, r.staff_id AS staffId,
  i.model AS iModel, i.serial AS iSerial, i.calibration_due AS iDue, i.device_id AS iDevice
  FROM test_results r LEFT JOIN instruments i ON i.id = r.instrument_id`;

/** The next attempt number of a step on a job (1 for the first). */
export function nextAttempt(db: SqliteDb, jobId: string, planId: number, stepIndex: number): number {
  const r = db
    .prepare(
      'SELECT coalesce(max(attempt), 0) AS n FROM test_results WHERE job_id = ? AND plan_id = ? AND step_index = ?',
    )
    .get(jobId, planId, stepIndex) as { n: number };
  return r.n + 1;
}

/** Inserts one attempt; returns its id and attempt number. */
export function insertResult(db: SqliteDb, r: NewResult): { id: number; attempt: number } {
  const attempt = nextAttempt(db, r.jobId, r.planId, r.stepIndex);
  const info = db
    .prepare(
      `INSERT INTO test_results (job_id, plan_id, step_index, attempt, at, value, unit, fn, display, verdict, reason,
         manual, instrument_id, calibration_overdue, staff_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      r.jobId,
      r.planId,
      r.stepIndex,
      attempt,
      r.at,
      r.value,
      r.unit,
      r.fn,
      r.display,
      r.verdict,
      r.reason,
      r.manual ? 1 : 0,
      r.instrumentId,
      r.calibrationOverdue ? 1 : 0,
      r.staffId,
    );
  return { id: Number(info.lastInsertRowid), attempt };
}

/** Maps rows to views; `today` decides the instrument's current overdue flag. */
function toViews(db: SqliteDb, rows: ResultRow[], today: string): TestResultView[] {
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
      manual: r.manual === 1,
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
      calibrationOverdue: r.calibrationOverdue === 1,
      staff: staff(r.staffId),
      low: bounds.low ?? null,
      high: bounds.high ?? null,
    };
  });
}

/** Every result of a job, oldest first. */
export function resultsOfJob(db: SqliteDb, jobId: string, today: string): TestResultView[] {
  return toViews(
    db,
    db.prepare(`${SELECT} WHERE r.job_id = ? ORDER BY r.at, r.id`).all(jobId) as ResultRow[],
    today,
  );
}

/** One result by id. */
export function resultById(db: SqliteDb, id: number, today: string): TestResultView {
  const rows = db.prepare(`${SELECT} WHERE r.id = ?`).all(id) as ResultRow[];
  const [v] = toViews(db, rows, today);
  if (!v) throw new Error(`test result ${id} vanished`);
  return v;
}

/** The plan the job was last bench-started on (from its timeline), or null. */
export function lastRunPlanId(
  db: SqliteDb,
  jobId: string,
): { planId: number; at: number; eventId: number } | null {
  const row = db
    .prepare(
      `SELECT id, at, json_extract(data, '$.planId') AS planId FROM repair_events
       WHERE job_id = ? AND json_extract(data, '$.kind') = 'bench_start' ORDER BY id DESC LIMIT 1`,
    )
    .get(jobId) as { id: number; at: number; planId: number | null } | undefined;
  return row && typeof row.planId === 'number' ? { planId: row.planId, at: row.at, eventId: row.id } : null;
}

/** Latest attempt of every step of a plan on a job (index → verdict), for the QC gate. */
export function latestVerdicts(db: SqliteDb, jobId: string, planId: number): Map<number, 'pass' | 'fail'> {
  const rows = db
    .prepare(
      `SELECT step_index AS stepIndex, verdict FROM test_results r
       WHERE job_id = ? AND plan_id = ? AND attempt = (
         SELECT max(attempt) FROM test_results x WHERE x.job_id = r.job_id AND x.plan_id = r.plan_id AND x.step_index = r.step_index)`,
    )
    .all(jobId, planId) as { stepIndex: number; verdict: 'pass' | 'fail' }[];
  return new Map(rows.map((r) => [r.stepIndex, r.verdict]));
}
