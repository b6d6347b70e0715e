/** A sale with its lines and payments by receipt number: the counter's hot path (prepared, explicit field maps). */
import { and, eq, sql } from 'drizzle-orm';
import type { Sale } from '../../../shared/contract/methods/sales';
import type { DbClient } from '../../client';
import { categories, customers, products, saleLines, salePayments, sales } from '../../schema';
import { prepared } from '../statements';

/** The sale with this exact receipt number in the store, with its customer; undefined when unknown. */
export function saleHeaderByReceipt(db: DbClient, storeId: number, receiptNo: string) {
  return prepared(db, 'sales.byReceipt', (orm) =>
    orm
      .select({
        id: sales.id,
        receiptNo: sales.receiptNo,
        soldAt: sales.soldAt,
        businessDay: sales.businessDay,
        currency: sales.currency,
        subtotalMinor: sales.subtotalMinor,
        orderDiscountMinor: sales.orderDiscountMinor,
        totalMinor: sales.totalMinor,
        taxIncluded: sales.taxIncluded,
        customerId: sales.customerId,
        customerName: customers.name,
        customerPhone: customers.phone,
      })
      .from(sales)
      .leftJoin(customers, eq(customers.id, sales.customerId))
      .where(
        and(eq(sales.storeId, sql.placeholder('storeId')), eq(sales.receiptNo, sql.placeholder('receiptNo'))),
      )
      .prepare(),
  ).get({ storeId, receiptNo });
}

export type SaleHeaderRow = NonNullable<ReturnType<typeof saleHeaderByReceipt>>;

export function findSaleByReceipt(db: DbClient, storeId: number, receiptNo: string): Sale | null {
  const row = saleHeaderByReceipt(db, storeId, receiptNo);
  if (!row) return null;
  const lines = prepared(db, 'sales.linesOfSale', (orm) =>
    orm
      .select({
        lineNo: saleLines.lineNo,
        productId: saleLines.productId,
        sku: saleLines.sku,
        name: saleLines.name,
        categoryCode: categories.code,
        qty: saleLines.qty,
        unitPriceMinor: saleLines.unitPriceMinor,
        lineDiscountMinor: saleLines.lineDiscountMinor,
        taxRateBp: saleLines.taxRateBp,
        serial: saleLines.serial,
      })
      .from(saleLines)
      .leftJoin(products, eq(products.id, saleLines.productId))
      .leftJoin(categories, eq(categories.id, products.categoryId))
      .where(eq(saleLines.saleId, sql.placeholder('saleId')))
      .orderBy(saleLines.lineNo)
      .prepare(),
  ).all({ saleId: row.id });
  return {
    id: row.id,
    receiptNo: row.receiptNo,
    soldAt: row.soldAt,
    businessDay: row.businessDay,
    currency: row.currency,
    subtotalMinor: row.subtotalMinor,
    orderDiscountMinor: row.orderDiscountMinor,
    totalMinor: row.totalMinor,
    taxIncluded: row.taxIncluded,
    customer:
      row.customerId === null
        ? null
        : { id: row.customerId, name: row.customerName ?? '', phone: row.customerPhone },
    lines,
    payments: paymentsOfSale(db, row.id),
  };
}

/** A sale's payments in their order at the till. */
export function paymentsOfSale(db: DbClient, saleId: string) {
  return prepared(db, 'sales.paymentsOfSale', (orm) =>
    orm
      .select({ tender: salePayments.tender, amountMinor: salePayments.amountMinor, ref: salePayments.ref })
      .from(salePayments)
      .where(eq(salePayments.saleId, sql.placeholder('saleId')))
      .orderBy(salePayments.seq)
      .prepare(),
  ).all({ saleId });
}
