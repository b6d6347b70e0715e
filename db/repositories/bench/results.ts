/** Test results (`test_results`): one row per attempt of a step, never overwritten, with the instrument. */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { DbClient, Orm } from '../../client';
import { instruments, testResults } from '../../schema';
import { typed } from '../repairs/columns';
import { prepared } from '../statements';

export type Verdict = 'pass' | 'fail';

export interface NewResultRow {
  jobId: string;
  planId: number;
  stepIndex: number;
  attempt: number;
  at: number;
  value: number | null;
  unit: string;
  fn: string;
  display: string;
  verdict: Verdict;
  reason: string | null;
  manual: boolean;
  instrumentId: number | null;
  calibrationOverdue: boolean;
  staffId: number | null;
}

function withInstrument(orm: Orm) {
  return orm
    .select({
      id: testResults.id,
      jobId: testResults.jobId,
      planId: testResults.planId,
      stepIndex: testResults.stepIndex,
      attempt: testResults.attempt,
      at: testResults.at,
      value: testResults.value,
      unit: testResults.unit,
      fn: testResults.fn,
      display: testResults.display,
      verdict: typed<Verdict>(testResults.verdict),
      reason: testResults.reason,
      manual: testResults.manual,
      instrumentId: testResults.instrumentId,
      calibrationOverdue: testResults.calibrationOverdue,
      staffId: testResults.staffId,
      iModel: instruments.model,
      iSerial: instruments.serial,
      iDue: instruments.calibrationDue,
      iDevice: instruments.deviceId,
    })
    .from(testResults)
    .leftJoin(instruments, eq(instruments.id, testResults.instrumentId));
}

/** A result with its instrument's model, serial, due day and device. */
export type ResultRow = Awaited<ReturnType<ReturnType<typeof withInstrument>['all']>>[number];

const stepOf = and(
  eq(testResults.jobId, sql.placeholder('jobId')),
  eq(testResults.planId, sql.placeholder('planId')),
  eq(testResults.stepIndex, sql.placeholder('stepIndex')),
);

/** The highest attempt of a step on a job (0 before the first). */
export function lastAttempt(db: DbClient, jobId: string, planId: number, stepIndex: number): number {
  return (
    prepared(db, 'bench.lastAttempt', (orm) =>
      orm
        .select({ n: sql<number>`coalesce(max(${testResults.attempt}), 0)` })
        .from(testResults)
        .where(stepOf)
        .prepare(),
    ).get({ jobId, planId, stepIndex })?.n ?? 0
  );
}

/** Inserts one attempt; returns its id. */
export function insertResultRow(db: DbClient, r: NewResultRow): number {
  const row = prepared(db, 'bench.insertResult', (orm) =>
    orm
      .insert(testResults)
      .values({
        jobId: sql.placeholder('jobId'),
        planId: sql.placeholder('planId'),
        stepIndex: sql.placeholder('stepIndex'),
        attempt: sql.placeholder('attempt'),
        at: sql.placeholder('at'),
        value: sql.placeholder('value'),
        unit: sql.placeholder('unit'),
        fn: sql.placeholder('fn'),
        display: sql.placeholder('display'),
        verdict: sql.placeholder('verdict'),
        reason: sql.placeholder('reason'),
        manual: sql.placeholder('manual'),
        instrumentId: sql.placeholder('instrumentId'),
        calibrationOverdue: sql.placeholder('calibrationOverdue'),
        staffId: sql.placeholder('staffId'),
      })
      .returning({ id: testResults.id })
      .prepare(),
  ).get({ ...r, manual: r.manual ? 1 : 0, calibrationOverdue: r.calibrationOverdue ? 1 : 0 });
  if (!row) throw new Error('test result insert returned no id');
  return row.id;
}

/** Every result of a job, oldest first. */
export function resultRowsOfJob(db: DbClient, jobId: string): ResultRow[] {
  return prepared(db, 'bench.resultsOfJob', (orm) =>
    withInstrument(orm)
      .where(eq(testResults.jobId, sql.placeholder('jobId')))
      .orderBy(asc(testResults.at), asc(testResults.id))
      .prepare(),
  ).all({ jobId });
}

/** One result by id, or undefined. */
export function resultRowById(db: DbClient, id: number): ResultRow | undefined {
  return prepared(db, 'bench.resultById', (orm) =>
    withInstrument(orm)
      .where(eq(testResults.id, sql.placeholder('id')))
      .prepare(),
  ).get({ id });
}

/** Attempts of a job on a plan (id, step, attempt, verdict), by attempt. */
export function attemptRows(db: DbClient, jobId: string, planId: number) {
  return prepared(db, 'bench.attempts', (orm) =>
    orm
      .select({
        id: testResults.id,
        s: testResults.stepIndex,
        a: testResults.attempt,
        verdict: typed<Verdict>(testResults.verdict),
      })
      .from(testResults)
      .where(
        and(
          eq(testResults.jobId, sql.placeholder('jobId')),
          eq(testResults.planId, sql.placeholder('planId')),
        ),
      )
      .orderBy(testResults.attempt)
      .prepare(),
  ).all({ jobId, planId });
}

/** step index → highest attempt so far on a plan. */
export function highestAttempts(db: DbClient, jobId: string, planId: number): { s: number; a: number }[] {
  return prepared(db, 'bench.highestAttempts', (orm) =>
    orm
      .select({ s: testResults.stepIndex, a: sql<number>`max(${testResults.attempt})` })
      .from(testResults)
      .where(
        and(
          eq(testResults.jobId, sql.placeholder('jobId')),
          eq(testResults.planId, sql.placeholder('planId')),
        ),
      )
      .groupBy(testResults.stepIndex)
      .prepare(),
  ).all({ jobId, planId });
}

/** The latest attempt of every step of a plan on a job (step, display, verdict, manual), by step. */
export function latestAttemptRows(db: DbClient, jobId: string, planId: number) {
  return prepared(db, 'bench.latestAttempts', (orm) =>
    orm
      .select({
        stepIndex: testResults.stepIndex,
        display: testResults.display,
        verdict: typed<Verdict>(testResults.verdict),
        manual: testResults.manual,
      })
      .from(testResults)
      .where(
        and(
          eq(testResults.jobId, sql.placeholder('jobId')),
          eq(testResults.planId, sql.placeholder('planId')),
          sql`${testResults.attempt} = (SELECT max(x.attempt) FROM ${testResults} x WHERE x.job_id = ${testResults.jobId} AND x.plan_id = ${testResults.planId} AND x.step_index = ${testResults.stepIndex})`,
        ),
      )
      .orderBy(testResults.stepIndex)
      .prepare(),
  ).all({ jobId, planId });
}

/** Staff who recorded bench results on a job. */
export function staffWhoTested(db: DbClient, jobId: string): (number | null)[] {
  return prepared(db, 'bench.staffOfJob', (orm) =>
    orm
      .selectDistinct({ id: testResults.staffId })
      .from(testResults)
      .where(eq(testResults.jobId, sql.placeholder('jobId')))
      .prepare(),
  )
    .all({ jobId })
    .map((r) => r.id);
}
