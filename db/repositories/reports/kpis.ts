/**
 * The KPI aggregates over a range: instants in [start, end), business days in [from, to].
 * Definitions: docs/REPORTS.md (response, turnaround, on-time, first-time fix, repeat, CSAT, NPS).
 */
import { and, asc, desc, eq, gte, inArray, lt, lte, not, sql } from 'drizzle-orm';
import type { DbClient } from '../../client';
import { categories, products, repairEvents, repairJobs, returnLines, returns, saleLines, sales, staff } from '../../schema';
import { prepared } from '../statements';
import { orZero } from './amounts';
import type { RangeParams } from './overrides';

export type DaysParams = {
  storeId: number;
  from: string;
  to: string;
};

/** A job QC sent back to repair (not fixed the first time). */
const sentBack = () =>
  sql`EXISTS (SELECT 1 FROM ${repairEvents} WHERE ${repairEvents.jobId} = ${repairJobs.id}
      AND ${repairEvents.fromStatus} = 'qc' AND ${repairEvents.toStatus} = 'repairing')`;

const jobsIn = (at: typeof repairJobs.createdAt | typeof repairJobs.completedAt | typeof repairJobs.pickedUpAt) =>
  and(eq(repairJobs.storeId, sql.placeholder('storeId')), gte(at, sql.placeholder('start')), lt(at, sql.placeholder('end')));

/** Jobs received in the range: count, mean intake → first diagnosis (ms), repeats of an earlier repair. */
export function kpiReceived(db: DbClient, p: RangeParams) {
  const row = prepared(db, 'reports.kpiReceived', (orm) =>
    orm
      .select({
        n: sql<number>`count(*)`,
        diag: sql<number | null>`avg(${repairJobs.firstDiagnosisAt} - ${repairJobs.createdAt})`,
        repeats: sql<number | null>`sum(${repairJobs.repeatOfJobId} IS NOT NULL)`,
      })
      .from(repairJobs)
      .where(jobsIn(repairJobs.createdAt))
      .prepare(),
  ).get(p);
  return { n: orZero(row?.n), diagMs: row?.diag ?? null, repeats: orZero(row?.repeats) };
}

/** Jobs completed in the range: count, mean turnaround (ms), completed on time, fixed the first time. */
export function kpiCompleted(db: DbClient, p: RangeParams) {
  const row = prepared(db, 'reports.kpiCompleted', (orm) =>
    orm
      .select({
        n: sql<number>`count(*)`,
        tat: sql<number | null>`avg(${repairJobs.completedAt} - ${repairJobs.createdAt})`,
        onTime: sql<number | null>`sum(${repairJobs.completedAt} <= ${repairJobs.promisedAt})`,
        firstFix: sql<number | null>`sum(NOT ${sentBack()})`,
      })
      .from(repairJobs)
      .where(jobsIn(repairJobs.completedAt))
      .prepare(),
  ).get(p);
  return { n: orZero(row?.n), tatMs: row?.tat ?? null, onTime: orZero(row?.onTime), firstFix: orZero(row?.firstFix) };
}

/** Pickup surveys in the range: CSAT answers and mean, NPS promoters, detractors and answers. */
export function kpiSurveys(db: DbClient, p: RangeParams) {
  const row = prepared(db, 'reports.kpiSurveys', (orm) =>
    orm
      .select({
        n: sql<number>`count(${repairJobs.csat})`,
        csat: sql<number | null>`avg(${repairJobs.csat})`,
        promoters: sql<number | null>`sum(${repairJobs.nps} >= 9)`,
        detractors: sql<number | null>`sum(${repairJobs.nps} <= 6)`,
        npsN: sql<number>`count(${repairJobs.nps})`,
      })
      .from(repairJobs)
      .where(jobsIn(repairJobs.pickedUpAt))
      .prepare(),
  ).get(p);
  return {
    n: orZero(row?.n),
    csat: row?.csat ?? null,
    promoters: orZero(row?.promoters),
    detractors: orZero(row?.detractors),
    npsN: orZero(row?.npsN),
  };
}

const completedReturnsOn = () =>
  and(
    eq(returns.storeId, sql.placeholder('storeId')),
    gte(returns.businessDay, sql.placeholder('from')),
    lte(returns.businessDay, sql.placeholder('to')),
    eq(returns.status, 'completed'),
  );

/** Units sold per category code over the business days. */
export function unitsSoldByCategory(db: DbClient, p: DaysParams): { key: string; qty: number }[] {
  return prepared(db, 'reports.unitsSoldByCategory', (orm) =>
    orm
      .select({ key: categories.code, qty: sql<number>`sum(${saleLines.qty})` })
      .from(sales)
      .innerJoin(saleLines, eq(saleLines.saleId, sales.id))
      .innerJoin(products, eq(products.id, saleLines.productId))
      .innerJoin(categories, eq(categories.id, products.categoryId))
      .where(
        and(
          eq(sales.storeId, sql.placeholder('storeId')),
          gte(sales.businessDay, sql.placeholder('from')),
          lte(sales.businessDay, sql.placeholder('to')),
          sql`${saleLines.qty} > 0`,
        ),
      )
      .groupBy(categories.code)
      .prepare(),
  ).all(p);
}

/** Units returned per category code ('unknown' without one) over the business days. */
export function unitsReturnedByCategory(db: DbClient, p: DaysParams): { key: string; qty: number }[] {
  return prepared(db, 'reports.unitsReturnedByCategory', (orm) => {
    const key = sql<string>`coalesce(${categories.code}, 'unknown')`;
    return orm
      .select({ key, qty: sql<number>`sum(${returnLines.qty})` })
      .from(returns)
      .innerJoin(returnLines, eq(returnLines.returnId, returns.id))
      .leftJoin(products, eq(products.id, returnLines.productId))
      .leftJoin(categories, eq(categories.id, products.categoryId))
      .where(completedReturnsOn())
      .groupBy(key)
      .prepare();
  }).all(p);
}

/** Completed returns by reason over the business days, most frequent first. */
export function returnsByReasonOver(db: DbClient, p: DaysParams): { key: string; count: number; amountMinor: number }[] {
  return prepared(db, 'reports.returnsByReasonOver', (orm) => {
    const n = sql<number>`count(*)`;
    return orm
      .select({ key: returns.reasonCode, count: n, amountMinor: sql<number | null>`sum(${returns.refundTotalMinor})` })
      .from(returns)
      .where(completedReturnsOn())
      .groupBy(returns.reasonCode)
      .orderBy(desc(n), asc(returns.reasonCode))
      .prepare();
  })
    .all(p)
    .map((r) => ({ ...r, amountMinor: orZero(r.amountMinor) }));
}

/** Refund total and count of completed returns per business day (days without any are absent). */
export function refundsPerDay(db: DbClient, p: DaysParams): { day: string; amountMinor: number; count: number }[] {
  return prepared(db, 'reports.refundsPerDay', (orm) =>
    orm
      .select({
        day: returns.businessDay,
        amountMinor: sql<number>`sum(${returns.refundTotalMinor})`,
        count: sql<number>`count(*)`,
      })
      .from(returns)
      .where(completedReturnsOn())
      .groupBy(returns.businessDay)
      .prepare(),
  ).all(p);
}

/**
 * The store-wide completion figures restricted to a group of jobs (a technician's, a category's):
 * completed in the range, mean turnaround, on time, fixed the first time.
 */
const inRange = () => sql`${repairJobs.completedAt} >= ${sql.placeholder('start')} AND ${repairJobs.completedAt} < ${sql.placeholder('end')}`;
const perGroup = () => ({
  completed: sql<number>`coalesce(sum(${inRange()}), 0)`,
  tat: sql<number | null>`avg(CASE WHEN ${inRange()} THEN ${repairJobs.completedAt} - ${repairJobs.createdAt} END)`,
  onTime: sql<number>`coalesce(sum(CASE WHEN ${inRange()} THEN ${repairJobs.completedAt} <= ${repairJobs.promisedAt} END), 0)`,
  firstFix: sql<number>`coalesce(sum(CASE WHEN ${inRange()} THEN NOT ${sentBack()} END), 0)`,
});

/** Per technician (jobs assigned to them): completion figures and jobs still open at the end. */
export function technicianFigures(db: DbClient, p: RangeParams) {
  return prepared(db, 'reports.technicianFigures', (orm) => {
    const group = perGroup();
    return orm
      .select({
        staffId: staff.id,
        name: staff.name,
        ...group,
        openAtEnd: sql<number>`coalesce(sum(${repairJobs.createdAt} < ${sql.placeholder('end')}
          AND (${repairJobs.completedAt} IS NULL OR ${repairJobs.completedAt} >= ${sql.placeholder('end')})
          AND ${not(inArray(repairJobs.status, ['cancelled', 'returned_unrepaired']))}), 0)`,
      })
      .from(repairJobs)
      .innerJoin(staff, eq(staff.id, repairJobs.assignedTo))
      .where(eq(repairJobs.storeId, sql.placeholder('storeId')))
      .groupBy(staff.id)
      .orderBy(desc(group.completed), staff.name)
      .prepare();
  }).all(p);
}

/** Per repair category: jobs received in the range and the completion figures. */
export function categoryFigures(db: DbClient, p: RangeParams) {
  return prepared(db, 'reports.categoryFigures', (orm) =>
    orm
      .select({
        key: repairJobs.categoryCode,
        received: sql<number>`coalesce(sum(${repairJobs.createdAt} >= ${sql.placeholder('start')} AND ${repairJobs.createdAt} < ${sql.placeholder('end')}), 0)`,
        ...perGroup(),
      })
      .from(repairJobs)
      .where(eq(repairJobs.storeId, sql.placeholder('storeId')))
      .groupBy(repairJobs.categoryCode)
      .orderBy(repairJobs.categoryCode)
      .prepare(),
  ).all(p);
}
