/**
 * The format-neutral shape both readers (CSV, JSON) produce and the validator checks: every
 * value still as the file wrote it. Empty strings mean "not given" for optional fields.
 */
import type { ImportRowError } from './import-errors';

export interface LineDraft {
  /** Where the line came from (CSV line; JSON array index + 1). */
  row: number;
  lineNo: string | number;
  sku: string;
  gtin: string;
  name: string;
  category: string;
  qty: string | number;
  unitPrice: string;
  lineDiscount: string;
  taxRate: string | number;
  serial: string;
}

export interface PaymentDraft {
  tender: string;
  amount: string;
  ref: string;
}

export interface SaleDraft {
  /** First row of the sale (sale-level errors point here). */
  row: number;
  saleId: string;
  receiptNo: string;
  soldAt: string;
  customerPhone: string;
  customerName: string;
  cashier: string;
  orderDiscount: string;
  total: string;
  taxIncluded: string | boolean;
  payments: PaymentDraft[];
  lines: LineDraft[];
}

/** One item a reader hands on: a sale to validate, or rows it already refused. */
export type DraftItem =
  { kind: 'sale'; draft: SaleDraft } | { kind: 'failed'; saleId: string | null; errors: ImportRowError[] };

/** What a reader returns for a readable file. */
export interface ReadResult {
  /** Data rows read (CSV records after the header; JSON array elements). */
  rowsRead: number;
  /** Consumed once, in file order. */
  items: Iterable<DraftItem>;
}

/** The field names a user sees in each format (error params use them). */
export const FIELD_NAMES = {
  saleId: { csv: 'sale_id', json: 'saleId' },
  receiptNo: { csv: 'receipt_no', json: 'receiptNo' },
  soldAt: { csv: 'sold_at', json: 'soldAt' },
  customerPhone: { csv: 'customer_phone', json: 'customer.phone' },
  customerName: { csv: 'customer_name', json: 'customer.name' },
  cashier: { csv: 'cashier', json: 'cashier' },
  orderDiscount: { csv: 'order_discount', json: 'orderDiscount' },
  total: { csv: 'total', json: 'total' },
  taxIncluded: { csv: 'tax_included', json: 'taxIncluded' },
  payments: { csv: 'payments', json: 'payments' },
  lines: { csv: 'line_no', json: 'lines' },
  lineNo: { csv: 'line_no', json: 'lineNo' },
  sku: { csv: 'sku', json: 'sku' },
  gtin: { csv: 'gtin', json: 'gtin' },
  name: { csv: 'name', json: 'name' },
  category: { csv: 'category', json: 'category' },
  qty: { csv: 'qty', json: 'qty' },
  unitPrice: { csv: 'unit_price', json: 'unitPrice' },
  lineDiscount: { csv: 'line_discount', json: 'lineDiscount' },
  taxRate: { csv: 'tax_rate', json: 'taxRate' },
  serial: { csv: 'serial', json: 'serial' },
  tender: { csv: 'payments', json: 'tender' },
  amount: { csv: 'payments', json: 'amount' },
  ref: { csv: 'payments', json: 'ref' },
} as const;

export type ImportFormat = 'csv' | 'json';

/** The user-facing name of a draft field in a format. */
export function fieldName(field: string, format: ImportFormat): string {
  const names = (FIELD_NAMES as Record<string, { csv: string; json: string } | undefined>)[field];
  return names ? names[format] : field;
}
