/**
 * Largest-remainder allocation (Hamilton's method) of an integer total over integer weights.
 * Exact: the parts always sum to the total. Computed on BigInt so large totals × weights stay exact.
 */
import { assertMinor } from './safe';

/**
 * Splits `total` over `weights` proportionally: every part gets the floor of its exact quota, then the
 * leftover units go one each to the largest remainders; equal remainders go to the lower index first.
 * A negative total is split like its absolute value and negated. Weights must be non-negative safe
 * integers; an all-zero weight list can only carry a zero total (RangeError otherwise).
 */
export function allocateLargestRemainder(total: number, weights: readonly number[]): number[] {
  assertMinor(total, 'total');
  for (const w of weights) assertMinor(w, 'weight');
  if (weights.some((w) => w < 0)) throw new RangeError('weights must not be negative');
  if (total < 0) return allocateLargestRemainder(-total, weights).map((p) => (p === 0 ? 0 : -p));
  const sumW = weights.reduce((s, w) => s + BigInt(w), 0n);
  if (sumW === 0n) {
    if (total === 0) return weights.map(() => 0);
    throw new RangeError('cannot allocate a non-zero total over zero weights');
  }
  const t = BigInt(total);
  const parts: number[] = [];
  const remainders: { index: number; rem: bigint }[] = [];
  let given = 0n;
  weights.forEach((w, index) => {
    const exact = t * BigInt(w);
    const q = exact / sumW;
    parts.push(Number(q));
    given += q;
    remainders.push({ index, rem: exact % sumW });
  });
  let left = Number(t - given); // < weights.length
  remainders.sort((a, b) => (a.rem === b.rem ? a.index - b.index : a.rem > b.rem ? -1 : 1));
  for (const { index } of remainders) {
    if (left === 0) break;
    parts[index] = (parts[index] ?? 0) + 1;
    left -= 1;
  }
  return parts;
}

/** Splits `total` into `count` near-equal parts (differing by at most 1, larger parts first). */
export function allocateEvenly(total: number, count: number): number[] {
  if (!Number.isSafeInteger(count) || count < 0)
    throw new RangeError(`count must be a non-negative integer, got ${count}`);
  return allocateLargestRemainder(total, new Array<number>(count).fill(1));
}
