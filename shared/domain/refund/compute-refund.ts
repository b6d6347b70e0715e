/**
 * The refund for a set of returned units: per line gross, discount share, net, tax, restocking fee and
 * final amount, with the caps that keep cumulative refunds of a line and of the sale within what was paid.
 */
import { AppError } from '../../contract/errors';
import type { CurrencyCode } from '../money/currency';
import { percentOf } from '../money/percent';
import { unitsSlice } from './prorate';
import type { PreviousReturn, RefundSale } from './sale';
import { checkSale, type CheckedSale } from './validate-sale';

export interface RefundRequestLine {
  lineId: string;
  qty: number;
  /** Restocking fee the policy decided for this line, in bp of its net (0 when absent). */
  restockingFeeBp?: number;
  /** The manager waived the fee: it is still computed and shown, but not charged. */
  restockingFeeWaived?: boolean;
}

export interface ComputeRefundInput {
  sale: RefundSale;
  previousReturns: readonly PreviousReturn[];
  lines: readonly RefundRequestLine[];
}

/** Everything the screen and the slip show for one returned line. */
export interface RefundLineResult {
  lineId: string;
  qty: number;
  /** Index of the first returned unit of the line (units are returned in index order). */
  firstUnit: number;
  unitPrice: number;
  taxRateBp: number;
  taxIncluded: boolean;
  /** unitPrice × qty. */
  gross: number;
  lineDiscount: number;
  orderDiscountShare: number;
  /** lineDiscount + orderDiscountShare. */
  discountShare: number;
  /** gross − discountShare (includes the tax when prices include it). */
  net: number;
  /** Tax contained in net (taxIncluded) or paid on top of it. */
  tax: number;
  /** What the customer paid for these units: net, plus tax when it was added on top. */
  paid: number;
  restockingFeeBp: number;
  /** Fee the policy asks for: restockingFeeBp of net, half-up. */
  restockingFeeComputed: number;
  restockingFeeWaived: boolean;
  /** Fee actually kept (0 when waived). */
  restockingFee: number;
  /** Amount cut because the line or the sale would otherwise be refunded beyond what was paid. */
  capReduction: number;
  /** paid − restockingFee − capReduction: what goes back to the customer for this line. */
  total: number;
  /** What the whole line was paid, what earlier returns took, and what can still be refunded after this one. */
  linePaid: number;
  lineRefundedBefore: number;
  lineRefundableAfter: number;
}

export interface RefundTotals {
  gross: number;
  discountShare: number;
  net: number;
  tax: number;
  paid: number;
  restockingFeeComputed: number;
  restockingFee: number;
  capReduction: number;
  total: number;
}

export interface RefundComputation {
  currency: CurrencyCode;
  lines: RefundLineResult[];
  totals: RefundTotals;
  salePaid: number;
  saleRefundedBefore: number;
  saleRefundableAfter: number;
}

function requestedLines(checked: CheckedSale, lines: readonly RefundRequestLine[]) {
  if (lines.length === 0) throw new AppError('REFUND_NOTHING_REQUESTED');
  const seen = new Set<string>();
  return lines.map((r) => {
    if (seen.has(r.lineId)) throw new AppError('REFUND_LINE_DUPLICATE', { lineId: r.lineId });
    seen.add(r.lineId);
    const line = checked.breakdown.lines.find((l) => l.lineId === r.lineId);
    if (!line) throw new AppError('REFUND_LINE_NOT_FOUND', { lineId: r.lineId });
    if (!Number.isSafeInteger(r.qty) || r.qty <= 0) {
      throw new AppError('REFUND_QTY_INVALID', { lineId: r.lineId, qty: r.qty });
    }
    const returned = checked.previous.qtyReturned[line.index] ?? 0;
    const remaining = line.qty - returned;
    if (r.qty > remaining) {
      throw new AppError('REFUND_QTY_EXCEEDS_REMAINING', { lineId: r.lineId, requested: r.qty, remaining });
    }
    const feeBp = r.restockingFeeBp ?? 0;
    if (!Number.isSafeInteger(feeBp) || feeBp < 0 || feeBp > 10_000) {
      throw new AppError('REFUND_FEE_INVALID', { lineId: r.lineId, restockingFeeBp: feeBp });
    }
    return { request: r, line, returned, feeBp };
  });
}

/**
 * Computes the refund of the requested units. Throws AppError for requests a clerk can make wrongly:
 * REFUND_NOTHING_REQUESTED, REFUND_LINE_NOT_FOUND, REFUND_LINE_DUPLICATE, REFUND_QTY_INVALID,
 * REFUND_QTY_EXCEEDS_REMAINING, REFUND_FEE_INVALID, and the sale checks of checkSale.
 */
export function computeRefund(input: ComputeRefundInput): RefundComputation {
  const checked = checkSale(input.sale, input.previousReturns);
  const { previous, breakdown } = checked;
  const results: RefundLineResult[] = requestedLines(checked, input.lines).map(
    ({ request, line, returned, feeBp }) => {
      const slice = unitsSlice(line, returned, request.qty);
      const restockingFeeComputed = percentOf(slice.net, feeBp, 'half_up');
      const waived = request.restockingFeeWaived === true && restockingFeeComputed > 0;
      const restockingFee = waived ? 0 : restockingFeeComputed;
      const before = previous.lineRefunded[line.index] ?? 0;
      const uncapped = Math.max(0, slice.paid - restockingFee);
      const total = Math.min(uncapped, line.paid - before);
      return {
        lineId: line.lineId,
        qty: request.qty,
        firstUnit: returned,
        unitPrice: line.unitPrice,
        taxRateBp: line.taxRateBp,
        taxIncluded: line.taxIncluded,
        gross: slice.gross,
        lineDiscount: slice.lineDiscount,
        orderDiscountShare: slice.orderDiscountShare,
        discountShare: slice.lineDiscount + slice.orderDiscountShare,
        net: slice.net,
        tax: slice.tax,
        paid: slice.paid,
        restockingFeeBp: feeBp,
        restockingFeeComputed,
        restockingFeeWaived: waived,
        restockingFee,
        capReduction: uncapped - total,
        total,
        linePaid: line.paid,
        lineRefundedBefore: before,
        lineRefundableAfter: line.paid - before - total,
      };
    },
  );
  // Sale cap: earlier refunds not tied to lines can leave less than the line caps allow; cut from the last line.
  let excess = results.reduce((s, r) => s + r.total, 0) - (breakdown.tendersTotal - previous.saleRefunded);
  for (let i = results.length - 1; i >= 0 && excess > 0; i--) {
    const r = results[i];
    if (!r) continue;
    const cut = Math.min(excess, r.total);
    r.total -= cut;
    r.capReduction += cut;
    r.lineRefundableAfter += cut;
    excess -= cut;
  }
  const sum = (f: (r: RefundLineResult) => number): number => results.reduce((s, r) => s + f(r), 0);
  const total = sum((r) => r.total);
  return {
    currency: checked.sale.currency,
    lines: results,
    totals: {
      gross: sum((r) => r.gross),
      discountShare: sum((r) => r.discountShare),
      net: sum((r) => r.net),
      tax: sum((r) => r.tax),
      paid: sum((r) => r.paid),
      restockingFeeComputed: sum((r) => r.restockingFeeComputed),
      restockingFee: sum((r) => r.restockingFee),
      capReduction: sum((r) => r.capReduction),
      total,
    },
    salePaid: breakdown.tendersTotal,
    saleRefundedBefore: previous.saleRefunded,
    saleRefundableAfter: breakdown.tendersTotal - previous.saleRefunded - total,
  };
}
