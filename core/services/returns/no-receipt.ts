/**
 * The facts a no-receipt return is decided on: the product (by SKU or barcode), its lowest selling
 * price of the last 90 days (line price after the line's own discount, per unit; never above the current
 * price; the current price when it did not sell), the customer by phone, and the no-receipt store credit that customer got in
 * this store-local calendar month.
 */
import { clientOfHandle } from '../../../db/client';
import type { SqliteDb } from '../../../db/open';
import { findCustomerByPhone } from '../../../db/repositories/customers/customers';
import { AppError } from '../../../shared/contract/errors';
import type { NoReceiptInput } from '../../../shared/contract/methods/returns';
import { addDays, businessDay, startOfBusinessDay } from '../../../shared/domain/time/business-day';
import { prepared } from './prepared';

export const LOWEST_PRICE_DAYS = 90;

export interface ProductRow {
  id: number;
  sku: string;
  name: string;
  priceMinor: number;
  taxRateBp: number;
  serialized: number;
  active: number;
  categoryCode: string | null;
  policyProfile: string | null;
}

export interface CustomerRow {
  id: number;
  name: string;
  phone: string | null;
}

const PRODUCT_SELECT = `SELECT p.id, p.sku, p.name, p.price_minor AS priceMinor, p.tax_rate_bp AS taxRateBp,
  p.serialized, p.active, c.code AS categoryCode, c.policy_profile AS policyProfile
  FROM products p LEFT JOIN categories c ON c.id = p.category_id`;

const SQL = {
  bySku: `${PRODUCT_SELECT} WHERE p.sku = ?`,
  byGtin: `${PRODUCT_SELECT} WHERE p.gtin = ? ORDER BY p.active DESC, p.id LIMIT 1`,
  // Driven by the sales day index (a business-day range), then each sale's lines by its key.
  lowest: `SELECT MIN((l.qty * l.unit_price_minor - l.line_discount_minor) / l.qty) AS price
    FROM sales s JOIN sale_lines l ON l.sale_id = s.id
    WHERE s.business_day >= ? AND s.business_day <= ? AND s.store_id = ? AND l.sku = ? AND l.qty > 0`,
  monthCredit: `SELECT COALESCE(SUM(l.amount_minor), 0) AS used
    FROM returns r JOIN store_credit_ledger l ON l.credit_code = r.id AND l.ref_type = 'return' AND l.ref_id = r.id
    WHERE r.customer_id = ? AND r.created_at >= ? AND r.created_at < ? AND r.sale_id IS NULL
      AND r.status = 'completed' AND l.amount_minor > 0`,
} as const;

/** The product of a SKU (any active state). */
export function productBySku(db: SqliteDb, sku: string): ProductRow | null {
  return (prepared(db, SQL.bySku).get(sku) as ProductRow | undefined) ?? null;
}

/** The product of a scanned barcode or typed SKU (a digits-only code is tried as GTIN, then as SKU). */
export function productByCode(db: SqliteDb, code: string): ProductRow {
  const text = code.trim();
  const byGtin = /^\d{8,14}$/.test(text)
    ? ((prepared(db, SQL.byGtin).get(text) as ProductRow | undefined) ?? null)
    : null;
  const row = byGtin ?? productBySku(db, text);
  if (!row) throw new AppError('RETURN_PRODUCT_UNKNOWN', { sku: text, gtin: text });
  return row;
}

/** The product a no-receipt return names, or RETURN_PRODUCT_UNKNOWN. */
export function noReceiptProduct(db: SqliteDb, input: NoReceiptInput): ProductRow {
  const row =
    input.productSku !== undefined
      ? productBySku(db, input.productSku)
      : ((prepared(db, SQL.byGtin).get(input.gtin ?? '') as ProductRow | undefined) ?? null);
  if (!row) {
    throw new AppError('RETURN_PRODUCT_UNKNOWN', { sku: input.productSku ?? null, gtin: input.gtin ?? null });
  }
  return row;
}

/** Lowest unit price of the SKU over the last 90 store-local days up to today; the current price if unsold. */
export function lowestRecentPrice(
  db: SqliteDb,
  storeId: number,
  product: ProductRow,
  now: number,
  timeZone: string,
): { priceMinor: number; source: 'sales_90d' | 'current_price' } {
  const today = businessDay(now, timeZone);
  const row = prepared(db, SQL.lowest).get(
    addDays(today, -LOWEST_PRICE_DAYS),
    today,
    storeId,
    product.sku,
  ) as { price: number | null };
  if (row.price === null || row.price < 0) return { priceMinor: product.priceMinor, source: 'current_price' };
  return { priceMinor: Math.min(row.price, product.priceMinor), source: 'sales_90d' };
}

/** The customer with exactly this phone number, or null. */
export function customerByPhone(db: SqliteDb, phone: string): CustomerRow | null {
  return findCustomerByPhone(clientOfHandle(db), phone);
}

/** UTC range [start, end) of the store-local calendar month that contains `now`. */
export function monthRange(now: number, timeZone: string): { start: number; end: number } {
  const day = businessDay(now, timeZone);
  const first = `${day.slice(0, 8)}01`;
  const next = addDays(first, 32).slice(0, 8) + '01';
  return { start: startOfBusinessDay(first, timeZone), end: startOfBusinessDay(next, timeZone) };
}

/** No-receipt store credit the customer got this store-local month. */
export function noReceiptCreditThisMonth(
  db: SqliteDb,
  customerId: number | null,
  now: number,
  timeZone: string,
): number {
  if (customerId === null) return 0;
  const { start, end } = monthRange(now, timeZone);
  return (prepared(db, SQL.monthCredit).get(customerId, start, end) as { used: number }).used;
}

/** "110***********1234": an ID number with only its first three and last four characters shown. */
export function maskIdDocument(id: string): string {
  const t = id.trim();
  if (t.length <= 4) return '*'.repeat(t.length);
  return `${t.slice(0, Math.min(3, t.length - 4))}${'*'.repeat(t.length - Math.min(3, t.length - 4) - 4)}${t.slice(-4)}`;
}
