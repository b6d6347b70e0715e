/**
 * A quote put together from its parts, one step per concern: the money of the resolution
 * (quote-money.ts), each line with its inspection, policy decision and money, the reasons a manager
 * must approve, the totals, whether it can be committed, and the repair intake's prefill.
 */
import type { DbClient } from '../../../db/client';
import type { StoreFacts } from '../../../db/repositories/store/store-facts';
import { AppError } from '../../../shared/contract/errors';
import type { Quote, QuoteInput, QuoteLine, ReturnLineInput } from '../../../shared/contract/methods/returns';
import type { PolicyProfile } from '../../../shared/domain/policy';
import type { RefundComputation, RefundLineResult } from '../../../shared/domain/refund';
import type { PricedExchangeItem } from './exchange-items';
import type { LineVerdict } from './line-decision';
import type { CustomerRow } from './no-receipt';
import {
  paysStoreCreditOnly,
  quoteMoney,
  refundMode,
  type MoneySource,
  type QuoteMoney,
  type QuoteTender,
} from './quote-money';
import type { LoadedSale } from './sale-source';

/** A quote plus what the commit needs to write it. */
export interface PreparedReturn {
  quote: Quote;
  sale: LoadedSale | null;
  /** The customer on record (sale customer, or the no-receipt phone's customer). */
  customer: CustomerRow | null;
  /** A no-receipt customer to record at commit (phone not known yet). */
  newCustomer: { name: string; phone: string } | null;
  idDocument: string | null;
  exchangeItems: PricedExchangeItem[];
  verdicts: LineVerdict[];
  /** Whether the exchange still needs the customer's payment tender. */
  paymentTenderRequired: boolean;
}

/** What is returned on one requested line: the sale line (or the no-receipt product) and its policy. */
export interface LineSubject {
  lineNo: number;
  saleLineNo: number | null;
  productId: number | null;
  sku: string;
  name: string;
  categoryCode: string | null;
  profile: PolicyProfile;
  serial: string | null;
}

export interface AssembleArgs extends MoneySource {
  sale: LoadedSale | null;
  subjects: LineSubject[];
  verdicts: LineVerdict[];
  /** No-receipt rule: pay store credit only. */
  storeCreditOnly: boolean;
  customer: CustomerRow | null;
  newCustomer: { name: string; phone: string } | null;
  idDocument: string | null;
  noReceipt: Quote['noReceipt'];
}

/** The quote of a request whose lines were decided: money, lines, manager, totals, commit readiness. */
export function assemble(
  db: DbClient,
  store: StoreFacts,
  input: QuoteInput,
  a: AssembleArgs,
): PreparedReturn {
  const { verdicts } = a;
  const resolution = input.resolution;
  const money = quoteMoney(db, input, verdicts, a, refundMode(input, verdicts, a.storeCreditOnly));
  const lines = input.lines.map((l, i) =>
    quoteLine(l, a.subjects[i] as LineSubject, verdicts[i] as LineVerdict, money.computation.lines[i]),
  );
  const because = resolution === 'repair' ? [] : managerReasons(input, verdicts, money.computation, store);
  const h = a.sale?.header ?? null;
  const quote: Quote = {
    mode: a.sale ? 'receipt' : 'no_receipt',
    sale: h ? { id: h.id, receiptNo: h.receiptNo, soldAt: h.soldAt, businessDay: h.businessDay } : null,
    customer: a.customer,
    currency: store.currency,
    resolution,
    lines,
    exchange: money.exchange,
    tenders: money.tenders,
    totals: totals(resolution, money),
    opensDrawer: money.tenders.some((x) => x.tender === 'cash' && x.amountMinor !== 0),
    manager: {
      required: because.length > 0,
      payout: paysStoreCreditOnly(verdicts) ? 'store_credit' : 'as_requested',
      because,
    },
    commit: commitState(resolution, verdicts, money.paymentTenderRequired, because.length > 0),
    noReceipt: a.noReceipt,
    repairPrefill: resolution === 'repair' ? repairPrefill(input, a) : null,
  };
  return {
    quote,
    sale: a.sale,
    customer: a.customer,
    newCustomer: a.newCustomer,
    idDocument: a.idDocument,
    exchangeItems: money.exchangeItems,
    verdicts,
    paymentTenderRequired: money.paymentTenderRequired,
  };
}

/** One line of the quote: what it is, its inspection, policy decision, status, disposition and money. */
function quoteLine(
  l: ReturnLineInput,
  s: LineSubject,
  v: LineVerdict,
  m: RefundLineResult | undefined,
): QuoteLine {
  if (!m) throw new AppError('INTERNAL', { why: 'refund line missing' });
  return {
    lineNo: l.lineNo,
    productId: s.productId,
    sku: s.sku,
    name: s.name,
    categoryCode: s.categoryCode,
    policyProfile: s.profile.id,
    qty: l.qty,
    serial: s.serial ?? l.inspection.serialScanned ?? null,
    reason: l.reason,
    inspection: {
      grade: v.inspection.grade,
      gradeAdjusted: v.inspection.gradeAdjusted,
      accessoriesComplete: v.inspection.accessoriesComplete,
      packagingIntact: v.inspection.packagingIntact,
      serialMatches: v.inspection.serialMatches,
      faultConfirmed: v.inspection.faultConfirmed,
      checklist: v.inspection.checklist,
      checklistItems: v.inspection.checklistItems,
      missingItems: v.inspection.missingItems,
      notes: l.inspection.notes,
    },
    decision: {
      outcome: v.decision.outcome,
      options: v.decision.options,
      reasons: v.decision.reasons,
      decidingRule: v.decision.decidingRule,
      restockingFeeBp: v.decision.restockingFeeBp,
      overrideRefundMode: v.decision.overrideRefundMode,
      window: v.decision.window,
    },
    status: v.status,
    statusReasons: v.statusReasons,
    overridable: v.overridable,
    disposition: v.disposition,
    allowedDispositions: [...v.allowedDispositions],
    money: {
      unitPriceMinor: m.unitPrice,
      grossMinor: m.gross,
      lineDiscountMinor: m.lineDiscount,
      orderDiscountShareMinor: m.orderDiscountShare,
      discountShareMinor: m.discountShare,
      netMinor: m.net,
      taxMinor: m.tax,
      taxRateBp: m.taxRateBp,
      paidMinor: m.paid,
      restockingFeeBp: m.restockingFeeBp,
      restockingFeeComputedMinor: m.restockingFeeComputed,
      restockingFeeWaived: m.restockingFeeWaived,
      restockingFeeMinor: m.restockingFee,
      capReductionMinor: m.capReduction,
      refundMinor: m.total,
      lineRefundableAfterMinor: m.lineRefundableAfter,
    },
  };
}

/** Why a manager must approve (not asked for repairs): each line's cause, then a waived restocking fee. */
function managerReasons(
  input: QuoteInput,
  verdicts: readonly LineVerdict[],
  computation: RefundComputation,
  store: StoreFacts,
): Quote['manager']['because'] {
  const because: Quote['manager']['because'] = [];
  verdicts.forEach((v, i) => {
    if (v.managerCause) {
      because.push({
        lineNo: input.lines[i]?.lineNo ?? null,
        cause: v.managerCause.cause,
        reason: v.managerCause.reason,
      });
    }
  });
  const waived = computation.lines.reduce(
    (s, l) => s + (l.restockingFeeWaived ? l.restockingFeeComputed : 0),
    0,
  );
  if (waived > 0) {
    because.push({
      lineNo: null,
      cause: 'fee_waiver',
      reason: { key: 'returns.reason.feeWaiver', params: { amount: waived, currency: store.currency } },
    });
  }
  return because;
}

/** Store credit newly issued by these tenders. */
function storeCreditIssued(tenders: readonly QuoteTender[]): number {
  return tenders.reduce(
    (s, x) => s + (x.tender === 'store_credit' && x.amountMinor > 0 ? x.amountMinor : 0),
    0,
  );
}

/** The quote's totals: a repair pays nothing; an exchange's total is what the customer gets back. */
function totals(resolution: QuoteInput['resolution'], money: QuoteMoney): Quote['totals'] {
  const t = money.computation.totals;
  return {
    grossMinor: t.gross,
    discountShareMinor: t.discountShare,
    taxMinor: t.tax,
    restockingFeeComputedMinor: t.restockingFeeComputed,
    restockingFeeMinor: t.restockingFee,
    refundMinor: resolution === 'repair' ? 0 : t.total,
    storeCreditIssuedMinor: storeCreditIssued(money.tenders),
    totalMinor: resolution === 'repair' ? 0 : money.exchange ? -money.exchange.differenceMinor : t.total,
  };
}

/** Whether the quote can be committed as it is, and if not, what stands in the way. */
function commitState(
  resolution: QuoteInput['resolution'],
  verdicts: readonly LineVerdict[],
  paymentTenderRequired: boolean,
  needsManager: boolean,
): Quote['commit'] {
  if (resolution === 'repair') return 'not_a_return';
  if (verdicts.some((v) => v.status === 'blocked')) return 'blocked';
  if (verdicts.some((v) => v.inspection.missingItems.length > 0) || paymentTenderRequired)
    return 'incomplete';
  return needsManager ? 'needs_manager' : 'ready';
}

/** What the repair intake starts from when the first line is sent to repair instead. */
function repairPrefill(input: QuoteInput, a: AssembleArgs): Quote['repairPrefill'] {
  const first = input.lines[0];
  const s = a.subjects[0];
  const v = a.verdicts[0];
  if (!first || !s || !v) return null;
  const h = a.sale?.header ?? null;
  const customer: NonNullable<Quote['repairPrefill']>['customer'] = a.customer
    ? { id: a.customer.id, name: a.customer.name, phone: a.customer.phone }
    : a.newCustomer
      ? { id: null, name: a.newCustomer.name, phone: a.newCustomer.phone }
      : null;
  return {
    saleId: h?.id ?? null,
    receiptNo: h?.receiptNo ?? null,
    lineNo: s.saleLineNo,
    customer,
    product: { productId: s.productId, sku: s.sku, name: s.name, categoryCode: s.categoryCode },
    serial: s.serial ?? first.inspection.serialScanned ?? null,
    soldAt: h?.soldAt ?? null,
    faultText: first.inspection.notes,
    warranty: v.decision.options.includes('repair'),
    decidingRule: v.decision.decidingRule,
  };
}
