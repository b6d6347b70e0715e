/**
 * Where every cent of a sale sits: order-level discounts prorated over lines, and each line's
 * amounts spread over its units, so that returning units one at a time (or in any split) adds up
 * exactly to the line.
 *
 * Per line: gross G = qty × unitPrice, line discount L, order-discount share S (largest remainder of
 * the order discounts over lines weighted by G − L, ties to the lower line index), net N = G − L − S,
 * tax T (see tax.ts), paid P = N (tax included) or N + T (tax on top).
 *
 * Per unit i (0-based, q units): net_i and tax_i are N and T split evenly by largest remainder (equal
 * weights, so the odd cents go to the lowest unit indexes); the line discount is split evenly with the
 * odd cents on the highest indexes; the order-discount share of a unit is what is left of its discount
 * (unitPrice − net_i − lineDiscount_i). Each of these is ≥ 0 and each sums exactly to the line figure.
 * A return takes the not-yet-returned units in index order: the k units after the r already returned.
 */
import { allocateLargestRemainder } from '../money/allocate';
import { mulMinor, sumMinor } from '../money/safe';
import { lineTax, payableFor } from './tax';
import type { RefundSale } from './sale';

export interface LineAmounts {
  gross: number;
  lineDiscount: number;
  orderDiscountShare: number;
  net: number;
  tax: number;
  paid: number;
}

export interface LineBreakdown extends LineAmounts {
  lineId: string;
  index: number;
  qty: number;
  unitPrice: number;
  taxRateBp: number;
  taxIncluded: boolean;
}

export interface SaleBreakdown {
  lines: LineBreakdown[];
  orderDiscountTotal: number;
  /** Sum of line paid amounts: what the lines say the customer owed. */
  linesTotal: number;
  /** Sum of tenders: what the customer actually handed over. */
  tendersTotal: number;
}

/** Each line's share of the order-level discounts (largest remainder by line net after line discount). */
export function prorateOrderDiscount(sale: RefundSale): number[] {
  const total = sumMinor(sale.orderDiscounts.map((d) => d.amount));
  const weights = sale.lines.map((l) => mulMinor(l.unitPrice, l.qty) - l.lineDiscount);
  return allocateLargestRemainder(total, weights);
}

/** Line-level amounts of every line of a sale (no validation: see validate-sale.ts). */
export function breakdownSale(sale: RefundSale): SaleBreakdown {
  const shares = prorateOrderDiscount(sale);
  const lines = sale.lines.map((l, index): LineBreakdown => {
    const gross = mulMinor(l.unitPrice, l.qty);
    const orderDiscountShare = shares[index] ?? 0;
    const net = gross - l.lineDiscount - orderDiscountShare;
    const tax = lineTax(net, l.taxRateBp, l.taxIncluded);
    return {
      lineId: l.lineId,
      index,
      qty: l.qty,
      unitPrice: l.unitPrice,
      taxRateBp: l.taxRateBp,
      taxIncluded: l.taxIncluded,
      gross,
      lineDiscount: l.lineDiscount,
      orderDiscountShare,
      net,
      tax,
      paid: payableFor(net, tax, l.taxIncluded),
    };
  });
  return {
    lines,
    orderDiscountTotal: sumMinor(sale.orderDiscounts.map((d) => d.amount)),
    linesTotal: sumMinor(lines.map((l) => l.paid)),
    tendersTotal: sumMinor(sale.tenders.map((t) => t.amount)),
  };
}

/**
 * Sum of units [start, start + take) when `total` is split evenly over `count` units by largest
 * remainder: the odd units go to the lowest indexes (`larger_first`) or the highest (`larger_last`).
 */
export function evenSliceSum(
  total: number,
  count: number,
  start: number,
  take: number,
  order: 'larger_first' | 'larger_last',
): number {
  if (take === 0) return 0;
  const base = Math.floor(total / count);
  const odd = total - base * count;
  const [oddFrom, oddTo] = order === 'larger_first' ? [0, odd] : [count - odd, count];
  const overlap = Math.max(0, Math.min(start + take, oddTo) - Math.max(start, oddFrom));
  return mulMinor(base, take) + overlap;
}

/** Amounts of units [start, start + take) of a line (see the file comment for the split). */
export function unitsSlice(line: LineBreakdown, start: number, take: number): LineAmounts {
  if (
    !Number.isInteger(start) ||
    !Number.isInteger(take) ||
    start < 0 ||
    take < 0 ||
    start + take > line.qty
  ) {
    throw new RangeError(`units [${start}, ${start + take}) outside line ${line.lineId} of ${line.qty}`);
  }
  const gross = mulMinor(line.unitPrice, take);
  const net = evenSliceSum(line.net, line.qty, start, take, 'larger_first');
  const tax = evenSliceSum(line.tax, line.qty, start, take, 'larger_first');
  const lineDiscount = evenSliceSum(line.lineDiscount, line.qty, start, take, 'larger_last');
  return {
    gross,
    lineDiscount,
    orderDiscountShare: gross - net - lineDiscount,
    net,
    tax,
    paid: payableFor(net, tax, line.taxIncluded),
  };
}
