/**
 * Exact integer division with an explicit rounding mode, on BigInt so that no product of two
 * safe integers loses precision.
 */

/**
 * `half_up` rounds halves away from zero (commercial rounding, 四舍五入: 2.5 → 3, −2.5 → −3);
 * `half_even` rounds halves to the even neighbour; `floor`/`ceil` towards −∞/+∞; `trunc` towards 0.
 */
export type RoundingMode = 'half_up' | 'half_even' | 'floor' | 'ceil' | 'trunc';

/** numerator / denominator rounded with `mode` (denominator ≠ 0). */
export function divRound(numerator: bigint, denominator: bigint, mode: RoundingMode): bigint {
  if (denominator === 0n) throw new RangeError('division by zero');
  if (denominator < 0n) {
    numerator = -numerator;
    denominator = -denominator;
  }
  const q = numerator / denominator; // truncates towards zero
  const r = numerator % denominator; // same sign as numerator
  if (r === 0n) return q;
  const negative = numerator < 0n;
  const absR2 = (r < 0n ? -r : r) * 2n;
  const away = negative ? q - 1n : q + 1n;
  switch (mode) {
    case 'trunc':
      return q;
    case 'floor':
      return negative ? q - 1n : q;
    case 'ceil':
      return negative ? q : q + 1n;
    case 'half_up':
      return absR2 >= denominator ? away : q;
    case 'half_even':
      if (absR2 > denominator) return away;
      if (absR2 < denominator) return q;
      return q % 2n === 0n ? q : away;
  }
}

/** Converts a BigInt back to a number, or RangeError if it is outside the safe-integer range. */
export function toSafeNumber(v: bigint): number {
  if (v > BigInt(Number.MAX_SAFE_INTEGER) || v < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new RangeError(`${v} leaves the safe-integer range`);
  }
  return Number(v);
}
