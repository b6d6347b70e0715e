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
