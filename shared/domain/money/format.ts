/**
 * Display of amounts. Hand-rolled rather than Intl.NumberFormat so the renderer (Chromium's ICU),
 * Node 20 and Electron's Node print byte-identical text on screen, slip and PDF.
 * Both UI locales group thousands with "," and use "." for decimals; the locale only picks the symbol.
 */
import type { Locale } from '../../i18n/types';
import { CURRENCIES, type CurrencyCode } from './currency';
import { assertMinor } from './safe';

export interface FormatMoneyOptions {
  /** `symbol` (default): "¥1,299.00"; `none`: "1,299.00" for columns that carry the currency in a header. */
  display?: 'symbol' | 'none';
}

/** Groups an unsigned digit string in threes: "1299" → "1,299". */
function group(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * Formats integer minor units for a locale: formatMoney(129900, 'CNY', 'zh-CN') → "¥1,299.00",
 * formatMoney(-3990, 'CNY', 'en-US') → "-¥39.90", formatMoney(129900, 'USD', 'zh-CN') → "US$1,299.00".
 */
export function formatMoney(
  minor: number,
  currency: CurrencyCode,
  locale: Locale,
  options: FormatMoneyOptions = {},
): string {
  assertMinor(minor);
  const info = CURRENCIES[currency];
  const abs = String(Math.abs(minor)).padStart(info.minorDigits + 1, '0');
  const intPart = abs.slice(0, abs.length - info.minorDigits);
  const fracPart = abs.slice(abs.length - info.minorDigits);
  const number = info.minorDigits > 0 ? `${group(intPart)}.${fracPart}` : group(intPart);
  const symbol = options.display === 'none' ? '' : info.symbol[locale];
  return `${minor < 0 ? '-' : ''}${symbol}${number}`;
}
