/**
 * Rates are integer basis points (1 bp = 0.01 %, 1500 bp = 15 %); a percentage of an amount is
 * rounded on minor units with an explicit mode (half-up unless told otherwise).
 */
import { divRound, toSafeNumber, type RoundingMode } from './rounding';
import { assertMinor } from './safe';

/** 100 % in basis points. */
export const BP_100 = 10_000;

/** Throws RangeError unless `bp` is an integer number of basis points (may exceed 100 %). */
export function assertBp(bp: number): number {
  if (!Number.isSafeInteger(bp) || bp < 0)
    throw new RangeError(`basis points must be a non-negative integer, got ${bp}`);
  return bp;
}

/** `amount × bp / 10 000`, rounded on minor units (default half-up: 12.5 分 → 13 分). */
export function percentOf(amount: number, bp: number, mode: RoundingMode = 'half_up'): number {
  assertMinor(amount);
  assertBp(bp);
  return toSafeNumber(divRound(BigInt(amount) * BigInt(bp), BigInt(BP_100), mode));
}

/** Basis points as a percent string without trailing zeros: 1500 → "15", 1250 → "12.5", 5 → "0.05". */
export function bpToPercentText(bp: number): string {
  assertBp(bp);
  const whole = Math.trunc(bp / 100);
  const frac = String(bp % 100)
    .padStart(2, '0')
    .replace(/0+$/, '');
  return frac ? `${whole}.${frac}` : String(whole);
}
