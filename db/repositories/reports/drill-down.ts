/**
 * The records behind a report figure, with the same predicates as the figure (so the grid has as
 * many rows as the figure says): repair jobs, returns and failed test steps.
 */
import { and, eq, gte, inArray, lt, lte, or, sql } from 'drizzle-orm';
import type { AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { DbClient } from '../../client';
import { categories, customers, products, repairEvents, repairJobs, returnLines, returns, staff, testResults } from '../../schema';
import { prepared } from '../statements';
import { OPEN_STATUSES, TERMINAL_STATUSES } from './day-repairs';
import type { RangeParams } from './overrides';

const ph = (name: string) => sql.placeholder(name);
const within = (at: AnySQLiteColumn) =>
  and(gte(at, ph('start')), lt(at, ph('end')));

/** Received before the end and not terminal at the end (open now, or closed by an event after the end). */
const openAtClose = () =>
  and(
    lt(repairJobs.createdAt, ph('end')),
    or(
      inArray(repairJobs.status, OPEN_STATUSES),
      sql`EXISTS (SELECT 1 FROM ${repairEvents} WHERE ${repairEvents.jobId} = ${repairJobs.id}
          AND ${inArray(repairEvents.toStatus, TERMINAL_STATUSES)} AND ${repairEvents.at} >= ${ph('end')})`,
    ),
  );

/** Which jobs a figure lists (`key`: the staff id or category code of a KPI point) and in which order. */
const JOB_FILTERS = {
  received: { where: () => within(repairJobs.createdAt), order: repairJobs.createdAt },
  completed: { where: () => within(repairJobs.completedAt), order: repairJobs.completedAt },
  pickedUp: { where: () => within(repairJobs.pickedUpAt), order: repairJobs.pickedUpAt },
  openAtClose: { where: openAtClose, order: repairJobs.createdAt },
  overdueAtClose: { where: () => and(openAtClose(), lt(repairJobs.promisedAt, ph('end'))), order: repairJobs.promisedAt },
  technicianCompleted: {
    where: () => and(eq(repairJobs.assignedTo, ph('key')), within(repairJobs.completedAt)),
    order: repairJobs.completedAt,
  },
  technicianOpen: {
    where: () =>
      and(
        eq(repairJobs.assignedTo, ph('key')),
        lt(repairJobs.createdAt, ph('end')),
        sql`(${repairJobs.completedAt} IS NULL OR ${repairJobs.completedAt} >= ${ph('end')})`,
        sql`${repairJobs.status} NOT IN ('cancelled','returned_unrepaired')`,
      ),
    order: repairJobs.createdAt,
  },
  categoryReceived: {
    where: () => and(eq(repairJobs.categoryCode, ph('key')), within(repairJobs.createdAt)),
    order: repairJobs.createdAt,
  },
  categoryCompleted: {
    where: () => and(eq(repairJobs.categoryCode, ph('key')), within(repairJobs.completedAt)),
    order: repairJobs.completedAt,
  },
} as const;
export type JobFilter = keyof typeof JOB_FILTERS;

/** The store's jobs matching `filter` in [start, end), with customer and technician names. */
export function jobRows(db: DbClient, filter: JobFilter, p: RangeParams & { key?: string | number }) {
  return prepared(db, `reports.drillJobs.${filter}`, (orm) => {
    const f = JOB_FILTERS[filter];
    return orm
      .select({
        id: repairJobs.id,
        status: repairJobs.status,
        category: repairJobs.categoryCode,
        device: sql<string>`${repairJobs.brand} || ' ' || ${repairJobs.model}`,
        customer: customers.name,
        technician: staff.name,
        createdAt: repairJobs.createdAt,
        promisedAt: repairJobs.promisedAt,
        completedAt: repairJobs.completedAt,
        pickedUpAt: repairJobs.pickedUpAt,
      })
      .from(repairJobs)
      .leftJoin(customers, eq(customers.id, repairJobs.customerId))
      .leftJoin(staff, eq(staff.id, repairJobs.assignedTo))
      .where(and(eq(repairJobs.storeId, ph('storeId')), f.where()))
      .orderBy(f.order, repairJobs.id)
      .prepare();
  }).all({ key: '', ...p });
}

const overDays = () => and(gte(returns.businessDay, ph('from')), lte(returns.businessDay, ph('to')));

/** Which completed returns a figure lists: the day's, or over [from, to] those of a reason, a category or a day. */
const RETURN_FILTERS = {
  onDay: () => eq(returns.businessDay, ph('day')),
  reason: () => and(overDays(), eq(returns.reasonCode, ph('key'))),
  category: () =>
    and(
      overDays(),
      sql`EXISTS (SELECT 1 FROM ${returnLines} LEFT JOIN ${products} ON ${products.id} = ${returnLines.productId}
          LEFT JOIN ${categories} ON ${categories.id} = ${products.categoryId}
          WHERE ${returnLines.returnId} = ${returns.id} AND coalesce(${categories.code}, 'unknown') = ${ph('key')})`,
    ),
  refundDay: () => and(overDays(), eq(returns.businessDay, ph('key'))),
} as const;
export type ReturnFilter = keyof typeof RETURN_FILTERS;

/** The store's completed returns matching `filter`, oldest first, with the clerk's name. */
export function returnRows(
  db: DbClient,
  filter: ReturnFilter,
  p: { storeId: number; day?: string; from?: string; to?: string; key?: string },
) {
  return prepared(db, `reports.drillReturns.${filter}`, (orm) =>
    orm
      .select({
        id: returns.id,
        kind: returns.kind,
        reason: returns.reasonCode,
        refundMinor: returns.refundTotalMinor,
        feeMinor: returns.restockingFeeMinor,
        clerk: staff.name,
        createdAt: returns.createdAt,
        saleId: returns.saleId,
      })
      .from(returns)
      .innerJoin(staff, eq(staff.id, returns.staffId))
      .where(and(eq(returns.storeId, ph('storeId')), RETURN_FILTERS[filter](), eq(returns.status, 'completed')))
      .orderBy(returns.createdAt, returns.id)
      .prepare(),
  ).all({ day: '', from: '', to: '', key: '', ...p });
}

/** Failed test steps of the store's jobs in [start, end), oldest first. */
export function failedTestRows(db: DbClient, p: RangeParams) {
  return prepared(db, 'reports.drillFailedTests', (orm) =>
    orm
      .select({
        id: testResults.id,
        jobId: testResults.jobId,
        step: sql<number>`${testResults.stepIndex} + 1`,
        attempt: testResults.attempt,
        display: testResults.display,
        reason: testResults.reason,
        at: testResults.at,
        technician: staff.name,
      })
      .from(testResults)
      .innerJoin(repairJobs, eq(repairJobs.id, testResults.jobId))
      .leftJoin(staff, eq(staff.id, testResults.staffId))
      .where(
        and(eq(repairJobs.storeId, ph('storeId')), eq(testResults.verdict, 'fail'), within(testResults.at)),
      )
      .orderBy(testResults.at, testResults.id)
      .prepare(),
  ).all(p);
}
