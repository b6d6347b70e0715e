/**
 * One sale draft → a checked sale in integer minor units, or its list of row errors.
 * Field formats are a zod schema whose issues carry i18n keys; the arithmetic (lines −
 * discounts = total = payments) and the per-sale rules are checked after it.
 */
import { z } from 'zod';
import { allocateLargestRemainder } from '../../../../shared/domain/money/allocate';
import { percentOf } from '../../../../shared/domain/money/percent';
import { parseDecimalMinor, parsePercentBp, minorToDecimal } from './decimal';
import {
  errorKey,
  rowError,
  type ErrorParams,
  type ImportRowError,
  type RowErrorReason,
} from './import-errors';
import { isValidGtin } from '../../../../shared/domain/codes/gtin';
import { isTender, type Tender } from '../../../../shared/domain/money/tenders';
import { parseIsoInstant } from './iso-instant';
import { fieldName, type ImportFormat, type SaleDraft } from './sale-draft';

export interface ValidLine {
  row: number;
  lineNo: number;
  sku: string;
  gtin: string | null;
  name: string;
  category: string | null;
  qty: number;
  unitPriceMinor: number;
  lineDiscountMinor: number;
  taxRateBp: number;
  serial: string | null;
}

export interface ValidPayment {
  tender: Tender;
  amountMinor: number;
  ref: string | null;
}

export interface ValidSale {
  row: number;
  saleId: string;
  receiptNo: string;
  soldAt: number;
  customerPhone: string | null;
  customerName: string | null;
  cashier: string | null;
  subtotalMinor: number;
  orderDiscountMinor: number;
  totalMinor: number;
  taxIncluded: boolean;
  payments: ValidPayment[];
  lines: ValidLine[];
}

export interface ValidateOptions {
  format: ImportFormat;
  /** Decimals of the store currency (2 for CNY). */
  minorDigits: number;
  now: number;
}

/** How far a sale may lie in the future (POS clocks drift a little). */
export const FUTURE_TOLERANCE_MS = 10 * 60_000;

type Ctx = z.RefinementCtx;

function fail(ctx: Ctx, reason: RowErrorReason, params: ErrorParams = {}): typeof z.NEVER {
  ctx.addIssue({ code: 'custom', message: errorKey(reason), params });
  return z.NEVER;
}

const CONTROL_RE = /[\u0000-\u001f\u007f\ufffd]/;

/** Line breaks and tabs inside a value (legal in quoted CSV) become one space. */
const BREAKS_RE = /[\t\r\n]+/g;

function cleanText(raw: string, max: number, required: boolean, ctx: Ctx): string | null {
  const s = raw.replace(BREAKS_RE, ' ').trim();
  if (s === '') return required ? fail(ctx, 'missingValue') : null;
  if (s.length > max) return fail(ctx, 'tooLong', { max });
  if (CONTROL_RE.test(s)) return fail(ctx, 'badText');
  return s;
}

/** Required trimmed text: empty → missingValue; too long or control characters refused. */
function text(max: number) {
  return z
    .string()
    .transform((raw, ctx): string => cleanText(raw, max, true, ctx) ?? fail(ctx, 'missingValue'));
}

/** Optional trimmed text: empty → null. */
function optionalText(max: number) {
  return z.string().transform((raw, ctx): string | null => cleanText(raw, max, false, ctx));
}

function moneyField(digits: number, required: boolean) {
  return z.string().transform((raw, ctx) => {
    const s = raw.trim();
    if (s === '') return required ? fail(ctx, 'missingValue') : 0;
    const r = parseDecimalMinor(s, digits);
    if (r.ok) return r.value;
    return fail(ctx, r.reason === 'out_of_range' ? 'amountTooLarge' : 'badMoney', { value: s.slice(0, 40) });
  });
}

function intField(reason: RowErrorReason, max: number) {
  return z.union([z.string(), z.number()]).transform((raw, ctx) => {
    const s = typeof raw === 'number' ? String(raw) : raw.trim();
    if (s === '') return fail(ctx, 'missingValue');
    if (!/^\d{1,9}$/.test(s)) return fail(ctx, reason, { value: s.slice(0, 40) });
    const n = Number(s);
    if (n < 1 || n > max) return fail(ctx, reason, { value: s.slice(0, 40) });
    return n;
  });
}

const taxRate = z.union([z.string(), z.number()]).transform((raw, ctx) => {
  const s = typeof raw === 'number' ? String(raw) : raw.trim();
  if (s === '') return fail(ctx, 'missingValue');
  const r = parsePercentBp(s);
  return r.ok ? r.value : fail(ctx, 'badTaxRate', { value: s.slice(0, 40) });
});

const taxIncluded = z.union([z.string(), z.boolean()]).transform((raw, ctx) => {
  if (typeof raw === 'boolean') return raw;
  const s = raw.trim().toLowerCase();
  if (s === '' || s === 'true' || s === '1' || s === 'yes') return true;
  if (s === 'false' || s === '0' || s === 'no') return false;
  return fail(ctx, 'badBoolean', { value: raw.slice(0, 40) });
});

/** Digits of a phone number; "+86 138-0013-8000" and "008613800138000" become "13800138000". */
export function normalisePhone(raw: string): string | null {
  const s = raw.replace(/[\s\-()]/g, '');
  if (!/^\+?\d{5,15}$/.test(s)) return null;
  const digits = s.startsWith('+') ? s.slice(1) : s;
  const mobile = /^(?:86|0086)(1\d{10})$/.exec(digits);
  return mobile?.[1] ?? digits;
}

const phone = z.string().transform((raw, ctx) => {
  const s = raw.trim();
  if (s === '') return null;
  return normalisePhone(s) ?? fail(ctx, 'badPhone', { value: s.slice(0, 40) });
});

const gtin = z.string().transform((raw, ctx) => {
  const s = raw.trim();
  if (s === '') return null;
  return isValidGtin(s) ? s : fail(ctx, 'badGtin', { value: s.slice(0, 40) });
});

const serial = z.string().transform((raw, ctx) => {
  const s = raw.trim();
  if (s === '') return null;
  return /^[A-Za-z0-9][A-Za-z0-9\-_/.]{3,39}$/.test(s)
    ? s
    : fail(ctx, 'badSerial', { value: s.slice(0, 40) });
});

const tender = z.string().transform((raw, ctx) => {
  const s = raw.trim().toLowerCase();
  return isTender(s) ? s : fail(ctx, 'unknownTender', { tender: raw.slice(0, 40) });
});

function soldAtField(now: number) {
  return z.string().transform((raw, ctx) => {
    const s = raw.trim();
    if (s === '') return fail(ctx, 'missingValue');
    const t = parseIsoInstant(s);
    if (t === null) return fail(ctx, 'badDate', { value: s.slice(0, 40) });
    if (t > now + FUTURE_TOLERANCE_MS) return fail(ctx, 'soldInFuture', { value: s });
    return t;
  });
}

function paymentAmount(digits: number) {
  return moneyField(digits, true).transform((v, ctx) => (v > 0 ? v : fail(ctx, 'badPaymentAmount')));
}

function draftSchema(opts: ValidateOptions) {
  const d = opts.minorDigits;
  return z.object({
    row: z.number(),
    saleId: text(64),
    receiptNo: text(64),
    soldAt: soldAtField(opts.now),
    customerPhone: phone,
    customerName: optionalText(40),
    cashier: optionalText(40),
    orderDiscount: moneyField(d, false),
    total: moneyField(d, true),
    taxIncluded,
    payments: z.array(z.object({ tender, amount: paymentAmount(d), ref: optionalText(64) })),
    lines: z.array(
      z.object({
        row: z.number(),
        lineNo: intField('badLineNo', 9999),
        sku: text(64),
        gtin,
        name: text(200),
        category: optionalText(40),
        qty: intField('badQty', 99_999),
        unitPrice: moneyField(d, true),
        lineDiscount: moneyField(d, false),
        taxRate,
        serial,
      }),
    ),
  });
}

const schemaCache = new Map<string, ReturnType<typeof draftSchema>>();

function schemaFor(opts: ValidateOptions) {
  // The schema depends on `now` only through the future check: one schema per import run.
  const key = `${opts.minorDigits}:${opts.now}`;
  let s = schemaCache.get(key);
  if (!s) {
    if (schemaCache.size > 16) schemaCache.clear();
    s = draftSchema(opts);
    schemaCache.set(key, s);
  }
  return s;
}

/**
 * VAT added on top when prices exclude it: the order discount is shared over the lines by
 * largest remainder (as refunds share it), then each line's tax is rounded half-up.
 */
export function addedTax(
  lines: readonly { qty: number; unitPrice: number; lineDiscount: number; taxRate: number }[],
  orderDiscount: number,
): number {
  const nets = lines.map((l) => l.qty * l.unitPrice - l.lineDiscount);
  const shares = allocateLargestRemainder(orderDiscount, nets);
  return nets.reduce((sum, net, i) => {
    const rate = lines[i]?.taxRate ?? 0;
    return sum + percentOf(net - (shares[i] ?? 0), rate, 'half_up');
  }, 0);
}

/** The field an issue is about, as the user wrote it: `unit_price` (CSV) or `lines[0].unitPrice` (JSON). */
function issueField(path: readonly PropertyKey[], format: ImportFormat): string {
  const last = [...path].reverse().find((p): p is string => typeof p === 'string') ?? '';
  const name = fieldName(last, format);
  if (format === 'csv') return name;
  const [head, index] = path;
  if ((head === 'lines' || head === 'payments') && typeof index === 'number' && last !== head)
    return `${head}[${index}].${name}`;
  return name;
}

export type ValidateResult = { ok: true; sale: ValidSale } | { ok: false; errors: ImportRowError[] };

/** Checks one draft: formats first (all field errors at once), then the sale's arithmetic. */
export function validateSale(draft: SaleDraft, opts: ValidateOptions): ValidateResult {
  const saleId = draft.saleId.trim() === '' ? null : draft.saleId.trim();
  const parsed = schemaFor(opts).safeParse(draft);
  if (!parsed.success) {
    const errors = parsed.error.issues.map((issue) => {
      const path = issue.path;
      let row = draft.row;
      if (path[0] === 'lines' && typeof path[1] === 'number') row = draft.lines[path[1]]?.row ?? row;
      const params: ErrorParams = { field: issueField(path, opts.format) };
      if (issue.code === 'custom' && issue.params) {
        for (const [k, v] of Object.entries(issue.params))
          if (typeof v === 'string' || typeof v === 'number') params[k] = v;
      }
      const reason = issue.message.startsWith('import.errors.') ? issue.message : errorKey('invalidField');
      return { row, saleId, reason, params };
    });
    return { ok: false, errors };
  }
  const v = parsed.data;
  const id = v.saleId;
  const errors: ImportRowError[] = [];
  const money = (m: number) => minorToDecimal(m, opts.minorDigits);

  if (v.lines.length === 0) errors.push(rowError(v.row, id, 'noLines'));
  const seenLineNos = new Set<number>();
  let subtotal = 0;
  for (const l of v.lines) {
    if (seenLineNos.has(l.lineNo)) errors.push(rowError(l.row, id, 'duplicateLineNo', { lineNo: l.lineNo }));
    seenLineNos.add(l.lineNo);
    if (l.serial !== null && l.qty !== 1)
      errors.push(rowError(l.row, id, 'serialNeedsQtyOne', { lineNo: l.lineNo }));
    const gross = l.unitPrice * l.qty;
    if (!Number.isSafeInteger(gross) || gross > 9_000_000_000_000) {
      errors.push(rowError(l.row, id, 'amountTooLarge', { field: fieldName('unitPrice', opts.format) }));
      continue;
    }
    if (l.lineDiscount > gross) {
      errors.push(
        rowError(l.row, id, 'lineDiscountTooLarge', {
          lineNo: l.lineNo,
          discount: money(l.lineDiscount),
          gross: money(gross),
        }),
      );
      continue;
    }
    subtotal += gross - l.lineDiscount;
  }
  if (errors.length > 0) return { ok: false, errors };
  if (subtotal > 9_000_000_000_000)
    return {
      ok: false,
      errors: [rowError(v.row, id, 'amountTooLarge', { field: fieldName('total', opts.format) })],
    };
  if (v.orderDiscount > subtotal) {
    return {
      ok: false,
      errors: [
        rowError(v.row, id, 'orderDiscountTooLarge', {
          discount: money(v.orderDiscount),
          subtotal: money(subtotal),
        }),
      ],
    };
  }
  const computed = subtotal - v.orderDiscount + (v.taxIncluded ? 0 : addedTax(v.lines, v.orderDiscount));
  if (computed !== v.total) {
    errors.push(rowError(v.row, id, 'totalMismatch', { computed: money(computed), stated: money(v.total) }));
  }
  const paid = v.payments.reduce((s, p) => s + p.amount, 0);
  if (paid !== v.total) {
    errors.push(rowError(v.row, id, 'paymentsMismatch', { paid: money(paid), total: money(v.total) }));
  }
  if (errors.length > 0) return { ok: false, errors };

  return {
    ok: true,
    sale: {
      row: v.row,
      saleId: id,
      receiptNo: v.receiptNo,
      soldAt: v.soldAt,
      customerPhone: v.customerPhone,
      customerName: v.customerName,
      cashier: v.cashier,
      subtotalMinor: subtotal,
      orderDiscountMinor: v.orderDiscount,
      totalMinor: v.total,
      taxIncluded: v.taxIncluded,
      payments: v.payments.map((p) => ({ tender: p.tender, amountMinor: p.amount, ref: p.ref })),
      lines: v.lines.map((l) => ({
        row: l.row,
        lineNo: l.lineNo,
        sku: l.sku,
        gtin: l.gtin,
        name: l.name,
        category: l.category,
        qty: l.qty,
        unitPriceMinor: l.unitPrice,
        lineDiscountMinor: l.lineDiscount,
        taxRateBp: l.taxRate,
        serial: l.serial,
      })),
    },
  };
}
