/**
 * Strict decimal text of an import file → integer minor units, without floats. Only plain
 * decimals are accepted ("399", "399.5", "399.00"): no sign, grouping, symbol or exponent,
 * at most `digits` decimals. Never throws.
 */

/** Largest amount the contract carries (shared/contract/schemas `minor`). */
export const MAX_IMPORT_MINOR = 9_000_000_000_000;

export type DecimalResult =
  { ok: true; value: number } | { ok: false; reason: 'malformed' | 'too_many_decimals' | 'out_of_range' };

const DECIMAL_RE = /^(\d{1,16})(?:\.(\d{1,8}))?$/;

/** "399.00" → 39900 (digits = 2); "12.345" → too_many_decimals; "-1", "1e3", "1,299" → malformed. */
export function parseDecimalMinor(text: string, digits: number, max = MAX_IMPORT_MINOR): DecimalResult {
  const m = DECIMAL_RE.exec(text);
  if (!m) return { ok: false, reason: 'malformed' };
  const frac = m[2] ?? '';
  if (frac.length > digits) return { ok: false, reason: 'too_many_decimals' };
  const value = BigInt((m[1] ?? '') + frac.padEnd(digits, '0'));
  if (value > BigInt(max)) return { ok: false, reason: 'out_of_range' };
  return { ok: true, value: Number(value) };
}

/** Percent text → basis points: "13" → 1300, "6.5" → 650, "13%" → 1300; at most 100 %. */
export function parsePercentBp(text: string): DecimalResult {
  const body = text.endsWith('%') ? text.slice(0, -1) : text;
  return parseDecimalMinor(body, 2, 10_000);
}

/** 41220 → "412.20" (digits = 2): the inverse of parseDecimalMinor, for reports and demo files. */
export function minorToDecimal(minor: number, digits: number): string {
  const negative = minor < 0;
  const abs = String(Math.abs(minor)).padStart(digits + 1, '0');
  const body = digits > 0 ? `${abs.slice(0, abs.length - digits)}.${abs.slice(abs.length - digits)}` : abs;
  return negative ? `-${body}` : body;
}
