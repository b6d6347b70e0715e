/**
 * A sale as the returns service needs it: header, lines with their category and policy profile,
 * payments, and what earlier (completed) returns of the sale already took — in five indexed queries,
 * whatever the number of lines or earlier returns.
 */
import type { DbClient } from '../../../db/client';
import {
  priorReturnLines,
  priorReturnTenders,
  saleLinesForReturn,
  salePaymentsForReturn,
  type PriorLineRow,
  type PriorTenderRow,
  type SaleLineRow,
  type SalePaymentRow,
} from '../../../db/repositories/returns/sale-source';
import { saleHeaderByReceipt, type SaleHeaderRow } from '../../../db/repositories/sales/sale-by-receipt';
import { AppError } from '../../../shared/contract/errors';
import type { Sale } from '../../../shared/contract/methods/sales';
import { receiptLookupMiss } from '../../../shared/domain/codes/document-number';
import { isCurrencyCode } from '../../../shared/domain/money/currency';
import { isTender } from '../../../shared/domain/money/tenders';
import { refundOrder, type PreviousReturn, type RefundSale } from '../../../shared/domain/refund';

export interface LoadedSale {
  header: SaleHeaderRow;
  lines: SaleLineRow[];
  payments: SalePaymentRow[];
  /** The sale in the refund domain's terms (line ids are the line numbers as text). */
  refundSale: RefundSale;
  previousReturns: PreviousReturn[];
  /** What the sale's completed returns already refunded (their lines' refunds, after fees). */
  refundedMinor: number;
}

/**
 * The sale with this receipt number (trimmed; tried as typed, then upper-cased) or SALE_NOT_FOUND.
 * Any text is looked up (a POS may print spaces or `#` in its numbers); the error says whether the
 * text did not even look like a receipt number.
 */
export function loadSaleByReceipt(db: DbClient, storeId: number, receiptNo: string): LoadedSale {
  const text = receiptNo.trim();
  let header = saleHeaderByReceipt(db, storeId, text);
  if (!header && text !== text.toUpperCase()) header = saleHeaderByReceipt(db, storeId, text.toUpperCase());
  // SALE_NOT_FOUND says why: malformed text, another document's number (a return R-…), or unknown.
  if (!header) throw new AppError('SALE_NOT_FOUND', { ...receiptLookupMiss(text) });
  return complete(db, header);
}

function complete(db: DbClient, header: SaleHeaderRow): LoadedSale {
  const lines = saleLinesForReturn(db, header.id);
  const payments = salePaymentsForReturn(db, header.id);
  const prevLines = priorReturnLines(db, header.id);
  const prevTenders = priorReturnTenders(db, header.id);
  const refundSale = toRefundSale(header, lines, payments);
  return {
    header,
    lines,
    payments,
    refundSale,
    previousReturns: toPreviousReturns(refundSale, prevLines, prevTenders),
    refundedMinor: prevLines.reduce((sum, l) => sum + l.refundMinor, 0),
  };
}

function toRefundSale(header: SaleHeaderRow, lines: SaleLineRow[], payments: SalePaymentRow[]): RefundSale {
  if (!isCurrencyCode(header.currency)) {
    throw new AppError('REFUND_SALE_INVALID', { issues: [`currency ${header.currency}`] });
  }
  const taxIncluded = header.taxIncluded;
  return {
    currency: header.currency,
    lines: lines.map((l) => ({
      lineId: String(l.lineNo),
      qty: l.qty,
      unitPrice: l.unitPriceMinor,
      lineDiscount: l.lineDiscountMinor,
      taxRateBp: l.taxRateBp,
      taxIncluded,
    })),
    orderDiscounts: header.orderDiscountMinor > 0 ? [{ amount: header.orderDiscountMinor }] : [],
    tenders: payments.map((p) => {
      if (!isTender(p.tender)) throw new AppError('REFUND_SALE_INVALID', { issues: [`tender ${p.tender}`] });
      return { tender: p.tender, amount: p.amountMinor, ...(p.ref ? { ref: p.ref } : {}) };
    }),
  };
}

/**
 * Earlier returns in the refund domain's terms. refund_tenders has no column for the sale tender a row
 * went back to, so it is rebuilt: newly issued store credit carries the return's own number as its ref
 * (saleTenderIndex null); every other positive row goes to the first sale tender of the same kind and
 * ref, in refund order, that still has room for it. Negative rows (money the customer paid in an
 * exchange) are not refunds, and `exchange_goods` rows (an exchange's new items) are no sale tender.
 */
export function toPreviousReturns(
  sale: RefundSale,
  lines: readonly PriorLineRow[],
  tenders: readonly PriorTenderRow[],
): PreviousReturn[] {
  const byReturn = new Map<string, PreviousReturn>();
  const entry = (id: string): PreviousReturn => {
    let r = byReturn.get(id);
    if (!r) {
      r = { lines: [], tenders: [] };
      byReturn.set(id, r);
    }
    return r;
  };
  for (const l of lines) {
    if (l.saleLineNo === null) continue;
    entry(l.returnId).lines.push({ lineId: String(l.saleLineNo), qty: l.qty, refunded: l.refundMinor });
  }
  const order = refundOrder(sale);
  const used = sale.tenders.map(() => 0);
  for (const t of tenders) {
    if (t.amountMinor <= 0 || !isTender(t.tender)) continue;
    if (t.tender === 'store_credit' && t.ref === t.returnId) {
      entry(t.returnId).tenders.push({
        saleTenderIndex: null,
        tender: 'store_credit',
        amount: t.amountMinor,
      });
      continue;
    }
    const index = order.find((i) => {
      const s = sale.tenders[i];
      return (
        s !== undefined &&
        s.tender === t.tender &&
        (s.ref ?? null) === t.ref &&
        s.amount - (used[i] ?? 0) >= t.amountMinor
      );
    });
    if (index === undefined) {
      entry(t.returnId).tenders.push({ saleTenderIndex: null, tender: t.tender, amount: t.amountMinor });
      continue;
    }
    used[index] = (used[index] ?? 0) + t.amountMinor;
    entry(t.returnId).tenders.push({ saleTenderIndex: index, tender: t.tender, amount: t.amountMinor });
  }
  return [...byReturn.values()];
}

/** The sale in the sales contract's shape (what sales.byReceipt returns). */
export function toContractSale(s: LoadedSale): Sale {
  const h = s.header;
  return {
    id: h.id,
    receiptNo: h.receiptNo,
    soldAt: h.soldAt,
    businessDay: h.businessDay,
    currency: h.currency,
    subtotalMinor: h.subtotalMinor,
    orderDiscountMinor: h.orderDiscountMinor,
    totalMinor: h.totalMinor,
    taxIncluded: h.taxIncluded,
    customer:
      h.customerId === null ? null : { id: h.customerId, name: h.customerName ?? '', phone: h.customerPhone },
    lines: s.lines.map((l) => ({
      lineNo: l.lineNo,
      productId: l.productId,
      sku: l.sku,
      name: l.name,
      categoryCode: l.categoryCode,
      qty: l.qty,
      unitPriceMinor: l.unitPriceMinor,
      lineDiscountMinor: l.lineDiscountMinor,
      taxRateBp: l.taxRateBp,
      serial: l.serial,
    })),
    payments: s.payments.map((p) => ({
      tender: p.tender as Sale['payments'][number]['tender'],
      amountMinor: p.amountMinor,
      ref: p.ref,
    })),
  };
}
