/**
 * Writing imported sales (inside the caller's transaction): who owns a sale id or a receipt
 * number, the sale with its lines and payments, and the stored sale read back whole to tell an
 * identical re-import from a conflicting one.
 */
import { and, count, eq, sql } from 'drizzle-orm';
import type { DbClient } from '../../client';
import { customers, saleLines, salePayments, sales } from '../../schema';
import { prepared } from '../statements';
import { paymentsOfSale } from './sale-by-receipt';

const ph = sql.placeholder;

/** The store of the sale with this POS id, or null when it is not stored. */
export function storeOfSale(db: DbClient, saleId: string): number | null {
  const row = prepared(db, 'sales.storeOfSale', (orm) =>
    orm
      .select({ storeId: sales.storeId })
      .from(sales)
      .where(eq(sales.id, ph('saleId')))
      .prepare(),
  ).get({ saleId });
  return row?.storeId ?? null;
}

/** The id of the sale holding this receipt number in the store, or null. */
export function saleIdByReceipt(db: DbClient, storeId: number, receiptNo: string): string | null {
  const row = prepared(db, 'sales.idByReceipt', (orm) =>
    orm
      .select({ id: sales.id })
      .from(sales)
      .where(and(eq(sales.storeId, ph('storeId')), eq(sales.receiptNo, ph('receiptNo'))))
      .prepare(),
  ).get({ storeId, receiptNo });
  return row?.id ?? null;
}

export type NewSale = typeof sales.$inferInsert;
export type NewSaleLine = Omit<typeof saleLines.$inferInsert, 'id'>;
export type NewSalePayment = Omit<typeof salePayments.$inferInsert, 'id'>;

export function insertSale(db: DbClient, s: Required<NewSale>): void {
  prepared(db, 'sales.insert', (orm) =>
    orm
      .insert(sales)
      .values({
        id: ph('id'),
        storeId: ph('storeId'),
        receiptNo: ph('receiptNo'),
        customerId: ph('customerId'),
        soldAt: ph('soldAt'),
        businessDay: ph('businessDay'),
        currency: ph('currency'),
        subtotalMinor: ph('subtotalMinor'),
        orderDiscountMinor: ph('orderDiscountMinor'),
        totalMinor: ph('totalMinor'),
        taxIncluded: ph('taxIncluded'),
        cashier: ph('cashier'),
        source: ph('source'),
        importBatchId: ph('importBatchId'),
      })
      .prepare(),
  ).run({ ...s, taxIncluded: s.taxIncluded ? 1 : 0 });
}

export function insertSaleLine(db: DbClient, l: Required<NewSaleLine>): void {
  prepared(db, 'sales.insertLine', (orm) =>
    orm
      .insert(saleLines)
      .values({
        saleId: ph('saleId'),
        lineNo: ph('lineNo'),
        productId: ph('productId'),
        sku: ph('sku'),
        name: ph('name'),
        qty: ph('qty'),
        unitPriceMinor: ph('unitPriceMinor'),
        lineDiscountMinor: ph('lineDiscountMinor'),
        taxRateBp: ph('taxRateBp'),
        serial: ph('serial'),
      })
      .prepare(),
  ).run({ ...l });
}

export function insertSalePayment(db: DbClient, p: Required<NewSalePayment>): void {
  prepared(db, 'sales.insertPayment', (orm) =>
    orm
      .insert(salePayments)
      .values({
        saleId: ph('saleId'),
        seq: ph('seq'),
        tender: ph('tender'),
        amountMinor: ph('amountMinor'),
        ref: ph('ref'),
      })
      .prepare(),
  ).run({ ...p });
}

/** A stored sale as the importer compares it: header with the customer's phone and name, lines, payments. */
export function storedSale(db: DbClient, saleId: string) {
  const header = prepared(db, 'sales.storedHeader', (orm) =>
    orm
      .select({
        receiptNo: sales.receiptNo,
        soldAt: sales.soldAt,
        phone: customers.phone,
        customerName: customers.name,
        cashier: sales.cashier,
        subtotalMinor: sales.subtotalMinor,
        orderDiscountMinor: sales.orderDiscountMinor,
        totalMinor: sales.totalMinor,
        taxIncluded: sales.taxIncluded,
      })
      .from(sales)
      .leftJoin(customers, eq(customers.id, sales.customerId))
      .where(eq(sales.id, ph('saleId')))
      .prepare(),
  ).get({ saleId });
  if (!header) return null;
  const lines = prepared(db, 'sales.storedLines', (orm) =>
    orm
      .select({
        lineNo: saleLines.lineNo,
        sku: saleLines.sku,
        name: saleLines.name,
        qty: saleLines.qty,
        unitPriceMinor: saleLines.unitPriceMinor,
        lineDiscountMinor: saleLines.lineDiscountMinor,
        taxRateBp: saleLines.taxRateBp,
        serial: saleLines.serial,
      })
      .from(saleLines)
      .where(eq(saleLines.saleId, ph('saleId')))
      .orderBy(saleLines.lineNo)
      .prepare(),
  ).all({ saleId });
  return { ...header, lines, payments: paymentsOfSale(db, saleId) };
}

/** How many sales the database holds (every store). */
export function saleCount(db: DbClient): number {
  return prepared(db, 'sales.count', (orm) => orm.select({ n: count() }).from(sales).prepare()).get()?.n ?? 0;
}
