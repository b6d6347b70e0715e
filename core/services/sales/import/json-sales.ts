/**
 * JSON text → sale drafts. The file is an array of sale objects with nested lines and
 * payments (docs/IMPORT-FORMAT.md). Money is text ("399.00"), never a JSON number, so no
 * float ever touches an amount. Unknown keys are refused: a typo must not drop a discount.
 */
import { z } from 'zod';
import {
  fileError,
  rowError,
  type ErrorParams,
  type ImportRowError,
  type RowErrorReason,
} from './import-errors';
import type { DraftItem, ReadResult, SaleDraft } from './sale-draft';

const optText = z.string().nullable().optional();
const intLike = z.union([z.number(), z.string()]);

const jsonLine = z
  .object({
    lineNo: intLike,
    sku: z.string(),
    gtin: optText,
    name: z.string(),
    category: optText,
    qty: intLike,
    unitPrice: z.string(),
    lineDiscount: optText,
    taxRate: intLike,
    serial: optText,
  })
  .strict();

const jsonPayment = z.object({ tender: z.string(), amount: z.string(), ref: optText }).strict();

export const jsonSaleSchema = z
  .object({
    saleId: z.string(),
    receiptNo: z.string(),
    soldAt: z.string(),
    customer: z.object({ phone: optText, name: optText }).strict().nullable().optional(),
    cashier: optText,
    taxIncluded: z.boolean().optional(),
    orderDiscount: optText,
    total: z.string(),
    lines: z.array(jsonLine).max(10_000),
    payments: z.array(jsonPayment).max(100),
  })
  .strict();
export type JsonSale = z.infer<typeof jsonSaleSchema>;

const MONEY_KEYS = new Set(['unitPrice', 'lineDiscount', 'orderDiscount', 'total', 'amount']);

function pathText(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : `${out === '' ? '' : '.'}${String(p)}`;
  return out;
}

/** The value at `path` inside `root` (undefined when absent). */
function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = root;
  for (const p of path) {
    if (typeof v !== 'object' || v === null) return undefined;
    v = (v as Record<PropertyKey, unknown>)[p];
  }
  return v;
}

function issueToError(
  issue: z.core.$ZodIssue,
  element: unknown,
  row: number,
  saleId: string | null,
): ImportRowError {
  const field = pathText(issue.path);
  const last = issue.path[issue.path.length - 1];
  let reason: RowErrorReason = 'invalidField';
  const params: ErrorParams = { field };
  const value = valueAt(element, issue.path);
  if (issue.code === 'invalid_type' && value === undefined) reason = 'missingValue';
  else if (
    issue.code === 'invalid_type' &&
    typeof value === 'number' &&
    typeof last === 'string' &&
    MONEY_KEYS.has(last)
  ) {
    reason = 'moneyMustBeText';
  } else if (issue.code === 'unrecognized_keys') {
    params.field = issue.keys
      .map((k) => (field ? `${field}.${k}` : k))
      .join(', ')
      .slice(0, 120);
  }
  return rowError(row, saleId, reason, params);
}

/** Turns one validated JSON sale into the format-neutral draft. */
export function jsonSaleToDraft(s: JsonSale, row: number): SaleDraft {
  return {
    row,
    saleId: s.saleId,
    receiptNo: s.receiptNo,
    soldAt: s.soldAt,
    customerPhone: s.customer?.phone ?? '',
    customerName: s.customer?.name ?? '',
    cashier: s.cashier ?? '',
    orderDiscount: s.orderDiscount ?? '',
    total: s.total,
    taxIncluded: s.taxIncluded ?? true,
    payments: s.payments.map((p) => ({ tender: p.tender, amount: p.amount, ref: p.ref ?? '' })),
    lines: s.lines.map((l) => ({
      row,
      lineNo: l.lineNo,
      sku: l.sku,
      gtin: l.gtin ?? '',
      name: l.name,
      category: l.category ?? '',
      qty: l.qty,
      unitPrice: l.unitPrice,
      lineDiscount: l.lineDiscount ?? '',
      taxRate: l.taxRate,
      serial: l.serial ?? '',
    })),
  };
}

/** Parses the array; throws the file-level AppError when the text is not a JSON array. */
export function readJsonSales(content: string): ReadResult {
  let data: unknown;
  try {
    data = JSON.parse(content);
  } catch (e) {
    throw fileError('invalidJson', { message: (e instanceof Error ? e.message : String(e)).slice(0, 120) });
  }
  if (!Array.isArray(data)) throw fileError('notAnArray');
  if (data.length === 0) throw fileError('noRows');
  const items: DraftItem[] = data.map((el: unknown, i): DraftItem => {
    const row = i + 1;
    if (typeof el !== 'object' || el === null || Array.isArray(el)) {
      return { kind: 'failed', saleId: null, errors: [rowError(row, null, 'notAnObject')] };
    }
    const rawId = (el as { saleId?: unknown }).saleId;
    const saleId = typeof rawId === 'string' && rawId.trim() !== '' ? rawId.trim().slice(0, 64) : null;
    const parsed = jsonSaleSchema.safeParse(el);
    if (!parsed.success) {
      return {
        kind: 'failed',
        saleId,
        errors: parsed.error.issues.slice(0, 10).map((iss) => issueToError(iss, el, row, saleId)),
      };
    }
    return { kind: 'sale', draft: jsonSaleToDraft(parsed.data, row) };
  });
  return { rowsRead: data.length, items };
}
