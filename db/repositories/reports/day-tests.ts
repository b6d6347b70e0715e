/** Bench tests and complaints of one business day, and the instruments past their calibration. */
import { and, eq, gte, isNotNull, lt, sql } from 'drizzle-orm';
import type { DbClient } from '../../client';
import { complaints, instruments, repairJobs, testResults } from '../../schema';
import { prepared } from '../statements';
import { orZero } from './amounts';
import type { DayParams } from './day-returns';
import type { RangeParams } from './overrides';

/** Passed and failed test steps of the store's jobs in the range. */
export function testVerdicts(db: DbClient, p: RangeParams): { pass: number; fail: number } {
  const row = prepared(db, 'reports.testVerdicts', (orm) =>
    orm
      .select({
        pass: sql<number | null>`sum(${testResults.verdict} = 'pass')`,
        fail: sql<number | null>`sum(${testResults.verdict} = 'fail')`,
      })
      .from(testResults)
      .innerJoin(repairJobs, eq(repairJobs.id, testResults.jobId))
      .where(
        and(
          eq(repairJobs.storeId, sql.placeholder('storeId')),
          gte(testResults.at, sql.placeholder('start')),
          lt(testResults.at, sql.placeholder('end')),
        ),
      )
      .prepare(),
  ).get(p);
  return { pass: orZero(row?.pass), fail: orZero(row?.fail) };
}

/** "model serial" of every instrument whose calibration was due before `day`. */
export function instrumentsPastCalibration(db: DbClient, day: string): string[] {
  return prepared(db, 'reports.instrumentsPastCalibration', (orm) =>
    orm
      .select({ name: sql<string>`${instruments.model} || ' ' || ${instruments.serial}` })
      .from(instruments)
      .where(and(isNotNull(instruments.calibrationDue), lt(instruments.calibrationDue, sql.placeholder('day'))))
      .orderBy(instruments.model, instruments.serial)
      .prepare(),
  )
    .all({ day })
    .map((r) => r.name);
}

/** Complaints received on the business day. */
export function complaintsReceived(db: DbClient, p: DayParams): number {
  const row = prepared(db, 'reports.complaintsReceived', (orm) =>
    orm
      .select({ n: sql<number>`count(*)` })
      .from(complaints)
      .where(and(eq(complaints.storeId, sql.placeholder('storeId')), eq(complaints.businessDay, sql.placeholder('day'))))
      .prepare(),
  ).get(p);
  return orZero(row?.n);
}

/** Complaints resolved in the range. */
export function complaintsResolved(db: DbClient, p: RangeParams): number {
  const row = prepared(db, 'reports.complaintsResolved', (orm) =>
    orm
      .select({ n: sql<number>`count(*)` })
      .from(complaints)
      .where(
        and(
          eq(complaints.storeId, sql.placeholder('storeId')),
          gte(complaints.resolvedAt, sql.placeholder('start')),
          lt(complaints.resolvedAt, sql.placeholder('end')),
        ),
      )
      .prepare(),
  ).get(p);
  return orZero(row?.n);
}
