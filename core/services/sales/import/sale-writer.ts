/**
 * Writes checked sales through the repositories (prepared queries) inside the caller's transaction: duplicate and
 * receipt checks, customer upsert by phone, product (and category) creation for unknown SKUs,
 * then the sale with its lines and payments.
 */
import type { DbClient } from '../../../../db/client';
import {
  categoryIdByCodeOrName,
  insertCategory,
  insertProduct,
  productIdBySku,
} from '../../../../db/repositories/catalog/products';
import {
  fillEmptyCustomerName,
  findCustomerByPhone,
  insertCustomer,
} from '../../../../db/repositories/customers/customers';
import {
  insertSale,
  insertSaleLine,
  insertSalePayment,
  saleIdByReceipt,
  storedSale,
  storeOfSale,
} from '../../../../db/repositories/sales/sale-writes';
import type { ValidSale } from './validate-sale';

/** Category of products created by an import line that names no category. */
export const UNCATEGORISED = { code: 'uncategorised', nameZh: '未分类', nameEn: 'Uncategorised' } as const;
/** Policy profile given to categories an import creates. */
export const IMPORTED_CATEGORY_PROFILE = 'generic-retail';

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
  private readonly customers = new Map<string, number>();
  private readonly products = new Map<string, number>();
  private readonly categories = new Map<string, number>();

  constructor(
    private readonly db: DbClient,
    private readonly ctx: SaleWriterContext,
  ) {}

  /** The stored sale of that id, in the form `fingerprintOf` gives a checked sale. */
  private storedFingerprint(saleId: string): string | null {
    const row = storedSale(this.db, saleId);
    if (!row) return null;
    const fp: Fingerprint = {
      receiptNo: row.receiptNo,
      soldAt: row.soldAt,
      phone: row.phone,
      customerName: row.phone === null ? row.customerName : null,
      cashier: row.cashier,
      subtotal: row.subtotalMinor,
      orderDiscount: row.orderDiscountMinor,
      total: row.totalMinor,
      taxIncluded: row.taxIncluded,
      lines: row.lines.map((l) => [
        l.lineNo,
        l.sku,
        l.name,
        l.qty,
        l.unitPriceMinor,
        l.lineDiscountMinor,
        l.taxRateBp,
        l.serial,
      ]),
      payments: row.payments.map((p) => [p.tender, p.amountMinor, p.ref]),
    };
    return JSON.stringify(fp);
  }

  /** Writes one sale unless it is already there (identical → duplicate, different → conflict). */
  write(v: ValidSale): WriteOutcome {
    const existingStore = storeOfSale(this.db, v.saleId);
    if (existingStore !== null) {
      if (existingStore !== this.ctx.storeId) return { kind: 'conflict' };
      return this.storedFingerprint(v.saleId) === fingerprintOf(v)
        ? { kind: 'duplicate' }
        : { kind: 'conflict' };
    }
    const owner = saleIdByReceipt(this.db, this.ctx.storeId, v.receiptNo);
    if (owner !== null) return { kind: 'receiptTaken', bySaleId: owner };

    const customerId = this.customerFor(v);
    const c = this.ctx;
    insertSale(this.db, {
      id: v.saleId,
      storeId: c.storeId,
      receiptNo: v.receiptNo,
      customerId,
      soldAt: v.soldAt,
      businessDay: c.businessDay(v.soldAt),
      currency: c.currency,
      subtotalMinor: v.subtotalMinor,
      orderDiscountMinor: v.orderDiscountMinor,
      totalMinor: v.totalMinor,
      taxIncluded: v.taxIncluded,
      cashier: v.cashier,
      source: c.source,
      importBatchId: c.batchId,
    });
    for (const l of v.lines) {
      insertSaleLine(this.db, {
        saleId: v.saleId,
        lineNo: l.lineNo,
        productId: this.productFor(l),
        sku: l.sku,
        name: l.name,
        qty: l.qty,
        unitPriceMinor: l.unitPriceMinor,
        lineDiscountMinor: l.lineDiscountMinor,
        taxRateBp: l.taxRateBp,
        serial: l.serial,
      });
    }
    v.payments.forEach((p, i) =>
      insertSalePayment(this.db, {
        saleId: v.saleId,
        seq: i + 1,
        tender: p.tender,
        amountMinor: p.amountMinor,
        ref: p.ref,
      }),
    );
    return { kind: 'imported' };
  }

  /** Customer upsert: by phone (an existing name is kept; an empty one is filled); name-only → a new row. */
  private customerFor(v: ValidSale): number | null {
    if (v.customerPhone !== null) {
      const cached = this.customers.get(v.customerPhone);
      if (cached !== undefined) return cached;
      const row = findCustomerByPhone(this.db, v.customerPhone);
      let id: number;
      if (row) {
        id = row.id;
        if (row.name === '' && v.customerName) fillEmptyCustomerName(this.db, id, v.customerName);
      } else {
        id = insertCustomer(this.db, v.customerName ?? '', v.customerPhone, this.ctx.now);
      }
      this.customers.set(v.customerPhone, id);
      return id;
    }
    if (v.customerName !== null) return insertCustomer(this.db, v.customerName, null, this.ctx.now);
    return null;
  }

  /** The product of a SKU; an unknown SKU becomes a product from the line (the POS is the catalog's source). */
  private productFor(l: ValidSale['lines'][number]): number {
    const cached = this.products.get(l.sku);
    if (cached !== undefined) return cached;
    const id =
      productIdBySku(this.db, l.sku) ??
      insertProduct(this.db, {
        sku: l.sku,
        gtin: l.gtin,
        name: l.name,
        categoryId: this.categoryFor(l.category),
        priceMinor: l.unitPriceMinor,
        taxRateBp: l.taxRateBp,
        serialized: l.serial !== null,
      });
    this.products.set(l.sku, id);
    return id;
  }

  private categoryFor(category: string | null): number {
    const key = category ?? UNCATEGORISED.code;
    const cached = this.categories.get(key);
    if (cached !== undefined) return cached;
    let id = categoryIdByCodeOrName(this.db, key);
    if (id === null) {
      const [zh, en] =
        category === null ? [UNCATEGORISED.nameZh, UNCATEGORISED.nameEn] : [category, category];
      id = insertCategory(this.db, {
        code: key,
        nameZh: zh,
        nameEn: en,
        policyProfile: IMPORTED_CATEGORY_PROFILE,
      });
    }
    this.categories.set(key, id);
    return id;
  }
}
