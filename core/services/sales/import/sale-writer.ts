/**
 * Writes checked sales on prepared statements inside the caller's transaction: duplicate and
 * receipt checks, customer upsert by phone, product (and category) creation for unknown SKUs,
 * then the sale with its lines and payments.
 */
import type { Statement } from 'better-sqlite3';
import type { SqliteDb } from '../../../../db/open';
import type { ValidSale } from './validate-sale';

interface Stmts {
  saleStore: Statement;
  receiptOwner: Statement;
  customerByPhone: Statement;
  customerInsert: Statement;
  customerFillName: Statement;
  productBySku: Statement;
  productInsert: Statement;
  categoryFind: Statement;
  categoryInsert: Statement;
  saleInsert: Statement;
  lineInsert: Statement;
  paymentInsert: Statement;
  storedSale: Statement;
  storedLines: Statement;
  storedPayments: Statement;
}

const cache = new WeakMap<SqliteDb, Stmts>();

function stmts(db: SqliteDb): Stmts {
  let s = cache.get(db);
  if (s) return s;
  s = {
    saleStore: db.prepare('SELECT store_id AS storeId FROM sales WHERE id = ?'),
    receiptOwner: db.prepare('SELECT id FROM sales WHERE store_id = ? AND receipt_no = ?'),
    customerByPhone: db.prepare(
      'SELECT id, name FROM customers WHERE phone_rev = ? AND phone = ? ORDER BY id LIMIT 1',
    ),
    customerInsert: db.prepare(
      'INSERT INTO customers (name, phone, phone_rev, created_at) VALUES (?, ?, ?, ?)',
    ),
    customerFillName: db.prepare(`UPDATE customers SET name = ? WHERE id = ? AND name = ''`),
    productBySku: db.prepare('SELECT id FROM products WHERE sku = ?'),
    productInsert: db.prepare(
      `INSERT INTO products (sku, gtin, name, category_id, price_minor, tax_rate_bp, serialized, active)
       VALUES (?, ?, ?, ?, ?, ?, ?, 1)`,
    ),
    categoryFind: db.prepare(
      `SELECT id FROM categories WHERE code = @c OR name_zh = @c OR name_en = @c ORDER BY code = @c DESC, id LIMIT 1`,
    ),
    categoryInsert: db.prepare(
      'INSERT INTO categories (code, name_zh, name_en, policy_profile) VALUES (?, ?, ?, ?)',
    ),
    saleInsert: db.prepare(
      `INSERT INTO sales (id, store_id, receipt_no, customer_id, sold_at, business_day, currency, subtotal_minor,
         order_discount_minor, total_minor, tax_included, cashier, source, import_batch_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    lineInsert: db.prepare(
      `INSERT INTO sale_lines (sale_id, line_no, product_id, sku, name, qty, unit_price_minor, line_discount_minor,
         tax_rate_bp, serial) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    paymentInsert: db.prepare(
      'INSERT INTO sale_payments (sale_id, seq, tender, amount_minor, ref) VALUES (?, ?, ?, ?, ?)',
    ),
    storedSale: db.prepare(
      `SELECT s.receipt_no AS receiptNo, s.sold_at AS soldAt, c.phone AS phone, c.name AS customerName, s.cashier,
              s.subtotal_minor AS subtotal, s.order_discount_minor AS orderDiscount, s.total_minor AS total,
              s.tax_included AS taxIncluded
       FROM sales s LEFT JOIN customers c ON c.id = s.customer_id WHERE s.id = ?`,
    ),
    storedLines: db.prepare(
      `SELECT line_no AS lineNo, sku, name, qty, unit_price_minor AS unitPrice, line_discount_minor AS lineDiscount,
              tax_rate_bp AS taxRateBp, serial FROM sale_lines WHERE sale_id = ? ORDER BY line_no`,
    ),
    storedPayments: db.prepare(
      'SELECT tender, amount_minor AS amount, ref FROM sale_payments WHERE sale_id = ? ORDER BY seq',
    ),
  };
  cache.set(db, s);
  return s;
}

/** Category of products created by an import line that names no category. */
export const UNCATEGORISED = { code: 'uncategorised', nameZh: '未分类', nameEn: 'Uncategorised' } as const;
/** Policy profile given to categories an import creates. */
export const IMPORTED_CATEGORY_PROFILE = 'generic-retail';

/** Phone digits reversed (the indexed suffix search of customers.phone_rev). */
export function phoneRev(phone: string): string {
  return phone.replace(/\D/g, '').split('').reverse().join('');
}

interface StoredSaleRow {
  receiptNo: string;
  soldAt: number;
  phone: string | null;
  customerName: string | null;
  cashier: string | null;
  subtotal: number;
  orderDiscount: number;
  total: number;
  taxIncluded: number;
}

interface Fingerprint {
  receiptNo: string;
  soldAt: number;
  phone: string | null;
  customerName: string | null;
  cashier: string | null;
  subtotal: number;
  orderDiscount: number;
  total: number;
  taxIncluded: boolean;
  lines: unknown[][];
  payments: unknown[][];
}

/** What decides "the same sale": everything stored about it (customer by phone, or by name without one). */
function fingerprintOf(v: ValidSale): string {
  const fp: Fingerprint = {
    receiptNo: v.receiptNo,
    soldAt: v.soldAt,
    phone: v.customerPhone,
    customerName: v.customerPhone === null ? v.customerName : null,
    cashier: v.cashier,
    subtotal: v.subtotalMinor,
    orderDiscount: v.orderDiscountMinor,
    total: v.totalMinor,
    taxIncluded: v.taxIncluded,
    lines: [...v.lines]
      .sort((a, b) => a.lineNo - b.lineNo)
      .map((l) => [
        l.lineNo,
        l.sku,
        l.name,
        l.qty,
        l.unitPriceMinor,
        l.lineDiscountMinor,
        l.taxRateBp,
        l.serial,
      ]),
    payments: v.payments.map((p) => [p.tender, p.amountMinor, p.ref]),
  };
  return JSON.stringify(fp);
}

export type WriteOutcome =
  | { kind: 'imported' }
  | { kind: 'duplicate' }
  | { kind: 'conflict' }
  | { kind: 'receiptTaken'; bySaleId: string };

export interface SaleWriterContext {
  storeId: number;
  currency: string;
  batchId: number | null;
  source: string;
  now: number;
  businessDay(epochMs: number): string;
}

/** A writer bound to one import run (caches customers, products and categories it has seen). */
export class SaleWriter {
  private readonly s: Stmts;
  private readonly customers = new Map<string, number>();
  private readonly products = new Map<string, number>();
  private readonly categories = new Map<string, number>();

  constructor(
    private readonly db: SqliteDb,
    private readonly ctx: SaleWriterContext,
  ) {
    this.s = stmts(db);
  }

  /** The stored sale of that id, in the form `fingerprintOf` gives a checked sale. */
  private storedFingerprint(saleId: string): string | null {
    const row = this.s.storedSale.get(saleId) as StoredSaleRow | undefined;
    if (!row) return null;
    const lines = this.s.storedLines.all(saleId) as {
      lineNo: number;
      sku: string;
      name: string;
      qty: number;
      unitPrice: number;
      lineDiscount: number;
      taxRateBp: number;
      serial: string | null;
    }[];
    const payments = this.s.storedPayments.all(saleId) as {
      tender: string;
      amount: number;
      ref: string | null;
    }[];
    const fp: Fingerprint = {
      receiptNo: row.receiptNo,
      soldAt: row.soldAt,
      phone: row.phone,
      customerName: row.phone === null ? row.customerName : null,
      cashier: row.cashier,
      subtotal: row.subtotal,
      orderDiscount: row.orderDiscount,
      total: row.total,
      taxIncluded: row.taxIncluded === 1,
      lines: lines.map((l) => [
        l.lineNo,
        l.sku,
        l.name,
        l.qty,
        l.unitPrice,
        l.lineDiscount,
        l.taxRateBp,
        l.serial,
      ]),
      payments: payments.map((p) => [p.tender, p.amount, p.ref]),
    };
    return JSON.stringify(fp);
  }

  /** Writes one sale unless it is already there (identical → duplicate, different → conflict). */
  write(v: ValidSale): WriteOutcome {
    const existing = this.s.saleStore.get(v.saleId) as { storeId: number } | undefined;
    if (existing) {
      if (existing.storeId !== this.ctx.storeId) return { kind: 'conflict' };
      return this.storedFingerprint(v.saleId) === fingerprintOf(v)
        ? { kind: 'duplicate' }
        : { kind: 'conflict' };
    }
    const owner = this.s.receiptOwner.get(this.ctx.storeId, v.receiptNo) as { id: string } | undefined;
    if (owner) return { kind: 'receiptTaken', bySaleId: owner.id };

    const customerId = this.customerFor(v);
    const c = this.ctx;
    this.s.saleInsert.run(
      v.saleId,
      c.storeId,
      v.receiptNo,
      customerId,
      v.soldAt,
      c.businessDay(v.soldAt),
      c.currency,
      v.subtotalMinor,
      v.orderDiscountMinor,
      v.totalMinor,
      v.taxIncluded ? 1 : 0,
      v.cashier,
      c.source,
      c.batchId,
    );
    for (const l of v.lines) {
      const productId = this.productFor(l);
      this.s.lineInsert.run(
        v.saleId,
        l.lineNo,
        productId,
        l.sku,
        l.name,
        l.qty,
        l.unitPriceMinor,
        l.lineDiscountMinor,
        l.taxRateBp,
        l.serial,
      );
    }
    v.payments.forEach((p, i) => this.s.paymentInsert.run(v.saleId, i + 1, p.tender, p.amountMinor, p.ref));
    return { kind: 'imported' };
  }

  /** Customer upsert: by phone (an existing name is kept; an empty one is filled); name-only → a new row. */
  private customerFor(v: ValidSale): number | null {
    if (v.customerPhone !== null) {
      const cached = this.customers.get(v.customerPhone);
      if (cached !== undefined) return cached;
      const rev = phoneRev(v.customerPhone);
      const row = this.s.customerByPhone.get(rev, v.customerPhone) as
        { id: number; name: string } | undefined;
      let id: number;
      if (row) {
        id = row.id;
        if (row.name === '' && v.customerName) this.s.customerFillName.run(v.customerName, id);
      } else {
        id = Number(
          this.s.customerInsert.run(v.customerName ?? '', v.customerPhone, rev, this.ctx.now).lastInsertRowid,
        );
      }
      this.customers.set(v.customerPhone, id);
      return id;
    }
    if (v.customerName !== null)
      return Number(this.s.customerInsert.run(v.customerName, null, null, this.ctx.now).lastInsertRowid);
    return null;
  }

  /** The product of a SKU; an unknown SKU becomes a product from the line (the POS is the catalog's source). */
  private productFor(l: ValidSale['lines'][number]): number {
    const cached = this.products.get(l.sku);
    if (cached !== undefined) return cached;
    const row = this.s.productBySku.get(l.sku) as { id: number } | undefined;
    let id: number;
    if (row) id = row.id;
    else {
      const categoryId = this.categoryFor(l.category);
      id = Number(
        this.s.productInsert.run(
          l.sku,
          l.gtin,
          l.name,
          categoryId,
          l.unitPriceMinor,
          l.taxRateBp,
          l.serial !== null ? 1 : 0,
        ).lastInsertRowid,
      );
    }
    this.products.set(l.sku, id);
    return id;
  }

  private categoryFor(category: string | null): number {
    const key = category ?? UNCATEGORISED.code;
    const cached = this.categories.get(key);
    if (cached !== undefined) return cached;
    const row = this.s.categoryFind.get({ c: key }) as { id: number } | undefined;
    let id: number;
    if (row) id = row.id;
    else {
      const [zh, en] =
        category === null ? [UNCATEGORISED.nameZh, UNCATEGORISED.nameEn] : [category, category];
      id = Number(this.s.categoryInsert.run(key, zh, en, IMPORTED_CATEGORY_PROFILE).lastInsertRowid);
    }
    this.categories.set(key, id);
    return id;
  }
}
