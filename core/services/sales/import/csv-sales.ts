/**
 * CSV text → sale drafts. One record per sale LINE; the lines of a sale are consecutive
 * records with the same sale_id and repeat the sale-level columns identically.
 * Column layout: docs/IMPORT-FORMAT.md.
 */
import { readCsv } from './csv-reader';
import { fileError, rowError, type ImportRowError } from './import-errors';
import type { DraftItem, LineDraft, PaymentDraft, ReadResult, SaleDraft } from './sale-draft';

export const CSV_REQUIRED_COLUMNS = [
  'sale_id',
  'receipt_no',
  'sold_at',
  'line_no',
  'sku',
  'name',
  'qty',
  'unit_price',
  'tax_rate',
  'total',
  'payments',
] as const;

export const CSV_OPTIONAL_COLUMNS = [
  'customer_phone',
  'customer_name',
  'cashier',
  'gtin',
  'category',
  'line_discount',
  'serial',
  'order_discount',
  'tax_included',
] as const;

type Column = (typeof CSV_REQUIRED_COLUMNS)[number] | (typeof CSV_OPTIONAL_COLUMNS)[number];

/** Columns that belong to the sale and must be the same on each of its lines. */
const SALE_COLUMNS: readonly Column[] = [
  'receipt_no',
  'sold_at',
  'customer_phone',
  'customer_name',
  'cashier',
  'order_discount',
  'total',
  'payments',
  'tax_included',
];

const KNOWN = new Set<string>([...CSV_REQUIRED_COLUMNS, ...CSV_OPTIONAL_COLUMNS]);

/** `wechat:412.20|cash:10.00` (optionally `card:100.00:REF123`) → payment drafts; null when malformed. */
export function parsePaymentsCell(cell: string): PaymentDraft[] | null {
  const s = cell.trim();
  if (s === '') return [];
  const out: PaymentDraft[] = [];
  for (const part of s.split('|')) {
    const bits = part.split(':').map((b) => b.trim());
    if (bits.length < 2 || bits.length > 3 || bits[0] === '' || bits[1] === '') return null;
    out.push({ tender: bits[0] ?? '', amount: bits[1] ?? '', ref: bits[2] ?? '' });
  }
  return out;
}

interface Row {
  line: number;
  fields: string[];
  error: ImportRowError | null;
}

interface Group {
  saleId: string;
  rows: Row[];
}

type Cell = (fields: string[], c: Column) => string;

/** Checks the header record; returns the cell accessor and the column count. Throws for a bad header. */
function readHeader(header: { line: number; fields: string[]; error?: string } | undefined): {
  cell: Cell;
  width: number;
} {
  if (!header) throw fileError('emptyFile');
  if (header.error) throw fileError('badHeader', {}, header.line);
  const names = header.fields.map((f) => f.trim().toLowerCase());
  const dupes = names.filter((n, i) => names.indexOf(n) !== i);
  const missing = CSV_REQUIRED_COLUMNS.filter((c) => !names.includes(c));
  if (missing.length === CSV_REQUIRED_COLUMNS.length) throw fileError('badHeader', {}, header.line);
  if (dupes.length > 0)
    throw fileError('duplicateColumns', { columns: [...new Set(dupes)].join(', ') }, header.line);
  if (missing.length > 0) throw fileError('missingColumns', { columns: missing.join(', ') }, header.line);
  const unknown = names.filter((n) => !KNOWN.has(n));
  if (unknown.length > 0) {
    const shown = unknown.map((u) => (u === '' ? '""' : u.slice(0, 40))).slice(0, 10);
    throw fileError('unknownColumns', { columns: shown.join(', ') }, header.line);
  }
  const index = new Map<Column, number>();
  names.forEach((n, i) => index.set(n as Column, i));
  const cell: Cell = (fields, c) => {
    const i = index.get(c);
    return i === undefined ? '' : (fields[i] ?? '');
  };
  return { cell, width: names.length };
}

/**
 * Reads the header (throws the file-level AppError when it is bad), then hands out one item per
 * sale. Two passes over the text: the first counts rows and finds sale ids whose lines are not
 * consecutive; the second builds drafts one sale at a time, so a big file is never held as drafts.
 */
export function readCsvSales(content: string): ReadResult {
  const first = readCsv(content);
  const { cell, width } = readHeader(first.next().value);
  let rowsRead = 0;
  const blocks = new Map<string, number>();
  let previous: string | null = null;
  for (const rec of first) {
    rowsRead++;
    const id = cell(rec.fields, 'sale_id').trim();
    if (id === '') continue;
    if (id !== previous) blocks.set(id, (blocks.get(id) ?? 0) + 1);
    previous = id;
  }
  return { rowsRead, items: csvItems(content, cell, width, blocks) };
}

function* csvItems(
  content: string,
  cell: Cell,
  width: number,
  blocks: Map<string, number>,
): Generator<DraftItem> {
  const records = readCsv(content);
  records.next(); // header, checked already
  let current: Group | null = null;
  for (const rec of records) {
    const saleId = cell(rec.fields, 'sale_id').trim();
    let error: ImportRowError | null = null;
    if (rec.error) error = rowError(rec.line, saleId || null, rec.error);
    else if (rec.fields.length !== width) {
      error = rowError(rec.line, saleId || null, 'columnCount', {
        expected: width,
        found: rec.fields.length,
      });
    }
    if (saleId === '' || saleId.length > 64) {
      const e =
        error ??
        (saleId === ''
          ? rowError(rec.line, null, 'missingValue', { field: 'sale_id' })
          : rowError(rec.line, null, 'tooLong', { field: 'sale_id', max: 64 }));
      yield { kind: 'failed', saleId: null, errors: [e] };
      continue;
    }
    if (!current || current.saleId !== saleId) {
      if (current) yield groupToItem(current, (blocks.get(current.saleId) ?? 1) > 1, cell);
      current = { saleId, rows: [] };
    }
    current.rows.push({ line: rec.line, fields: rec.fields, error });
  }
  if (current) yield groupToItem(current, (blocks.get(current.saleId) ?? 1) > 1, cell);
}

function groupToItem(
  group: Group,
  notContiguous: boolean,
  cell: (f: string[], c: Column) => string,
): DraftItem {
  const id = group.saleId;
  const first = group.rows[0];
  if (!first) return { kind: 'failed', saleId: id, errors: [] };
  const errors: ImportRowError[] = [];
  if (notContiguous) errors.push(rowError(first.line, id, 'saleNotContiguous'));
  for (const r of group.rows) if (r.error) errors.push(r.error);
  if (errors.length > 0) return { kind: 'failed', saleId: id, errors };

  for (const r of group.rows.slice(1)) {
    for (const c of SALE_COLUMNS) {
      if (cell(r.fields, c).trim() !== cell(first.fields, c).trim()) {
        errors.push(rowError(r.line, id, 'saleFieldsDiffer', { field: c }));
        break;
      }
    }
  }
  const payments = parsePaymentsCell(cell(first.fields, 'payments'));
  if (payments === null) {
    errors.push(
      rowError(first.line, id, 'badPayments', { value: cell(first.fields, 'payments').slice(0, 80) }),
    );
  }
  if (errors.length > 0 || payments === null) return { kind: 'failed', saleId: id, errors };

  const lines: LineDraft[] = group.rows.map((r) => ({
    row: r.line,
    lineNo: cell(r.fields, 'line_no'),
    sku: cell(r.fields, 'sku'),
    gtin: cell(r.fields, 'gtin'),
    name: cell(r.fields, 'name'),
    category: cell(r.fields, 'category'),
    qty: cell(r.fields, 'qty'),
    unitPrice: cell(r.fields, 'unit_price'),
    lineDiscount: cell(r.fields, 'line_discount'),
    taxRate: cell(r.fields, 'tax_rate'),
    serial: cell(r.fields, 'serial'),
  }));
  const draft: SaleDraft = {
    row: first.line,
    saleId: id,
    receiptNo: cell(first.fields, 'receipt_no'),
    soldAt: cell(first.fields, 'sold_at'),
    customerPhone: cell(first.fields, 'customer_phone'),
    customerName: cell(first.fields, 'customer_name'),
    cashier: cell(first.fields, 'cashier'),
    orderDiscount: cell(first.fields, 'order_discount'),
    total: cell(first.fields, 'total'),
    taxIncluded: cell(first.fields, 'tax_included'),
    payments,
    lines,
  };
  return { kind: 'sale', draft };
}
