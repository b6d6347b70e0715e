/**
 * The quote: everything a return or exchange would do, recomputed by core from the request and the
 * database — per-line inspection, policy decision and money, tender allocation, exchange difference,
 * totals, and whether a manager must approve. `returns.quote` shows it; `returns.commit` rebuilds it
 * inside its transaction and writes exactly it.
 */
import type { DbClient } from '../../../db/client';
import { failedRepairsOfSerial } from '../../../db/repositories/returns/quote-facts';
import type { StoreFacts } from '../../../db/repositories/store/store-facts';
import { AppError } from '../../../shared/contract/errors';
import type { Quote, QuoteInput } from '../../../shared/contract/methods/returns';
import { rulesFor } from '../../../shared/domain/policy';
import { computeRefund, type RefundSale } from '../../../shared/domain/refund';
import { assemble, type LineSubject, type PreparedReturn } from './assemble-quote';
import { decideReturnLine, type LineFacts } from './line-decision';
import {
  customerByPhone,
  lowestRecentPrice,
  maskIdDocument,
  noReceiptUsedThisMonth,
  noReceiptProduct,
  type ProductRow,
} from './no-receipt';
import { profileFor } from './profiles';
import { loadSaleByReceipt } from './sale-source';

/** Repairs of this serial that did not fix it (a later job names them as the job it repeats). */
function failedRepairs(db: DbClient, serial: string | null): number {
  return serial === null ? 0 : failedRepairsOfSerial(db, serial);
}

/** Builds the quote of a request (throws typed AppErrors for requests that cannot be quoted). */
export function buildQuote(db: DbClient, store: StoreFacts, now: number, input: QuoteInput): PreparedReturn {
  return input.receiptNo !== undefined
    ? receiptQuote(db, store, now, input, input.receiptNo)
    : noReceiptQuote(db, store, now, input);
}

function receiptQuote(
  db: DbClient,
  store: StoreFacts,
  now: number,
  input: QuoteInput,
  receiptNo: string,
): PreparedReturn {
  const sale = loadSaleByReceipt(db, store.id, receiptNo);
  const subjects = input.lines.map((l): LineSubject => {
    const row = sale.lines.find((s) => s.lineNo === l.lineNo);
    if (!row) throw new AppError('REFUND_LINE_NOT_FOUND', { lineId: String(l.lineNo), lineNo: l.lineNo });
    return {
      lineNo: l.lineNo,
      saleLineNo: row.lineNo,
      productId: row.productId,
      sku: row.sku,
      name: row.name,
      categoryCode: row.categoryCode,
      profile: profileFor(row.policyProfile),
      serial: row.serial,
    };
  });
  // Value of the returned units before fees (also refuses duplicates and quantities above what is left).
  const value = computeRefund({
    sale: sale.refundSale,
    previousReturns: sale.previousReturns,
    lines: input.lines.map((l) => ({ lineId: String(l.lineNo), qty: l.qty })),
  });
  // The approval threshold counts the sale's refunds so far: earlier returns, then this return's lines.
  let refundedBefore = sale.refundedMinor;
  const verdicts = input.lines.map((l, i) => {
    const s = subjects[i] as LineSubject;
    const valueMinor = value.lines[i]?.paid ?? 0;
    const saleRefundedBeforeMinor = refundedBefore;
    refundedBefore += valueMinor;
    const facts: LineFacts = {
      lineNo: l.lineNo,
      categoryCode: s.categoryCode,
      profile: s.profile,
      saleSerial: s.serial,
      saleAt: sale.header.soldAt,
      hasReceipt: true,
      failedRepairs: failedRepairs(db, s.serial),
      valueMinor,
      noReceiptUsedMinor: 0,
      saleRefundedBeforeMinor,
    };
    return decideReturnLine(l, facts, input.resolution, { now, timeZone: store.timeZone });
  });
  const h = sale.header;
  const customer =
    h.customerId === null ? null : { id: h.customerId, name: h.customerName ?? '', phone: h.customerPhone };
  return assemble(db, store, input, {
    sale,
    subjects,
    verdicts,
    refundSale: sale.refundSale,
    previousReturns: sale.previousReturns,
    withSale: true,
    storeCreditOnly: false,
    taxIncluded: h.taxIncluded,
    customer,
    newCustomer: null,
    idDocument: null,
    noReceipt: null,
  });
}

function noReceiptQuote(db: DbClient, store: StoreFacts, now: number, input: QuoteInput): PreparedReturn {
  const nr = input.noReceipt;
  if (!nr) throw new AppError('RETURN_SOURCE_REQUIRED', {});
  const product: ProductRow = noReceiptProduct(db, nr);
  const profile = profileFor(product.policyProfile);
  const rules = rulesFor(profile, product.categoryCode);
  const price = lowestRecentPrice(db, store.id, product, now, store.timeZone);
  const customer = customerByPhone(db, nr.customerPhone);
  const used = noReceiptUsedThisMonth(db, customer?.id ?? null, nr.idDocument, now, store.timeZone);
  const qty = input.lines[0]?.qty ?? 1;
  const amount = price.priceMinor * qty;
  // The item's worth as a one-line "sale": refund math, caps and exchanges work unchanged.
  const synthetic: RefundSale = {
    currency: store.currency,
    lines: [
      {
        lineId: '1',
        qty,
        unitPrice: price.priceMinor,
        lineDiscount: 0,
        taxRateBp: product.taxRateBp,
        taxIncluded: true,
      },
    ],
    orderDiscounts: [],
    tenders: [{ tender: rules.noReceipt.storeCreditOnly ? 'store_credit' : 'cash', amount }],
  };
  const subjects = input.lines.map((l): LineSubject => ({
    lineNo: l.lineNo,
    saleLineNo: null,
    productId: product.id,
    sku: product.sku,
    name: product.name,
    categoryCode: product.categoryCode,
    profile,
    serial: null,
  }));
  computeRefund({
    sale: synthetic,
    previousReturns: [],
    lines: input.lines.map((l) => ({ lineId: String(l.lineNo), qty: l.qty })),
  });
  const verdicts = input.lines.map((l, i) =>
    decideReturnLine(
      l,
      {
        lineNo: l.lineNo,
        categoryCode: product.categoryCode,
        profile,
        saleSerial: null,
        saleAt: null,
        hasReceipt: false,
        failedRepairs: 0,
        valueMinor: i === 0 ? amount : 0,
        noReceiptUsedMinor: used,
        saleRefundedBeforeMinor: 0,
      },
      input.resolution,
      { now, timeZone: store.timeZone },
    ),
  );
  return assemble(db, store, input, {
    sale: null,
    subjects,
    verdicts,
    refundSale: synthetic,
    previousReturns: [],
    withSale: false,
    storeCreditOnly: rules.noReceipt.storeCreditOnly,
    taxIncluded: true,
    customer,
    newCustomer: customer ? null : { name: nr.customerName ?? '', phone: nr.customerPhone },
    idDocument: nr.idDocument,
    noReceipt: {
      lowestPriceMinor: price.priceMinor,
      priceSource: price.source,
      monthUsedMinor: used,
      monthlyLimitMinor: rules.noReceipt.monthlyLimitPerCustomerMinor,
      idDocumentMasked: maskIdDocument(nr.idDocument),
    },
  });
}

/** Sentences for an error's details: which lines need what. */
export function managerDetails(quote: Quote): {
  lines: number[];
  because: { lineNo: number | null; cause: string; key: string }[];
} {
  const because = quote.manager.because.map((b) => ({ lineNo: b.lineNo, cause: b.cause, key: b.reason.key }));
  return { lines: [...new Set(because.flatMap((b) => (b.lineNo === null ? [] : [b.lineNo])))], because };
}
