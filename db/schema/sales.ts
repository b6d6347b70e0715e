import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { Tender } from '../../shared/domain/money/tenders';
import { customers, products } from './catalog';
import { stores } from './store';

export const importBatches = sqliteTable('import_batches', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  at: integer('at').notNull(),
  staffId: integer('staff_id'),
  fileName: text('file_name').notNull(),
  format: text('format').notNull(),
  rowsRead: integer('rows_read').notNull(),
  salesImported: integer('sales_imported').notNull(),
  salesSkipped: integer('sales_skipped').notNull(),
  salesFailed: integer('sales_failed').notNull(),
  errors: text('errors').notNull(),
});

export const sales = sqliteTable(
  'sales',
  {
    /** The POS's own sale id: the idempotency key of the import. */
    id: text('id').primaryKey(),
    storeId: integer('store_id')
      .notNull()
      .references(() => stores.id),
    receiptNo: text('receipt_no').notNull(),
    customerId: integer('customer_id').references(() => customers.id),
    soldAt: integer('sold_at').notNull(),
    businessDay: text('business_day').notNull(),
    currency: text('currency').notNull(),
    subtotalMinor: integer('subtotal_minor').notNull(),
    orderDiscountMinor: integer('order_discount_minor').notNull(),
    totalMinor: integer('total_minor').notNull(),
    taxIncluded: integer('tax_included', { mode: 'boolean' }).notNull(),
    cashier: text('cashier'),
    source: text('source').notNull(),
    importBatchId: integer('import_batch_id').references(() => importBatches.id),
  },
  (t) => [
    uniqueIndex('sales_receipt').on(t.storeId, t.receiptNo),
    index('sales_customer').on(t.customerId),
    index('sales_day_total').on(t.businessDay, t.totalMinor),
  ],
);

export const saleLines = sqliteTable(
  'sale_lines',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    saleId: text('sale_id')
      .notNull()
      .references(() => sales.id),
    lineNo: integer('line_no').notNull(),
    productId: integer('product_id').references(() => products.id),
    sku: text('sku').notNull(),
    name: text('name').notNull(),
    qty: integer('qty').notNull(),
    unitPriceMinor: integer('unit_price_minor').notNull(),
    lineDiscountMinor: integer('line_discount_minor').notNull(),
    taxRateBp: integer('tax_rate_bp').notNull(),
    serial: text('serial'),
  },
  (t) => [
    uniqueIndex('sale_lines_sale_line').on(t.saleId, t.lineNo),
    index('sale_lines_serial').on(t.serial),
    // The no-receipt return's lowest price of a SKU in the last 90 days.
    index('sale_lines_sku').on(t.sku),
  ],
);

export const salePayments = sqliteTable(
  'sale_payments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    saleId: text('sale_id')
      .notNull()
      .references(() => sales.id),
    seq: integer('seq').notNull(),
    tender: text('tender').notNull().$type<Tender>(),
    amountMinor: integer('amount_minor').notNull(),
    ref: text('ref'),
  },
  (t) => [uniqueIndex('sale_payments_sale_seq').on(t.saleId, t.seq)],
);
