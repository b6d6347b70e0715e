/** Checks a sale and its earlier returns before any refund is computed from them. */
import { AppError } from '../../contract/errors';
import { breakdownSale, type SaleBreakdown } from './prorate';
import { previousReturnSchema, refundSaleSchema, type PreviousReturn, type RefundSale } from './sale';

export interface PreviousSummary {
  /** Units of each line already returned, by line index. */
  qtyReturned: number[];
  /** Amount already refunded for each line, by line index. */
  lineRefunded: number[];
  /** Amount already refunded to each original tender, by sale tender index. */
  tenderRefunded: number[];
  /** Store credit issued because no original tender could take it. */
  fallbackRefunded: number;
  /** Everything already given back for this sale (the larger of the tender and the line view). */
  saleRefunded: number;
}

export interface CheckedSale {
  sale: RefundSale;
  breakdown: SaleBreakdown;
  previous: PreviousSummary;
}

function issuesOf(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): string[] {
  return error.issues.map((i) => `${i.path.map(String).join('.')}: ${i.message}`);
}

/**
 * Validates the sale (shape, line discounts ≤ gross, order discounts ≤ lines, lines total = tenders
 * total, unique line ids) and sums the earlier returns (no line over-returned or over-refunded, no tender
 * over-refunded). Throws AppError REFUND_SALE_INVALID / REFUND_SALE_INCONSISTENT / REFUND_PREVIOUS_INVALID.
 */
export function checkSale(saleInput: RefundSale, previousInput: readonly PreviousReturn[]): CheckedSale {
  const parsed = refundSaleSchema.safeParse(saleInput);
  if (!parsed.success) throw new AppError('REFUND_SALE_INVALID', { issues: issuesOf(parsed.error) });
  const sale = parsed.data;
  const ids = new Set(sale.lines.map((l) => l.lineId));
  if (ids.size !== sale.lines.length)
    throw new AppError('REFUND_SALE_INVALID', { issues: ['duplicate lineId'] });
  let breakdown: SaleBreakdown;
  try {
    const weightsTotal = sale.lines.reduce((s, l) => s + l.qty * l.unitPrice - l.lineDiscount, 0);
    const discountTotal = sale.orderDiscounts.reduce((s, d) => s + d.amount, 0);
    if (discountTotal > weightsTotal) {
      throw new AppError('REFUND_SALE_INCONSISTENT', {
        orderDiscount: discountTotal,
        linesNet: weightsTotal,
      });
    }
    breakdown = breakdownSale(sale);
  } catch (e) {
    if (e instanceof RangeError) throw new AppError('REFUND_SALE_INVALID', { issues: [e.message] });
    throw e;
  }
  if (breakdown.linesTotal !== breakdown.tendersTotal) {
    throw new AppError('REFUND_SALE_INCONSISTENT', {
      linesTotal: breakdown.linesTotal,
      tendersTotal: breakdown.tendersTotal,
    });
  }
  return { sale, breakdown, previous: summarisePrevious(sale, breakdown, previousInput) };
}

function summarisePrevious(
  sale: RefundSale,
  breakdown: SaleBreakdown,
  previousInput: readonly PreviousReturn[],
): PreviousSummary {
  const invalid = (why: string, details: Record<string, unknown> = {}): AppError =>
    new AppError('REFUND_PREVIOUS_INVALID', { why, ...details });
  const qtyReturned = sale.lines.map(() => 0);
  const lineRefunded = sale.lines.map(() => 0);
  const tenderRefunded = sale.tenders.map(() => 0);
  let fallbackRefunded = 0;
  const indexOf = new Map(sale.lines.map((l, i) => [l.lineId, i]));
  for (const raw of previousInput) {
    const parsed = previousReturnSchema.safeParse(raw);
    if (!parsed.success) throw invalid('shape', { issues: issuesOf(parsed.error) });
    for (const l of parsed.data.lines) {
      const i = indexOf.get(l.lineId);
      if (i === undefined) throw invalid('unknown_line', { lineId: l.lineId });
      qtyReturned[i] = (qtyReturned[i] ?? 0) + l.qty;
      lineRefunded[i] = (lineRefunded[i] ?? 0) + l.refunded;
    }
    for (const t of parsed.data.tenders) {
      if (t.saleTenderIndex === null) {
        fallbackRefunded += t.amount;
        continue;
      }
      const original = sale.tenders[t.saleTenderIndex];
      if (!original || original.tender !== t.tender) {
        throw invalid('unknown_tender', { saleTenderIndex: t.saleTenderIndex, tender: t.tender });
      }
      tenderRefunded[t.saleTenderIndex] = (tenderRefunded[t.saleTenderIndex] ?? 0) + t.amount;
    }
  }
  breakdown.lines.forEach((l, i) => {
    if ((qtyReturned[i] ?? 0) > l.qty) throw invalid('line_over_returned', { lineId: l.lineId });
    if ((lineRefunded[i] ?? 0) > l.paid) throw invalid('line_over_refunded', { lineId: l.lineId });
  });
  sale.tenders.forEach((t, i) => {
    if ((tenderRefunded[i] ?? 0) > t.amount) throw invalid('tender_over_refunded', { saleTenderIndex: i });
  });
  const byTenders = tenderRefunded.reduce((s, v) => s + v, 0) + fallbackRefunded;
  const byLines = lineRefunded.reduce((s, v) => s + v, 0);
  const saleRefunded = Math.max(byTenders, byLines);
  if (saleRefunded > breakdown.tendersTotal) throw invalid('sale_over_refunded');
  return { qtyReturned, lineRefunded, tenderRefunded, fallbackRefunded, saleRefunded };
}
