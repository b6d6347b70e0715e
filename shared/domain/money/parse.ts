/**
 * Strict parsing of amounts a person typed ("1,299.5" → 129950). Never throws: hostile input
 * returns `{ ok: false, reason }`. Accepts what formatMoney prints, so every formatted amount
 * parses back to itself.
 */
import { CURRENCIES, type CurrencyCode } from './currency';

export const PARSE_MONEY_ERRORS = [
  'not_text',
  'empty',
  'too_long',
  'malformed',
  'bad_grouping',
  'too_many_decimals',
  'out_of_range',
] as const;
export type ParseMoneyError = (typeof PARSE_MONEY_ERRORS)[number];
export type ParseMoneyResult = { ok: true; minor: number } | { ok: false; reason: ParseMoneyError };

const MAX_LENGTH = 40;

/** Full-width digits and punctuation from Chinese input methods → ASCII. */
function normaliseWidth(s: string): string {
  return s
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/．/g, '.')
    .replace(/，/g, ',')
    .replace(/[－−]/g, '-');
}

const NUMBER_RE = /^(\d+|\d{1,3}(?:,\d{3})+)(?:\.(\d+))?$/;

/**
 * Parses a typed amount into minor units of `currency`. Accepted: optional surrounding spaces, an
 * optional leading "-", an optional symbol of that currency (¥ ￥ CN¥ RMB for CNY), digits with either
 * no grouping or correct groups of three, and at most the currency's minor digits after ".".
 * Rejected: exponents, NaN/Infinity, hex, ".5", "1.", spaces inside, "1,29,9", 3+ decimals for CNY.
 */
export function parseMoney(text: unknown, currency: CurrencyCode = 'CNY'): ParseMoneyResult {
  if (typeof text !== 'string') return { ok: false, reason: 'not_text' };
  if (text.length > MAX_LENGTH) return { ok: false, reason: 'too_long' };
  let s = normaliseWidth(text).trim();
  if (s === '') return { ok: false, reason: 'empty' };
  let negative = false;
  if (s.startsWith('-')) {
    negative = true;
    s = s.slice(1);
  }
  const info = CURRENCIES[currency];
  const symbols = [...new Set([...Object.values(info.symbol), ...info.alsoAccepted])].sort(
    (a, b) => b.length - a.length,
  );
  for (const sym of symbols) {
    if (s.startsWith(sym)) {
      s = s.slice(sym.length);
      break;
    }
  }
  const m = NUMBER_RE.exec(s);
  if (!m) {
    if (/^[\d,]+(?:\.\d+)?$/.test(s) && /\d/.test(s)) return { ok: false, reason: 'bad_grouping' };
    return { ok: false, reason: 'malformed' };
  }
  const intDigits = (m[1] ?? '').replaceAll(',', '');
  const fracDigits = m[2] ?? '';
  if (fracDigits.length > info.minorDigits) return { ok: false, reason: 'too_many_decimals' };
  const minorText = intDigits + fracDigits.padEnd(info.minorDigits, '0');
  const value = BigInt(minorText);
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) return { ok: false, reason: 'out_of_range' };
  const n = Number(value);
  return { ok: true, minor: negative && n !== 0 ? -n : n };
}
