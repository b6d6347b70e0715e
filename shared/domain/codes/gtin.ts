/**
 * GS1 identification keys with a mod-10 check digit: GTIN-8 (EAN-8), GTIN-12 (UPC-A),
 * GTIN-13 (EAN-13), GTIN-14, and the same algorithm for GLN (13) and SSCC (18).
 * Never throws: hostile input gives `{ ok: false, reason }`.
 */

export const GTIN_FORMATS = ['EAN-8', 'UPC-A', 'EAN-13', 'GTIN-14'] as const;
export type GtinFormat = (typeof GTIN_FORMATS)[number];

export const GTIN_ERRORS = ['not_digits', 'bad_length', 'bad_check_digit'] as const;
export type GtinError = (typeof GTIN_ERRORS)[number];

export type GtinResult =
  | {
      ok: true;
      /** The code as scanned (digits only). */
      code: string;
      format: GtinFormat;
      /** Left-padded with zeros to 14 digits: the form a database should key on. */
      gtin14: string;
      checkDigit: number;
      /** A restricted circulation number (GS1 prefix 02, 04, 2x; EAN-8 0/2): assigned in-store, e.g. weighed goods. */
      restrictedCirculation: boolean;
    }
  | { ok: false; reason: GtinError };

const FORMAT_BY_LENGTH: Record<number, GtinFormat> = { 8: 'EAN-8', 12: 'UPC-A', 13: 'EAN-13', 14: 'GTIN-14' };
const DIGITS = /^[0-9]+$/;

/** GS1 mod-10 check digit of `body` (all digits but the check digit): weights 3,1,3,… from the right. */
export function gs1CheckDigit(body: string): number | undefined {
  if (body.length === 0 || !DIGITS.test(body)) return undefined;
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const digit = body.charCodeAt(body.length - 1 - i) - 48;
    sum += i % 2 === 0 ? digit * 3 : digit;
  }
  return (10 - (sum % 10)) % 10;
}

/** True when the last digit of `digits` is the GS1 mod-10 check digit of the rest. */
export function hasValidGs1CheckDigit(digits: string): boolean {
  if (digits.length < 2 || !DIGITS.test(digits)) return false;
  return gs1CheckDigit(digits.slice(0, -1)) === digits.charCodeAt(digits.length - 1) - 48;
}

/** Parses an 8/12/13/14-digit GTIN and checks its check digit. */
export function parseGtin(code: string): GtinResult {
  if (typeof code !== 'string' || !DIGITS.test(code)) return { ok: false, reason: 'not_digits' };
  const format = FORMAT_BY_LENGTH[code.length];
  if (!format) return { ok: false, reason: 'bad_length' };
  if (!hasValidGs1CheckDigit(code)) return { ok: false, reason: 'bad_check_digit' };
  const gtin14 = code.padStart(14, '0');
  return {
    ok: true,
    code,
    format,
    gtin14,
    checkDigit: code.charCodeAt(code.length - 1) - 48,
    restrictedCirculation: isRestrictedCirculation(code, format),
  };
}

/** True for a valid GTIN-8/12/13/14 (what `parseGtin(code).ok` says, without building the result). */
export function isValidGtin(code: string): boolean {
  return (
    typeof code === 'string' &&
    DIGITS.test(code) &&
    FORMAT_BY_LENGTH[code.length] !== undefined &&
    hasValidGs1CheckDigit(code)
  );
}

/** The GTIN-14 form of a valid GTIN, or undefined when `code` is not one. */
export function toGtin14(code: string): string | undefined {
  const r = parseGtin(code);
  return r.ok ? r.gtin14 : undefined;
}

/** Appends the check digit to a 7/11/12/13-digit body: `completeGtin('400638133393')` → `'4006381333931'`. */
export function completeGtin(body: string): string | undefined {
  if (![7, 11, 12, 13].includes(body.length)) return undefined;
  const check = gs1CheckDigit(body);
  return check === undefined ? undefined : `${body}${check}`;
}

/**
 * Restricted circulation numbers (GS1 General Specifications, GS1 prefixes): an EAN-8 beginning
 * with 0 or 2; a GTIN-13 (UPC-A as 0 + its 12 digits) with GS1 prefix 02, 04 or 20–29. A GTIN-14
 * is judged by its GTIN-13 part when its indicator digit is 0.
 */
function isRestrictedCirculation(code: string, format: GtinFormat): boolean {
  if (format === 'EAN-8') return code[0] === '0' || code[0] === '2';
  const gtin13 = format === 'GTIN-14' ? (code[0] === '0' ? code.slice(1) : '') : code.padStart(13, '0');
  return gtin13.startsWith('02') || gtin13.startsWith('04') || gtin13[0] === '2';
}
