/**
 * POS sales CSV as a till exports it (docs/IMPORT-FORMAT.md): the documented header, one record per
 * sale line with the sale's fields repeated, RFC 4180 quoting, CRLF line ends. No test runner
 * imports here, so child-process fixtures can use it too.
 */

/** The CSV header in the documented column order. */
export const POS_CSV_HEADER =
  'sale_id,receipt_no,sold_at,customer_phone,customer_name,line_no,sku,gtin,name,category,qty,unit_price,line_discount,tax_rate,serial,order_discount,total,payments,tax_included,cashier';

const quote = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** One quoted record from named values (unnamed columns empty). */
export function posCsvRecord(v: Partial<Record<string, string>>): string {
  return POS_CSV_HEADER.split(',')
    .map((c) => quote(v[c] ?? ''))
    .join(',');
}

/** A whole file: the header and the records, CRLF after every line. */
export function posCsvFile(records: string[]): string {
  return `${POS_CSV_HEADER}\r\n${records.join('\r\n')}\r\n`;
}

/** A sale as the JSON import reads it (the fields the CSV export carries). */
export interface PosJsonSale {
  saleId: string;
  receiptNo: string;
  soldAt: string;
  orderDiscount?: string;
  total: string;
  lines: {
    lineNo: number;
    sku: string;
    name: string;
    category: string;
    qty: number;
    unitPrice: string;
    lineDiscount?: string;
    taxRate?: string;
  }[];
  payments: { tender: string; amount: string }[];
}

/** The same sales as the till's CSV export: one record per line, the sale's fields repeated. */
export function posCsvFromJson(sales: readonly PosJsonSale[]): string {
  return posCsvFile(
    sales.flatMap((s) =>
      s.lines.map((l) =>
        posCsvRecord({
          sale_id: s.saleId,
          receipt_no: s.receiptNo,
          sold_at: s.soldAt,
          line_no: String(l.lineNo),
          sku: l.sku,
          name: l.name,
          category: l.category,
          qty: String(l.qty),
          unit_price: l.unitPrice,
          line_discount: l.lineDiscount ?? '0.00',
          tax_rate: l.taxRate ?? '13',
          order_discount: s.orderDiscount ?? '0.00',
          total: s.total,
          payments: s.payments.map((p) => `${p.tender}:${p.amount}`).join('|'),
          tax_included: 'true',
          cashier: '收银01',
        }),
      ),
    ),
  );
}
