/**
 * What a scanned code is, and which screen wants it. Order of the rules: staff badge and
 * CounterDesk document numbers by pattern; GS1 element strings (GS1 AIM id, GS/FNC1 present, or
 * `(NN)` human-readable form); GTIN-8/12/13/14 with a valid check digit; 15-digit IMEI with a valid
 * Luhn digit; 6–30 characters of [A-Za-z0-9-/] as a serial number; anything else is unknown.
 * Never throws.
 */
import { type AimInfo, parseAimId, splitAimPrefix } from './aim';
import { type DocumentNumber, parseBadge, parseDocumentNumber } from './document-number';
import { GS, type Gs1Element, type Gs1Error, type Gs1Summary, looksLikeGs1, parseGs1 } from './gs1';
import { type GtinFormat, parseGtin } from './gtin';
import { parseImei } from './imei';

export const SCAN_KINDS = [
  'sale-receipt',
  'document',
  'gtin',
  'gs1',
  'imei',
  'badge',
  'serial',
  'unknown',
] as const;
export type ScanKind = (typeof SCAN_KINDS)[number];

export const UNKNOWN_SCAN_REASONS = [
  'empty',
  'too_long',
  'bad_badge',
  'bad_document',
  'bad_gs1',
  'bad_check_digit',
  'unrecognised',
] as const;
export type UnknownScanReason = (typeof UNKNOWN_SCAN_REASONS)[number];

export interface GtinPayload {
  format: GtinFormat;
  gtin14: string;
  restrictedCirculation: boolean;
  /** EAN/UPC 2- or 5-digit add-on (AIM `]E3`), e.g. a magazine issue number. */
  addOn?: string;
}

export type Gs1Payload = { elements: Gs1Element[] } & Gs1Summary;

export interface ImeiPayload {
  imei: string;
  tac: string;
  serial: string;
}

export interface SerialPayload {
  value: string;
  /** Present when the serial is a 16-digit IMEI-SV (TAC + serial + software version). */
  imeisv?: { tac: string; serial: string; softwareVersion: string };
}

export interface BadgePayload {
  /** Canonical badge text, e.g. `CDB-7KQ2M9XA4B`. */
  text: string;
  /** The part after `CDB-`. */
  badgeCode: string;
}

/** `code` is the scanned data after the AIM prefix and the whitespace/control characters at the ends are removed. */
export type ScanClassification =
  | { kind: 'sale-receipt'; code: string; document: DocumentNumber }
  | { kind: 'document'; code: string; document: DocumentNumber }
  | { kind: 'gtin'; code: string; gtin: GtinPayload }
  | { kind: 'gs1'; code: string; gs1: Gs1Payload }
  | { kind: 'imei'; code: string; imei: ImeiPayload }
  | { kind: 'badge'; code: string; badge: BadgePayload }
  | { kind: 'serial'; code: string; serial: SerialPayload }
  | { kind: 'unknown'; code: string; reason: UnknownScanReason; detail?: string };

export interface ClassifyOptions {
  /** Year GS1 two-digit years are resolved around; default the current UTC year. */
  referenceYear?: number;
}

/** Longest scan we look at; a longer one is unknown('too_long'). */
export const MAX_SCAN_LENGTH = 4096;

const LEADING_JUNK_KEEP_GS = /^[\s\u0000-\u001c\u001e\u001f\u007f]+/;
const EDGE_JUNK = /^[\s\u0000-\u001f\u007f]+|[\s\u0000-\u001f\u007f]+$/g;
const DOCUMENT_SHAPE = /^[A-Za-z]-[0-9]{8}-[0-9]{4,6}$/;
const SERIAL_RE = /^[A-Za-z0-9\-/]{6,30}$/;
const DIGITS = /^[0-9]+$/;

/** Full-width ASCII (what a Chinese IME turns wedge keystrokes into) → ASCII; the ideographic space → space. */
export function toHalfWidth(s: string): string {
  return s
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ');
}

/** Classifies one scanned code; `aimId` is the symbology identifier when it came separately (HID-POS). */
export function classifyScan(raw: string, aimId?: string, options: ClassifyOptions = {}): ScanClassification {
  if (typeof raw !== 'string') return { kind: 'unknown', code: '', reason: 'empty' };
  if (raw.length > MAX_SCAN_LENGTH) return { kind: 'unknown', code: '', reason: 'too_long' };
  const normalised = toHalfWidth(raw).replace(LEADING_JUNK_KEEP_GS, '');
  const split = splitAimPrefix(normalised);
  const aim: AimInfo | undefined = split.aim ?? (aimId !== undefined ? parseAimId(aimId) : undefined);
  const fnc1First = split.data.startsWith(GS);
  const code = split.data.replace(EDGE_JUNK, '');
  if (code === '') return { kind: 'unknown', code, reason: 'empty' };

  if (/^CDB-/i.test(code)) {
    const badge = parseBadge(code);
    if (!badge.ok) return { kind: 'unknown', code, reason: 'bad_badge' };
    return { kind: 'badge', code, badge: { text: badge.text, badgeCode: badge.badgeCode } };
  }

  if (DOCUMENT_SHAPE.test(code)) {
    const doc = parseDocumentNumber(code);
    if (doc.ok) {
      const { ok: _ok, ...document } = doc;
      return document.type === 'sale-receipt'
        ? { kind: 'sale-receipt', code, document }
        : { kind: 'document', code, document };
    }
    if (doc.reason !== 'unknown_prefix')
      return { kind: 'unknown', code, reason: 'bad_document', detail: doc.reason };
  }

  if (aim?.gs1 || fnc1First || looksLikeGs1(code)) {
    const gs1 = parseGs1(aim?.gs1 ? `${aim.id}${code}` : code, options);
    if (!gs1.ok) return { kind: 'unknown', code, reason: 'bad_gs1', detail: gs1Detail(gs1.reason, gs1.ai) };
    const { ok: _ok, ...payload } = gs1;
    return { kind: 'gs1', code, gs1: payload };
  }

  if (DIGITS.test(code)) {
    const ean =
      aim?.symbology === 'ean-upc' || aim?.symbology === 'ean-8' || aim?.symbology === 'ean-upc-with-addon';
    if (aim?.symbology === 'ean-upc-with-addon' && (code.length === 15 || code.length === 18)) {
      const g = parseGtin(code.slice(0, 13));
      if (g.ok) return { kind: 'gtin', code, gtin: gtinPayload(g, code.slice(13)) };
      return { kind: 'unknown', code, reason: 'bad_check_digit' };
    }
    const g = parseGtin(code);
    if (g.ok) return { kind: 'gtin', code, gtin: gtinPayload(g) };
    // A scanner verifies the EAN/UPC check digit itself, so a wrong one from that symbology is damage, not a serial.
    if (ean)
      return {
        kind: 'unknown',
        code,
        reason: g.reason === 'bad_check_digit' ? 'bad_check_digit' : 'unrecognised',
      };
    const imei = parseImei(code);
    if (imei.ok && imei.kind === 'imei') {
      return { kind: 'imei', code, imei: { imei: imei.imei, tac: imei.tac, serial: imei.serial } };
    }
    if (imei.ok && imei.kind === 'imeisv') {
      const imeisv = { tac: imei.tac, serial: imei.serial, softwareVersion: imei.softwareVersion };
      return { kind: 'serial', code, serial: { value: code, imeisv } };
    }
  }

  if (SERIAL_RE.test(code)) return { kind: 'serial', code, serial: { value: code } };
  return { kind: 'unknown', code, reason: 'unrecognised' };
}

function gtinPayload(g: Extract<ReturnType<typeof parseGtin>, { ok: true }>, addOn?: string): GtinPayload {
  const p: GtinPayload = {
    format: g.format,
    gtin14: g.gtin14,
    restrictedCirculation: g.restrictedCirculation,
  };
  if (addOn) p.addOn = addOn;
  return p;
}

function gs1Detail(reason: Gs1Error, ai?: string): string {
  return ai ? `${reason}:${ai}` : reason;
}

/** Screens a scan can be routed to; `active-field` = the input that has the focus and accepts this kind. */
export const SCAN_ROUTES = ['returns', 'bench', 'complaints', 'signin', 'active-field', 'none'] as const;
export type ScanRoute = (typeof SCAN_ROUTES)[number];

/**
 * Which screen wants a scan: a sale receipt opens the sale on Returns (so do return and exchange slips),
 * a repair job opens on the Bench, a complaint on Complaints, a badge switches clerk, product codes
 * fill the focused field, unknown scans go nowhere (the status bar explains).
 */
export function routeFor(c: ScanClassification): ScanRoute {
  switch (c.kind) {
    case 'sale-receipt':
      return 'returns';
    case 'document':
      if (c.document.type === 'repair-job') return 'bench';
      if (c.document.type === 'complaint') return 'complaints';
      return 'returns';
    case 'badge':
      return 'signin';
    case 'gtin':
    case 'gs1':
    case 'imei':
    case 'serial':
      return 'active-field';
    case 'unknown':
      return 'none';
  }
}
