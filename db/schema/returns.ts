import { index, integer, sqliteTable, text, blob } from 'drizzle-orm/sqlite-core';
import { customers, products } from './catalog';
import { sales } from './sales';
import { stores } from './store';

/** A committed return / exchange / store-credit / send-to-repair resolution. Id is the document number R-YYYYMMDD-NNNN. */
export const returns = sqliteTable(
  'returns',
  {
    id: text('id').primaryKey(),
    storeId: integer('store_id')
      .notNull()
      .references(() => stores.id),
    saleId: text('sale_id').references(() => sales.id),
    customerId: integer('customer_id').references(() => customers.id),
    kind: text('kind').notNull(), // refund | exchange | store_credit | repair
    status: text('status').notNull(), // completed | voided
    createdAt: integer('created_at').notNull(),
    businessDay: text('business_day').notNull(),
    staffId: integer('staff_id').notNull(),
    reasonCode: text('reason_code').notNull(),
    overrideId: integer('override_id'),
    currency: text('currency').notNull(),
    refundTotalMinor: integer('refund_total_minor').notNull(),
    restockingFeeMinor: integer('restocking_fee_minor').notNull(),
    /** Exchange: > 0 the customer paid the difference, < 0 it was refunded. */
    exchangeDueMinor: integer('exchange_due_minor').notNull().default(0),
    idempotencyKey: text('idempotency_key').notNull(),
    idDocument: text('id_document'),
    note: text('note').notNull().default(''),
  },
  // No index on idempotency_key: idempotency_keys (same key, same transaction) already makes it unique,
  // and nothing looks a return up by it (migration 0005 dropped returns_idem: one page less per commit).
  (t) => [
    index('returns_sale').on(t.saleId),
    index('returns_day').on(t.businessDay),
    index('returns_customer').on(t.customerId, t.createdAt),
  ],
);

export const returnLines = sqliteTable(
  'return_lines',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    returnId: text('return_id')
      .notNull()
      .references(() => returns.id),
    saleLineNo: integer('sale_line_no'),
    productId: integer('product_id').references(() => products.id),
    sku: text('sku').notNull(),
    name: text('name').notNull(),
    qty: integer('qty').notNull(),
    unitPriceMinor: integer('unit_price_minor').notNull(),
    grossMinor: integer('gross_minor').notNull(),
    discountShareMinor: integer('discount_share_minor').notNull(),
    taxMinor: integer('tax_minor').notNull(),
    restockingFeeMinor: integer('restocking_fee_minor').notNull(),
    refundMinor: integer('refund_minor').notNull(),
    grade: text('grade').notNull(),
    disposition: text('disposition').notNull(), // restock | open_box | rma_vendor | scrap | repair
    policyOutcome: text('policy_outcome').notNull(),
    policyRule: text('policy_rule').notNull(),
    serial: text('serial'),
  },
  // Read by return (and a sale's returns through returns_sale); nothing looks lines up by sale line alone.
  (t) => [index('return_lines_return').on(t.returnId)],
);

export const returnInspections = sqliteTable('return_inspections', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  returnLineId: integer('return_line_id')
    .notNull()
    .references(() => returnLines.id),
  checklist: text('checklist').notNull(), // JSON: [{ item, ok, note }]
  grade: text('grade').notNull(),
  notes: text('notes').notNull().default(''),
  inspectorId: integer('inspector_id'),
});

export const refundTenders = sqliteTable(
  'refund_tenders',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    returnId: text('return_id')
      .notNull()
      .references(() => returns.id),
    seq: integer('seq').notNull(),
    tender: text('tender').notNull(),
    /** > 0 money to the customer; < 0 money from the customer (exchange difference). */
    amountMinor: integer('amount_minor').notNull(),
    ref: text('ref'),
  },
  (t) => [index('refund_tenders_return').on(t.returnId)],
);

export const exchangeLines = sqliteTable('exchange_lines', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  returnId: text('return_id')
    .notNull()
    .references(() => returns.id),
  productId: integer('product_id').references(() => products.id),
  sku: text('sku').notNull(),
  name: text('name').notNull(),
  qty: integer('qty').notNull(),
  unitPriceMinor: integer('unit_price_minor').notNull(),
  serial: text('serial'),
});

/**
 * Every stock change (returns' dispositions, exchanges, spare parts), with what caused it. Written on
 * every return commit and read by nothing yet, so it has no secondary index (migration 0005 dropped
 * stock_moves_sku and stock_moves_ref: two pages less per commit); the first stock query adds the one it needs.
 */
export const stockMoves = sqliteTable('stock_moves', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  at: integer('at').notNull(),
  storeId: integer('store_id').notNull(),
  productId: integer('product_id').references(() => products.id),
  sku: text('sku').notNull(),
  qtyDelta: integer('qty_delta').notNull(),
  bucket: text('bucket').notNull(), // sellable | open_box | rma_vendor | scrap | spare_parts | repair
  reason: text('reason').notNull(),
  refType: text('ref_type').notNull(),
  refId: text('ref_id').notNull(),
  staffId: integer('staff_id'),
});

export const storeCreditLedger = sqliteTable(
  'store_credit_ledger',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: integer('at').notNull(),
    customerId: integer('customer_id').references(() => customers.id),
    /** Credit slips for walk-in customers carry a code instead of a customer. */
    creditCode: text('credit_code'),
    amountMinor: integer('amount_minor').notNull(),
    refType: text('ref_type').notNull(),
    refId: text('ref_id').notNull(),
  },
  (t) => [index('store_credit_customer').on(t.customerId, t.at), index('store_credit_code').on(t.creditCode)],
);

/** Half-done flows (return, repair intake) that survive a crash or a clerk switch. */
export const drafts = sqliteTable(
  'drafts',
  {
    id: text('id').primaryKey(),
    kind: text('kind').notNull(),
    staffId: integer('staff_id').notNull(),
    title: text('title').notNull(),
    data: text('data').notNull(),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('drafts_kind').on(t.kind, t.updatedAt)],
);

/** Photos and signatures attached to returns, repairs and inspections. */
export const attachments = sqliteTable(
  'attachments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    ownerType: text('owner_type').notNull(),
    ownerId: text('owner_id').notNull(),
    kind: text('kind').notNull(), // photo | signature
    mime: text('mime').notNull(),
    sha256: text('sha256').notNull(),
    bytes: blob('bytes', { mode: 'buffer' }).notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('attachments_owner').on(t.ownerType, t.ownerId)],
);
