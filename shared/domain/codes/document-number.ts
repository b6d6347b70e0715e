/**
 * CounterDesk document numbers `<P>-<YYYYMMDD>-<NNNN>` (sequence 4–6 digits, per business day) and
 * staff badges `CDB-<code>`. The sequence is allocated by db/sequences.ts; this file only reads and
 * writes the text. Never throws on input it parses.
 */
import { daysInMonth } from '../time/calendar';

export const DOCUMENT_TYPES = ['sale-receipt', 'return', 'exchange', 'repair-job', 'complaint'] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

/** The one-letter prefix of each document type. S = sale receipt imported from the POS. */
export const DOCUMENT_PREFIX: Record<DocumentType, string> = {
  'sale-receipt': 'S',
  return: 'R',
  exchange: 'X',
  'repair-job': 'J',
  complaint: 'C',
};

const TYPE_BY_PREFIX = new Map(Object.entries(DOCUMENT_PREFIX).map(([t, p]) => [p, t as DocumentType]));

export const DOCUMENT_NUMBER_ERRORS = ['bad_format', 'unknown_prefix', 'bad_date', 'bad_sequence'] as const;
export type DocumentNumberError = (typeof DOCUMENT_NUMBER_ERRORS)[number];

export interface DocumentNumber {
  /** Canonical text, upper case, e.g. `R-20261123-0007`. */
  text: string;
  type: DocumentType;
  prefix: string;
  /** Business day as `YYYY-MM-DD`. */
  day: string;
  sequence: number;
}

export type DocumentNumberResult =
  ({ ok: true } & DocumentNumber) | { ok: false; reason: DocumentNumberError };

const DOC_RE = /^([A-Z])-([0-9]{8})-([0-9]{4,6})$/;
const MAX_SEQUENCE = 999_999;

/** Parses `R-20261123-0007` (case-insensitive) into type, business day and sequence. */
export function parseDocumentNumber(raw: string): DocumentNumberResult {
  if (typeof raw !== 'string') return { ok: false, reason: 'bad_format' };
  const m = DOC_RE.exec(raw.trim().toUpperCase());
  if (!m) return { ok: false, reason: 'bad_format' };
  const prefix = m[1] ?? '';
  const type = TYPE_BY_PREFIX.get(prefix);
  if (!type) return { ok: false, reason: 'unknown_prefix' };
  const ymd = m[2] ?? '';
  const day = `${ymd.slice(0, 4)}-${ymd.slice(4, 6)}-${ymd.slice(6, 8)}`;
  if (!isCalendarDay(day)) return { ok: false, reason: 'bad_date' };
  const digits = m[3] ?? '';
  const sequence = Number(digits);
  if (sequence === 0) return { ok: false, reason: 'bad_sequence' };
  return { ok: true, text: `${prefix}-${ymd}-${digits}`, type, prefix, day, sequence };
}

/**
 * `formatDocumentNumber('return', '2026-11-23', 7)` → `'R-20261123-0007'`. Throws RangeError for a
 * day that is not a calendar date or a sequence outside 1–999999 (programming errors).
 */
export function formatDocumentNumber(type: DocumentType, day: string, sequence: number): string {
  if (!isCalendarDay(day)) throw new RangeError(`not a calendar day: ${day}`);
  if (!Number.isSafeInteger(sequence) || sequence < 1 || sequence > MAX_SEQUENCE)
    throw new RangeError(`document sequence out of range: ${sequence}`);
  return `${DOCUMENT_PREFIX[type]}-${day.replaceAll('-', '')}-${String(sequence).padStart(4, '0')}`;
}

/** True for `YYYY-MM-DD` naming a real Gregorian date in years 2000–2099. */
export function isCalendarDay(day: string): boolean {
  const m = /^(20[0-9]{2})-([0-9]{2})-([0-9]{2})$/.exec(day);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

/** `badgeCode` is the part after `CDB-`: a staff code, or the random badge secret core/services/auth issues. */
export type BadgeResult = { ok: true; text: string; badgeCode: string } | { ok: false; reason: 'bad_format' };

const BADGE_RE = /^CDB-([A-Z0-9]{3,12})$/;

/** Parses a staff badge `CDB-<3–12 of A–Z 0–9>` (case-insensitive; canonical upper case). */
export function parseBadge(raw: string): BadgeResult {
  if (typeof raw !== 'string') return { ok: false, reason: 'bad_format' };
  const text = raw.trim().toUpperCase();
  const m = BADGE_RE.exec(text);
  if (!m) return { ok: false, reason: 'bad_format' };
  return { ok: true, text, badgeCode: m[1] ?? '' };
}

/** Text a POS could print as a receipt number (1–64 of letters, digits, `_ . / -`). */
const RECEIPT_TEXT = /^[A-Za-z0-9][A-Za-z0-9_./-]{0,63}$/;

/** Why a receipt number found no sale: `SALE_NOT_FOUND`'s details (shown text capped at 64). */
export interface ReceiptMiss {
  receiptNo: string;
  /** malformed: not receipt-like text; not_a_sale: another document's number (R/X/J/C); unknown. */
  why: 'malformed' | 'not_a_sale' | 'unknown';
  documentType?: DocumentType;
}

/**
 * The details of a receipt lookup that found nothing: a return number (R-…) or another document
 * typed where a sale receipt is expected says so. Call it only after the lookup missed: a POS's
 * own receipt numbers may look like anything.
 */
export function receiptLookupMiss(receiptNo: string): ReceiptMiss {
  const text = receiptNo.trim();
  const shown = text.slice(0, 64);
  if (!RECEIPT_TEXT.test(text)) return { receiptNo: shown, why: 'malformed' };
  const doc = parseDocumentNumber(text);
  if (doc.ok && doc.type !== 'sale-receipt')
    return { receiptNo: shown, why: 'not_a_sale', documentType: doc.type };
  return { receiptNo: shown, why: 'unknown' };
}
