import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateEvenly, allocateLargestRemainder } from '../../../shared/domain/money/allocate';
import { addMoney, money } from '../../../shared/domain/money/money';
import { bpToPercentText, percentOf } from '../../../shared/domain/money/percent';
import { divRound } from '../../../shared/domain/money/rounding';
import { addMinor, mulMinor, sumMinor } from '../../../shared/domain/money/safe';

describe('allocateLargestRemainder', () => {
  it('splits a coupon over two lines in proportion (journey 1)', () => {
    // ¥45.80 over ¥399 and ¥59: 4580×39900/45800 = 3990 exactly, 4580×5900/45800 = 590.
    expect(allocateLargestRemainder(4580, [39900, 5900])).toEqual([3990, 590]);
  });

  it('gives leftover units to the largest remainders', () => {
    // 100 over 1:1:1 → quotas 33.33 each → 34, 33, 33 (tie broken by index).
    expect(allocateLargestRemainder(100, [1, 1, 1])).toEqual([34, 33, 33]);
    // 10 over 3:3:4 → 3, 3, 4 exactly.
    expect(allocateLargestRemainder(10, [3, 3, 4])).toEqual([3, 3, 4]);
    // 5 over 1:2:3:4 (sum 10) → quotas .5,1,1.5,2 → floors 0,1,1,2 (=4); remainders .5,0,.5,0 → index 0 wins.
    expect(allocateLargestRemainder(5, [1, 2, 3, 4])).toEqual([1, 1, 1, 2]);
    // 7 over 2:3 (sum 5) → 2.8, 4.2 → 2,4 (+1 to index 0 with .8) → 3, 4.
    expect(allocateLargestRemainder(7, [2, 3])).toEqual([3, 4]);
  });

  it('handles zero weights, zero totals and negative totals', () => {
    expect(allocateLargestRemainder(10, [0, 5, 0])).toEqual([0, 10, 0]);
    expect(allocateLargestRemainder(0, [0, 0])).toEqual([0, 0]);
    expect(allocateLargestRemainder(-100, [1, 1, 1])).toEqual([-34, -33, -33]);
    expect(allocateLargestRemainder(0, [])).toEqual([]);
    expect(() => allocateLargestRemainder(1, [0, 0])).toThrow(RangeError);
    expect(() => allocateLargestRemainder(1, [])).toThrow(RangeError);
    expect(() => allocateLargestRemainder(1, [-1, 2])).toThrow(RangeError);
    expect(() => allocateLargestRemainder(1.5, [1])).toThrow(RangeError);
  });

  it('stays exact where float maths would not (large totals × weights)', () => {
    const big = Number.MAX_SAFE_INTEGER;
    const parts = allocateLargestRemainder(big, [big, big - 1, 1]);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(big);
  });

  it('parts sum to the total, are within 1 of the quota, and are deterministic (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }),
        fc.array(fc.integer({ min: 0, max: 10_000_000 }), { minLength: 1, maxLength: 20 }),
        (total, weights) => {
          fc.pre(weights.some((w) => w > 0));
          const parts = allocateLargestRemainder(total, weights);
          expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
          const sumW = weights.reduce((a, b) => a + b, 0);
          parts.forEach((p, i) => {
            expect(Number.isSafeInteger(p)).toBe(true);
            const quota = (total * (weights[i] ?? 0)) / sumW;
            expect(Math.abs(p - quota)).toBeLessThan(1 + 1e-6);
          });
          expect(allocateLargestRemainder(total, weights)).toEqual(parts);
        },
      ),
      { seed: 42, numRuns: 1000 },
    );
  });

  it('allocateEvenly puts the larger parts first', () => {
    expect(allocateEvenly(1000, 3)).toEqual([334, 333, 333]);
    expect(allocateEvenly(2, 3)).toEqual([1, 1, 0]);
  });
});

describe('percentOf and rounding', () => {
  it('rounds half up on minor units', () => {
    expect(percentOf(35910, 1500)).toBe(5387); // 5386.5 → 5387
    expect(percentOf(39900, 1000)).toBe(3990);
    expect(percentOf(1, 5000)).toBe(1); // 0.5 → 1
    expect(percentOf(1, 4999)).toBe(0);
    expect(percentOf(-1, 5000)).toBe(-1); // half away from zero
    expect(percentOf(35910, 1500, 'floor')).toBe(5386);
    expect(percentOf(25, 1000, 'half_even')).toBe(2); // 2.5 → 2
    expect(percentOf(35, 1000, 'half_even')).toBe(4); // 3.5 → 4
  });

  it('divRound covers every mode on both signs', () => {
    const cases: [bigint, bigint, string, bigint][] = [
      [7n, 2n, 'half_up', 4n],
      [-7n, 2n, 'half_up', -4n],
      [7n, 2n, 'half_even', 4n],
      [5n, 2n, 'half_even', 2n],
      [-5n, 2n, 'half_even', -2n],
      [7n, 3n, 'floor', 2n],
      [-7n, 3n, 'floor', -3n],
      [7n, 3n, 'ceil', 3n],
      [-7n, 3n, 'ceil', -2n],
      [-7n, 3n, 'trunc', -2n],
      [8n, 3n, 'half_up', 3n],
      [7n, -2n, 'half_up', -4n],
    ];
    for (const [n, d, mode, want] of cases) expect(divRound(n, d, mode as 'half_up')).toBe(want);
    expect(() => divRound(1n, 0n, 'half_up')).toThrow(RangeError);
  });

  it('renders basis points as percent text', () => {
    expect(bpToPercentText(1500)).toBe('15');
    expect(bpToPercentText(1250)).toBe('12.5');
    expect(bpToPercentText(5)).toBe('0.05');
    expect(bpToPercentText(0)).toBe('0');
  });
});

describe('safe-integer guards', () => {
  it('refuses to leave the safe range', () => {
    expect(() => addMinor(Number.MAX_SAFE_INTEGER, 1)).toThrow(RangeError);
    expect(() => mulMinor(2 ** 30, 2 ** 30)).toThrow(RangeError);
    expect(mulMinor(39900, 3)).toBe(119700);
    expect(sumMinor([1, 2, 3])).toBe(6);
    expect(() => sumMinor([0.1, 0.2])).toThrow(RangeError);
  });

  it('Money values refuse mixed currencies', () => {
    expect(addMoney(money(100, 'CNY'), money(250, 'CNY'))).toEqual({ minor: 350, currency: 'CNY' });
    expect(() => addMoney(money(100, 'CNY'), money(1, 'USD'))).toThrow(RangeError);
    expect(() => money(1.5, 'CNY')).toThrow(RangeError);
  });
});
