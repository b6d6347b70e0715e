/**
 * The returns side of one business day (completed returns of the store on `day`, by their
 * store-local business day): totals, refunds by tender, reason, category and disposition.
 * Parameters: storeId, day.
 */
import { and, desc, eq, sql } from 'drizzle-orm';
import type { DbClient } from '../../client';
import { categories, products, refundTenders, returnLines, returns } from '../../schema';
import { prepared } from '../statements';
import { amountRows, orZero, type AmountRow } from './amounts';

export type DayParams = {
  storeId: number;
  day: string;
};

const completedOnDay = () =>
  and(
    eq(returns.storeId, sql.placeholder('storeId')),
    eq(returns.businessDay, sql.placeholder('day')),
    eq(returns.status, 'completed'),
  );

/** Count, exchanges, refund total, restocking fees and exchange differences of the day's returns. */
export function dayReturnTotals(db: DbClient, p: DayParams) {
  const row = prepared(db, 'reports.dayReturnTotals', (orm) =>
    orm
      .select({
        count: sql<number>`count(*)`,
        exchanges: sql<number | null>`sum(${returns.kind} = 'exchange')`,
        refundMinor: sql<number | null>`sum(${returns.refundTotalMinor})`,
        feesMinor: sql<number | null>`sum(${returns.restockingFeeMinor})`,
        exchangeDueMinor: sql<number | null>`sum(${returns.exchangeDueMinor})`,
      })
      .from(returns)
      .where(completedOnDay())
      .prepare(),
  ).get(p);
  return {
    count: orZero(row?.count),
    exchanges: orZero(row?.exchanges),
    refundMinor: orZero(row?.refundMinor),
    feesMinor: orZero(row?.feesMinor),
    exchangeDueMinor: orZero(row?.exchangeDueMinor),
  };
}

/** Refunds by tender, largest first. */
export function dayRefundsByTender(db: DbClient, p: DayParams): AmountRow[] {
  return amountRows(
    prepared(db, 'reports.dayRefundsByTender', (orm) => {
      const amount = sql<number | null>`sum(${refundTenders.amountMinor})`;
      return orm
        .select({ key: refundTenders.tender, count: sql<number>`count(*)`, amountMinor: amount })
        .from(refundTenders)
        .innerJoin(returns, eq(returns.id, refundTenders.returnId))
        .where(completedOnDay())
        .groupBy(refundTenders.tender)
        .orderBy(desc(amount), refundTenders.tender)
        .prepare();
    }).all(p),
  );
}

/** Returns by reason code, largest refund first. */
export function dayReturnsByReason(db: DbClient, p: DayParams): AmountRow[] {
  return amountRows(
    prepared(db, 'reports.dayReturnsByReason', (orm) => {
      const amount = sql<number | null>`sum(${returns.refundTotalMinor})`;
      return orm
        .select({ key: returns.reasonCode, count: sql<number>`count(*)`, amountMinor: amount })
        .from(returns)
        .where(completedOnDay())
        .groupBy(returns.reasonCode)
        .orderBy(desc(amount), returns.reasonCode)
        .prepare();
    }).all(p),
  );
}

/** Returned lines by product category ('unknown' without one): quantity and refund, largest first. */
export function dayReturnsByCategory(db: DbClient, p: DayParams): AmountRow[] {
  return amountRows(
    prepared(db, 'reports.dayReturnsByCategory', (orm) => {
      const key = sql<string>`coalesce(${categories.code}, 'unknown')`;
      const amount = sql<number | null>`sum(${returnLines.refundMinor})`;
      return orm
        .select({ key, count: sql<number | null>`sum(${returnLines.qty})`, amountMinor: amount })
        .from(returnLines)
        .innerJoin(returns, eq(returns.id, returnLines.returnId))
        .leftJoin(products, eq(products.id, returnLines.productId))
        .leftJoin(categories, eq(categories.id, products.categoryId))
        .where(completedOnDay())
        .groupBy(key)
        .orderBy(desc(amount), key)
        .prepare();
    }).all(p),
  );
}

/** Returned lines by disposition (restock, open box, RMA, scrap, repair), by key. */
export function dayReturnsByDisposition(db: DbClient, p: DayParams): AmountRow[] {
  return amountRows(
    prepared(db, 'reports.dayReturnsByDisposition', (orm) =>
      orm
        .select({
          key: returnLines.disposition,
          count: sql<number | null>`sum(${returnLines.qty})`,
          amountMinor: sql<number | null>`sum(${returnLines.refundMinor})`,
        })
        .from(returnLines)
        .innerJoin(returns, eq(returns.id, returnLines.returnId))
        .where(completedOnDay())
        .groupBy(returnLines.disposition)
        .orderBy(returnLines.disposition)
        .prepare(),
    ).all(p),
  );
}

/** The sum of the day's returned lines' refunds (reconciled against the returns' totals). */
export function dayLinesRefund(db: DbClient, p: DayParams): number {
  const row = prepared(db, 'reports.dayLinesRefund', (orm) =>
    orm
      .select({ s: sql<number | null>`sum(${returnLines.refundMinor})` })
      .from(returnLines)
      .innerJoin(returns, eq(returns.id, returnLines.returnId))
      .where(completedOnDay())
      .prepare(),
  ).get(p);
  return orZero(row?.s);
}
