/**
 * The repair side of one business day [start, end) in the store's zone: jobs received, completed
 * and picked up, open and overdue at close, turnaround, parts cost and the money taken at the
 * counter (deposits at intake, balances and cash refunds at pickup, from the job timeline's JSON).
 */
import { and, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import type { DbClient } from '../../client';
import { repairEvents, repairJobs, repairParts } from '../../schema';
import { prepared } from '../statements';
import { amountRows, orZero, type AmountRow } from './amounts';
import type { RangeParams } from './overrides';

export const TERMINAL_STATUSES = ['picked_up', 'cancelled', 'returned_unrepaired'];
export const OPEN_STATUSES = ['received', 'diagnosing', 'awaiting_approval', 'awaiting_parts', 'repairing', 'testing', 'qc', 'ready'];

const JOB_INSTANTS = { created: repairJobs.createdAt, completed: repairJobs.completedAt, pickedUp: repairJobs.pickedUpAt };
export type JobInstant = keyof typeof JOB_INSTANTS;

const jobsOfStoreIn = (at: (typeof JOB_INSTANTS)[JobInstant]) =>
  and(
    eq(repairJobs.storeId, sql.placeholder('storeId')),
    gte(at, sql.placeholder('start')),
    lt(at, sql.placeholder('end')),
  );

/** Jobs whose `instant` (created, completed, picked up) falls in the range. */
export function jobsCountIn(db: DbClient, instant: JobInstant, p: RangeParams): number {
  const row = prepared(db, `reports.jobsCountIn.${instant}`, (orm) =>
    orm
      .select({ n: sql<number>`count(*)` })
      .from(repairJobs)
      .where(jobsOfStoreIn(JOB_INSTANTS[instant]))
      .prepare(),
  ).get(p);
  return orZero(row?.n);
}

/** Mean time from intake to completion of the jobs completed in the range (ms), null without any. */
export function avgTurnaroundMs(db: DbClient, p: RangeParams): number | null {
  const row = prepared(db, 'reports.avgTurnaround', (orm) =>
    orm
      .select({ ms: sql<number | null>`avg(${repairJobs.completedAt} - ${repairJobs.createdAt})` })
      .from(repairJobs)
      .where(jobsOfStoreIn(repairJobs.completedAt))
      .prepare(),
  ).get(p);
  return row?.ms ?? null;
}

/**
 * Jobs open at `end`: received before the end and not yet terminal at the end, i.e. the jobs open
 * now plus those whose (single, final) terminal event came after the end. Both sides use an index,
 * so the count does not walk three years of history. `overdue`: only those promised before the end.
 */
export function openAtCloseCount(db: DbClient, p: { storeId: number; end: number }, overdue: boolean): number {
  const promised = overdue ? lt(repairJobs.promisedAt, sql.placeholder('end')) : undefined;
  const openNow = prepared(db, `reports.openNow.${overdue}`, (orm) =>
    orm
      .select({ n: sql<number>`count(*)` })
      .from(repairJobs)
      .where(
        and(
          inArray(repairJobs.status, OPEN_STATUSES),
          eq(repairJobs.storeId, sql.placeholder('storeId')),
          lt(repairJobs.createdAt, sql.placeholder('end')),
          promised,
        ),
      )
      .prepare(),
  ).get(p);
  const closedLater = prepared(db, `reports.closedAfter.${overdue}`, (orm) =>
    orm
      .select({ n: sql<number>`count(DISTINCT ${repairEvents.jobId})` })
      .from(repairEvents)
      .innerJoin(repairJobs, eq(repairJobs.id, repairEvents.jobId))
      .where(
        and(
          gte(repairEvents.at, sql.placeholder('end')),
          inArray(repairEvents.toStatus, TERMINAL_STATUSES),
          eq(repairJobs.storeId, sql.placeholder('storeId')),
          lt(repairJobs.createdAt, sql.placeholder('end')),
          promised,
        ),
      )
      .prepare(),
  ).get(p);
  return orZero(openNow?.n) + orZero(closedLater?.n);
}

/** Cost of the spare parts fitted in the range. */
export function partsCostMinor(db: DbClient, p: RangeParams): number {
  const row = prepared(db, 'reports.partsCost', (orm) =>
    orm
      .select({ n: sql<number | null>`sum(${repairParts.qty} * ${repairParts.unitCostMinor})` })
      .from(repairParts)
      .innerJoin(repairJobs, eq(repairJobs.id, repairParts.jobId))
      .where(
        and(
          eq(repairJobs.storeId, sql.placeholder('storeId')),
          gte(repairParts.at, sql.placeholder('start')),
          lt(repairParts.at, sql.placeholder('end')),
        ),
      )
      .prepare(),
  ).get(p);
  return orZero(row?.n);
}

/** Events of the store's jobs in the range (optionally only those of `staffId`). */
const eventsOfStoreIn = (ownOnly: boolean) =>
  and(
    eq(repairJobs.storeId, sql.placeholder('storeId')),
    ownOnly ? eq(repairEvents.staffId, sql.placeholder('staffId')) : undefined,
    gte(repairEvents.at, sql.placeholder('start')),
    lt(repairEvents.at, sql.placeholder('end')),
  );

/** A JSON path into an event's data; `path` is one of the fixed names below, never input. */
const data = (path: string) => sql`json_extract(${repairEvents.data}, ${sql.raw(`'$.${path}'`)})`;

/**
 * Money taken in `kind` events (`field`: the intake's deposit or the pickup's payment), by tender.
 * `staffId` given: only that staff member's own events, largest first (my shift); else by tender.
 */
export function eventTenders(
  db: DbClient,
  kind: 'intake' | 'pickup',
  field: 'deposit' | 'payment',
  p: RangeParams & { staffId?: number },
): AmountRow[] {
  const own = p.staffId !== undefined;
  const q = prepared(db, `reports.eventTenders.${kind}.${field}.${own}`, (orm) => {
    const key = sql<string | null>`${data(`${field}.tender`)}`;
    const amount = sql<number | null>`sum(${data(`${field}.amountMinor`)})`;
    const query = orm
      .select({ key, count: sql<number>`count(*)`, amountMinor: amount })
      .from(repairEvents)
      .innerJoin(repairJobs, eq(repairJobs.id, repairEvents.jobId))
      .where(and(eventsOfStoreIn(own), sql`${data('kind')} = ${kind}`, sql`${data(field)} IS NOT NULL`))
      .groupBy(key);
    return own ? query.orderBy(sql`${amount} DESC`, key).prepare() : query.prepare();
  });
  return amountRows(q.all(p));
}

/** Pickups handed over in the range and the cash refunded at them (deposits above the final bill). */
export function pickupsIn(db: DbClient, p: RangeParams & { staffId?: number }): { count: number; cashBackMinor: number } {
  const own = p.staffId !== undefined;
  const row = prepared(db, `reports.pickups.${own}`, (orm) =>
    orm
      .select({
        n: sql<number>`count(*)`,
        cashBack: sql<number | null>`sum(CASE WHEN ${data('refundTender')} = 'cash' THEN ${data('refundMinor')} END)`,
      })
      .from(repairEvents)
      .innerJoin(repairJobs, eq(repairJobs.id, repairEvents.jobId))
      .where(and(eventsOfStoreIn(own), sql`${data('kind')} = 'pickup'`))
      .prepare(),
  ).get(p);
  return { count: orZero(row?.n), cashBackMinor: orZero(row?.cashBack) };
}
