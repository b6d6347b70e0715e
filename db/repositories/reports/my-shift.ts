/**
 * One staff member's own figures of a business day: the returns they processed and the repairs
 * they took in (their pickups and the money at the counter come from day-repairs.ts, restricted
 * to their own events).
 */
import { and, desc, eq, gte, lt, sql } from 'drizzle-orm';
import type { DbClient } from '../../client';
import { refundTenders, repairJobs, returns, staff } from '../../schema';
import { prepared } from '../statements';
import { amountRows, orZero, type AmountRow } from './amounts';
import type { DayParams } from './day-returns';
import type { RangeParams } from './overrides';

/** The staff member's name ('' for an unknown id). */
export function staffName(db: DbClient, staffId: number): string {
  const row = prepared(db, 'reports.staffName', (orm) =>
    orm
      .select({ name: staff.name })
      .from(staff)
      .where(eq(staff.id, sql.placeholder('staffId')))
      .prepare(),
  ).get({ staffId });
  return row?.name ?? '';
}

const ownCompletedOnDay = () =>
  and(
    eq(returns.storeId, sql.placeholder('storeId')),
    eq(returns.businessDay, sql.placeholder('day')),
    eq(returns.status, 'completed'),
    eq(returns.staffId, sql.placeholder('staffId')),
  );

type ShiftDay = DayParams & { staffId: number };

/** Completed returns the staff member processed on the day: count and refund total. */
export function ownReturnTotals(db: DbClient, p: ShiftDay): { count: number; refundMinor: number } {
  const row = prepared(db, 'reports.ownReturnTotals', (orm) =>
    orm
      .select({ n: sql<number>`count(*)`, refund: sql<number>`coalesce(sum(${returns.refundTotalMinor}), 0)` })
      .from(returns)
      .where(ownCompletedOnDay())
      .prepare(),
  ).get(p);
  return { count: orZero(row?.n), refundMinor: orZero(row?.refund) };
}

/** Their refunds by tender, largest first. */
export function ownRefundsByTender(db: DbClient, p: ShiftDay): AmountRow[] {
  return amountRows(
    prepared(db, 'reports.ownRefundsByTender', (orm) => {
      const amount = sql<number | null>`sum(${refundTenders.amountMinor})`;
      return orm
        .select({ key: refundTenders.tender, count: sql<number>`count(*)`, amountMinor: amount })
        .from(refundTenders)
        .innerJoin(returns, eq(returns.id, refundTenders.returnId))
        .where(ownCompletedOnDay())
        .groupBy(refundTenders.tender)
        .orderBy(desc(amount), refundTenders.tender)
        .prepare();
    }).all(p),
  );
}

/** Repair jobs the staff member took in during the range. */
export function ownIntakes(db: DbClient, p: RangeParams & { staffId: number }): number {
  const row = prepared(db, 'reports.ownIntakes', (orm) =>
    orm
      .select({ n: sql<number>`count(*)` })
      .from(repairJobs)
      .where(
        and(
          eq(repairJobs.storeId, sql.placeholder('storeId')),
          eq(repairJobs.createdBy, sql.placeholder('staffId')),
          gte(repairJobs.createdAt, sql.placeholder('start')),
          lt(repairJobs.createdAt, sql.placeholder('end')),
        ),
      )
      .prepare(),
  ).get(p);
  return orZero(row?.n);
}
