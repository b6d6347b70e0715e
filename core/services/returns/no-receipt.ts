/**
 * The facts a no-receipt return is decided on: the product (by SKU or barcode), its lowest selling
 * price of the last 90 days (line price after the line's own discount, per unit; never above the current
 * price; the current price when it did not sell), the customer by phone, and the no-receipt store credit that customer got in
 * this store-local calendar month.
 */
import type { DbClient } from '../../../db/client';
import { findCustomerByPhone, type CustomerRow } from '../../../db/repositories/customers/customers';
import {
  lowestUnitPrice,
  noReceiptCreditIssued,
  noReceiptCreditIssuedToIdDocument,
  productByGtin,
  productBySku as productBySkuRow,
  type ProductRow,
} from '../../../db/repositories/returns/quote-facts';
import { AppError } from '../../../shared/contract/errors';
import type { NoReceiptInput } from '../../../shared/contract/methods/returns';
import { addDays, businessDay, startOfBusinessDay } from '../../../shared/domain/time/business-day';

export const LOWEST_PRICE_DAYS = 90;

export type { CustomerRow, ProductRow };

/** The product of a SKU (any active state). */
export function productBySku(db: DbClient, sku: string): ProductRow | null {
  return productBySkuRow(db, sku) ?? null;
}

/** The product of a scanned barcode or typed SKU (a digits-only code is tried as GTIN, then as SKU). */
export function productByCode(db: DbClient, code: string): ProductRow {
  const text = code.trim();
  const byGtin = /^\d{8,14}$/.test(text) ? (productByGtin(db, text) ?? null) : null;
  const row = byGtin ?? productBySku(db, text);
  if (!row) throw new AppError('RETURN_PRODUCT_UNKNOWN', { sku: text, gtin: text });
  return row;
}

/** The product a no-receipt return names, or RETURN_PRODUCT_UNKNOWN. */
export function noReceiptProduct(db: DbClient, input: NoReceiptInput): ProductRow {
  const row =
    input.productSku !== undefined
      ? productBySku(db, input.productSku)
      : (productByGtin(db, input.gtin ?? '') ?? null);
  if (!row) {
    throw new AppError('RETURN_PRODUCT_UNKNOWN', { sku: input.productSku ?? null, gtin: input.gtin ?? null });
  }
  return row;
}

/** Lowest unit price of the SKU over the last 90 store-local days up to today; the current price if unsold. */
export function lowestRecentPrice(
  db: DbClient,
  storeId: number,
  product: ProductRow,
  now: number,
  timeZone: string,
): { priceMinor: number; source: 'sales_90d' | 'current_price' } {
  const today = businessDay(now, timeZone);
  const price = lowestUnitPrice(db, {
    storeId,
    sku: product.sku,
    fromDay: addDays(today, -LOWEST_PRICE_DAYS),
    toDay: today,
  });
  if (price === null || price < 0) return { priceMinor: product.priceMinor, source: 'current_price' };
  return { priceMinor: Math.min(price, product.priceMinor), source: 'sales_90d' };
}

/** The customer with exactly this phone number, or null. */
export function customerByPhone(db: DbClient, phone: string): CustomerRow | null {
  return findCustomerByPhone(db, phone);
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
  db: DbClient,
  customerId: number | null,
  now: number,
  timeZone: string,
): number {
  if (customerId === null) return 0;
  const { start, end } = monthRange(now, timeZone);
  return noReceiptCreditIssued(db, customerId, start, end);
}

/** An ID document number as compared for the monthly limit: trimmed, upper-case, no spaces or hyphens. */
export function normaliseIdDocument(id: string): string {
  return id
    .trim()
    .toUpperCase()
    .replace(/[\s\-\u3000]/g, '');
}

/**
 * No-receipt store credit this month for the limit: by the customer's phone OR by the normalised ID
 * document, whichever is higher (a second phone does not reset the limit of the same person).
 */
export function noReceiptUsedThisMonth(
  db: DbClient,
  customerId: number | null,
  idDocument: string,
  now: number,
  timeZone: string,
): number {
  const byPhone = noReceiptCreditThisMonth(db, customerId, now, timeZone);
  const id = normaliseIdDocument(idDocument);
  if (id === '') return byPhone;
  const { start, end } = monthRange(now, timeZone);
  return Math.max(byPhone, noReceiptCreditIssuedToIdDocument(db, id, start, end));
}

/** "110***********1234": an ID number with only its first three and last four characters shown. */
export function maskIdDocument(id: string): string {
  const t = id.trim();
  if (t.length <= 4) return '*'.repeat(t.length);
  return `${t.slice(0, Math.min(3, t.length - 4))}${'*'.repeat(t.length - Math.min(3, t.length - 4) - 4)}${t.slice(-4)}`;
}
