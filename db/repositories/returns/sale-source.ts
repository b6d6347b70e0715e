/**
 * A sale as the returns service reads it, besides its header (db/repositories/sales, the same query
 * the counter's look-up uses): lines (with category and policy profile), payments, and the lines and
 * tenders of its earlier completed returns — indexed queries whatever the number of lines or returns.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { DbClient } from '../../client';
import {
  categories,
  products,
  refundTenders,
  returnLines,
  returns,
  saleLines,
  salePayments,
} from '../../schema';
import { prepared } from '../statements';

/** The sale's lines in line order, with their product's category and policy profile. */
export function saleLinesForReturn(db: DbClient, saleId: string) {
  return prepared(db, 'returns.saleLines', (orm) =>
    orm
      .select({
        lineNo: saleLines.lineNo,
        productId: saleLines.productId,
        sku: saleLines.sku,
        name: saleLines.name,
        qty: saleLines.qty,
        unitPriceMinor: saleLines.unitPriceMinor,
        lineDiscountMinor: saleLines.lineDiscountMinor,
        taxRateBp: saleLines.taxRateBp,
        serial: saleLines.serial,
        categoryCode: categories.code,
        policyProfile: categories.policyProfile,
      })
      .from(saleLines)
      .leftJoin(products, eq(products.id, saleLines.productId))
      .leftJoin(categories, eq(categories.id, products.categoryId))
      .where(eq(saleLines.saleId, sql.placeholder('saleId')))
      .orderBy(asc(saleLines.lineNo))
      .prepare(),
  ).all({ saleId });
}

export type SaleLineRow = ReturnType<typeof saleLinesForReturn>[number];

/** The sale's payments in tender order. */
export function salePaymentsForReturn(db: DbClient, saleId: string) {
  return prepared(db, 'returns.salePayments', (orm) =>
    orm
      .select({ tender: salePayments.tender, amountMinor: salePayments.amountMinor, ref: salePayments.ref })
      .from(salePayments)
      .where(eq(salePayments.saleId, sql.placeholder('saleId')))
      .orderBy(asc(salePayments.seq))
      .prepare(),
  ).all({ saleId });
}

export type SalePaymentRow = ReturnType<typeof salePaymentsForReturn>[number];

/** The lines of the sale's completed returns, in the order they were written. */
export function priorReturnLines(db: DbClient, saleId: string) {
  return prepared(db, 'returns.priorLines', (orm) =>
    orm
      .select({
        returnId: returnLines.returnId,
        saleLineNo: returnLines.saleLineNo,
        qty: returnLines.qty,
        refundMinor: returnLines.refundMinor,
      })
      .from(returns)
      .innerJoin(returnLines, eq(returnLines.returnId, returns.id))
      .where(and(eq(returns.saleId, sql.placeholder('saleId')), eq(returns.status, 'completed')))
      .orderBy(asc(returnLines.id))
      .prepare(),
  ).all({ saleId });
}

export type PriorLineRow = ReturnType<typeof priorReturnLines>[number];

/** The tenders of the sale's completed returns, in the order they were written. */
export function priorReturnTenders(db: DbClient, saleId: string) {
  return prepared(db, 'returns.priorTenders', (orm) =>
    orm
      .select({
        returnId: refundTenders.returnId,
        tender: refundTenders.tender,
        amountMinor: refundTenders.amountMinor,
        ref: refundTenders.ref,
      })
      .from(returns)
      .innerJoin(refundTenders, eq(refundTenders.returnId, returns.id))
      .where(and(eq(returns.saleId, sql.placeholder('saleId')), eq(returns.status, 'completed')))
      .orderBy(asc(refundTenders.id))
      .prepare(),
  ).all({ saleId });
}

export type PriorTenderRow = ReturnType<typeof priorReturnTenders>[number];
