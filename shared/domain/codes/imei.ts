/**
 * IMEI (15 digits, last one a Luhn check digit; 3GPP TS 23.003 §6.2) and IMEI-SV (16 digits: TAC,
 * serial, 2-digit software version, no check digit). Never throws.
 */

export const IMEI_ERRORS = ['not_digits', 'bad_length', 'bad_check_digit'] as const;
export type ImeiError = (typeof IMEI_ERRORS)[number];

export type ImeiResult =
  | { ok: true; kind: 'imei'; imei: string; tac: string; serial: string; checkDigit: number }
  | { ok: true; kind: 'imeisv'; imeisv: string; tac: string; serial: string; softwareVersion: string }
  | { ok: false; reason: ImeiError };

const DIGITS = /^[0-9]+$/;

/** Luhn check digit for `body` (digits without the check digit); undefined when not digits. */
export function luhnCheckDigit(body: string): number | undefined {
  if (body.length === 0 || !DIGITS.test(body)) return undefined;
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = body.charCodeAt(body.length - 1 - i) - 48;
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

/** True when the last digit of `digits` is the Luhn check digit of the rest. */
export function hasValidLuhn(digits: string): boolean {
  if (digits.length < 2 || !DIGITS.test(digits)) return false;
  return luhnCheckDigit(digits.slice(0, -1)) === digits.charCodeAt(digits.length - 1) - 48;
}

/** Parses a 15-digit IMEI (Luhn-checked) or a 16-digit IMEI-SV. */
export function parseImei(raw: string): ImeiResult {
  if (typeof raw !== 'string' || !DIGITS.test(raw)) return { ok: false, reason: 'not_digits' };
  if (raw.length === 15) {
    if (!hasValidLuhn(raw)) return { ok: false, reason: 'bad_check_digit' };
    return {
      ok: true,
      kind: 'imei',
      imei: raw,
      tac: raw.slice(0, 8),
      serial: raw.slice(8, 14),
      checkDigit: raw.charCodeAt(14) - 48,
    };
  }
  if (raw.length === 16) {
    return {
      ok: true,
      kind: 'imeisv',
      imeisv: raw,
      tac: raw.slice(0, 8),
      serial: raw.slice(8, 14),
      softwareVersion: raw.slice(14, 16),
    };
  }
  return { ok: false, reason: 'bad_length' };
}
