/** Money as a value: integer minor units plus the currency they count. */
import { type CurrencyCode, isCurrencyCode } from './currency';
import { addMinor, assertMinor } from './safe';

export interface Money {
  readonly minor: number;
  readonly currency: CurrencyCode;
}

/** Builds a Money, refusing non-integers, unsafe integers and unknown currencies (RangeError). */
export function money(minor: number, currency: CurrencyCode): Money {
  assertMinor(minor);
  if (!isCurrencyCode(currency)) throw new RangeError(`unknown currency ${String(currency)}`);
  return { minor, currency };
}

function sameCurrency(a: Money, b: Money): CurrencyCode {
  if (a.currency !== b.currency) throw new RangeError(`currency mismatch: ${a.currency} vs ${b.currency}`);
  return a.currency;
}

/** a + b of the same currency. */
export function addMoney(a: Money, b: Money): Money {
  return money(addMinor(a.minor, b.minor), sameCurrency(a, b));
}
