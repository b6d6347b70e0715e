/**
 * Guards that keep money arithmetic in safe integers. Breaking one is a programming error
 * (RangeError), not something a user can cause: user input goes through parseMoney first.
 */

/** Throws RangeError unless `n` is a safe integer (a valid amount in minor units). */
export function assertMinor(n: number, what = 'amount'): number {
  if (!Number.isSafeInteger(n))
    throw new RangeError(`${what} must be a safe integer of minor units, got ${n}`);
  return n;
}

/** Throws RangeError unless `n` is a safe integer ≥ 0. */
export function assertNonNegativeMinor(n: number, what = 'amount'): number {
  assertMinor(n, what);
  if (n < 0) throw new RangeError(`${what} must not be negative, got ${n}`);
  return n;
}

/** a + b, refusing to leave the safe-integer range. */
export function addMinor(a: number, b: number): number {
  return assertMinor(assertMinor(a) + assertMinor(b), 'sum');
}

/** a − b, refusing to leave the safe-integer range. */
export function subMinor(a: number, b: number): number {
  return assertMinor(assertMinor(a) - assertMinor(b), 'difference');
}

/** Sum of many amounts, refusing to leave the safe-integer range. */
export function sumMinor(values: readonly number[]): number {
  let s = 0;
  for (const v of values) s = addMinor(s, v);
  return s;
}

/** qty × unit price, exact or RangeError (checked with BigInt, so no silent precision loss). */
export function mulMinor(amount: number, qty: number): number {
  assertMinor(amount);
  assertMinor(qty, 'quantity');
  const p = BigInt(amount) * BigInt(qty);
  if (p > BigInt(Number.MAX_SAFE_INTEGER) || p < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new RangeError(`product ${amount} × ${qty} leaves the safe-integer range`);
  }
  return Number(p);
}
