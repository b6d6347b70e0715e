/**
 * Currencies CounterDesk handles, with their minor-unit digits and display symbols per locale.
 * Adding a currency is one row here.
 */
import type { Locale } from '../../i18n/types';

export const CURRENCY_CODES = ['CNY', 'USD', 'EUR', 'JPY'] as const;
export type CurrencyCode = (typeof CURRENCY_CODES)[number];

export interface CurrencyInfo {
  code: CurrencyCode;
  /** Digits after the decimal point: 2 for 分/cents, 0 for yen. */
  minorDigits: number;
  /** Symbol shown before the amount, per UI locale. */
  symbol: Record<Locale, string>;
  /** Extra symbols accepted when parsing typed amounts (e.g. the full-width ￥ of Chinese IMEs). */
  alsoAccepted: readonly string[];
}

/**
 * CNY shows as `¥` in both locales: CounterDesk runs in stores whose own currency is CNY, so the
 * customer's receipt and the English screen both say ¥1,299.00 (as in the journeys). Foreign
 * currencies are disambiguated (`US$` in zh-CN, `JP¥` everywhere, so it never reads as yuan).
 */
export const CURRENCIES: Readonly<Record<CurrencyCode, CurrencyInfo>> = {
  CNY: {
    code: 'CNY',
    minorDigits: 2,
    symbol: { 'zh-CN': '¥', 'en-US': '¥' },
    alsoAccepted: ['￥', 'CN¥', 'RMB'],
  },
  USD: { code: 'USD', minorDigits: 2, symbol: { 'zh-CN': 'US$', 'en-US': '$' }, alsoAccepted: [] },
  EUR: { code: 'EUR', minorDigits: 2, symbol: { 'zh-CN': '€', 'en-US': '€' }, alsoAccepted: [] },
  JPY: { code: 'JPY', minorDigits: 0, symbol: { 'zh-CN': 'JP¥', 'en-US': 'JP¥' }, alsoAccepted: [] },
};

/** True when `code` is a currency CounterDesk knows. */
export function isCurrencyCode(code: string): code is CurrencyCode {
  return (CURRENCY_CODES as readonly string[]).includes(code);
}

/** Digits after the decimal point for a currency (2 for CNY). */
export function minorDigits(currency: CurrencyCode): number {
  return CURRENCIES[currency].minorDigits;
}
