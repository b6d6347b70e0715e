import { describe, expect, it } from 'vitest';
import { allocateEvenly } from '../../../shared/domain/money/allocate';
import {
  breakdownSale,
  evenSliceSum,
  prorateOrderDiscount,
  unitsSlice,
  type LineBreakdown,
} from '../../../shared/domain/refund/prorate';
import { lineTax } from '../../../shared/domain/refund/tax';
import { journey1Sale } from './fixtures';

describe('order discount proration', () => {
  it('journey 1: ¥45.80 coupon → ¥39.90 on the speaker, ¥5.90 on the cable', () => {
    expect(prorateOrderDiscount(journey1Sale())).toEqual([3990, 590]);
    const b = breakdownSale(journey1Sale());
    expect(b.lines.map((l) => l.paid)).toEqual([35910, 5310]);
    expect(b.linesTotal).toBe(41220);
  });

  it('weights by line net after line discounts and breaks ties by line order', () => {
    const sale = {
      ...journey1Sale(),
      lines: [
        { lineId: 'a', qty: 1, unitPrice: 1000, lineDiscount: 0, taxRateBp: 0, taxIncluded: true },
        { lineId: 'b', qty: 2, unitPrice: 600, lineDiscount: 200, taxRateBp: 0, taxIncluded: true },
        { lineId: 'c', qty: 1, unitPrice: 1000, lineDiscount: 0, taxRateBp: 0, taxIncluded: true },
      ],
      orderDiscounts: [{ amount: 50 }, { amount: 50 }],
    };
    // 100 over 1000:1000:1000 → 33.33 each → the odd cent to the first line.
    expect(prorateOrderDiscount(sale)).toEqual([34, 33, 33]);
  });
});

describe('tax per line (half-up)', () => {
  it('tax-included: net − round(net / (1 + rate))', () => {
    expect(lineTax(39900, 1300, true)).toBe(4590); // 39900 / 1.13 = 35309.73 → 35310
    expect(lineTax(35910, 1300, true)).toBe(4131); // 31778.76 → 31779
    expect(lineTax(10600, 600, true)).toBe(600); // 10600 / 1.06 = 10000 exactly
    expect(lineTax(113, 1300, true)).toBe(13); // 100 exactly
    expect(lineTax(1, 1300, true)).toBe(0); // 0.885 → 1
    expect(lineTax(0, 1300, true)).toBe(0);
  });

  it('tax-exclusive: round(net × rate)', () => {
    expect(lineTax(1998, 825, false)).toBe(165); // 164.835 → 165
    expect(lineTax(200, 825, false)).toBe(17); // 16.5 → 17 (half up)
    expect(lineTax(1000, 0, false)).toBe(0);
  });
});

describe('units of a line', () => {
  it('splits a partial return so that one-by-one returns add up to the line', () => {
    const sale = {
      currency: 'CNY' as const,
      lines: [{ lineId: 'x', qty: 3, unitPrice: 1000, lineDiscount: 0, taxRateBp: 1300, taxIncluded: true }],
      orderDiscounts: [{ amount: 100 }],
      tenders: [{ tender: 'cash' as const, amount: 2900 }],
    };
    const line = breakdownSale(sale).lines[0] as LineBreakdown;
    expect(line.net).toBe(2900);
    // 2900 over 3 units → 967, 967, 966; each unit's coupon share = 1000 − net → 33, 33, 34.
    expect([0, 1, 2].map((i) => unitsSlice(line, i, 1).net)).toEqual([967, 967, 966]);
    expect([0, 1, 2].map((i) => unitsSlice(line, i, 1).orderDiscountShare)).toEqual([33, 33, 34]);
    // Line tax: 2900 − round(2900/1.13 = 2566.37) = 334 → 112, 111, 111.
    expect([0, 1, 2].map((i) => unitsSlice(line, i, 1).tax)).toEqual([112, 111, 111]);
    expect(unitsSlice(line, 1, 2)).toEqual({
      gross: 2000,
      lineDiscount: 0,
      orderDiscountShare: 67,
      net: 1933,
      tax: 222,
      paid: 1933,
    });
    expect(() => unitsSlice(line, 2, 2)).toThrow(RangeError);
  });

  it('never gives a unit a negative amount when line and order discounts meet on tiny prices', () => {
    const line: LineBreakdown = {
      lineId: 'tiny',
      index: 0,
      qty: 2,
      unitPrice: 1,
      taxRateBp: 0,
      taxIncluded: true,
      gross: 2,
      lineDiscount: 1,
      orderDiscountShare: 1,
      net: 0,
      tax: 0,
      paid: 0,
    };
    expect(unitsSlice(line, 0, 1)).toMatchObject({ lineDiscount: 0, orderDiscountShare: 1, net: 0 });
    expect(unitsSlice(line, 1, 1)).toMatchObject({ lineDiscount: 1, orderDiscountShare: 0, net: 0 });
  });

  it('evenSliceSum agrees with summing an explicit even allocation', () => {
    for (const [total, count] of [
      [10, 3],
      [2, 5],
      [0, 4],
      [17, 17],
      [1001, 7],
    ] as const) {
      const first = allocateEvenly(total, count);
      const last = [...first].reverse();
      for (let start = 0; start <= count; start++) {
        for (let take = 0; start + take <= count; take++) {
          const slice = (a: number[]) => a.slice(start, start + take).reduce((s, v) => s + v, 0);
          expect(evenSliceSum(total, count, start, take, 'larger_first')).toBe(slice(first));
          expect(evenSliceSum(total, count, start, take, 'larger_last')).toBe(slice(last));
        }
      }
    }
  });
});
