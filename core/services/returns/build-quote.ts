/**
 * The quote: everything a return or exchange would do, recomputed by core from the request and the
 * database — per-line inspection, policy decision and money, tender allocation, exchange difference,
 * totals, and whether a manager must approve. `returns.quote` shows it; `returns.commit` rebuilds it
 * inside its transaction and writes exactly it.
 */
import type { SqliteDb } from '../../../db/open';
import { AppError } from '../../../shared/contract/errors';
import type { Quote, QuoteInput, QuoteLine } from '../../../shared/contract/methods/returns';
import { rulesFor, type PolicyProfile } from '../../../shared/domain/policy';
import {
  computeExchange,
  computeRefund,
  planRefund,
  type PreviousReturn,
  type RefundComputation,
  type RefundMode,
  type RefundSale,
  type TenderRefund,
} from '../../../shared/domain/refund';
import { priceExchangeItems, type PricedExchangeItem } from './exchange-items';
import { decideReturnLine, type LineFacts, type LineVerdict } from './line-decision';
import {
  customerByPhone,
  lowestRecentPrice,
  maskIdDocument,
  noReceiptCreditThisMonth,
  noReceiptProduct,
  type CustomerRow,
  type ProductRow,
} from './no-receipt';
import { prepared } from './prepared';
import { profileFor } from './profiles';
import { loadSaleByReceipt, type LoadedSale } from './sale-source';
import type { StoreEnv } from './store-env';

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

interface LineSubject {
  lineNo: number;
  saleLineNo: number | null;
  productId: number | null;
  sku: string;
  name: string;
  categoryCode: string | null;
  profile: PolicyProfile;
  serial: string | null;
}

const FAILED_REPAIRS_SQL = `SELECT count(DISTINCT repeat_of_job_id) AS n FROM repair_jobs
  WHERE serial = ? AND repeat_of_job_id IS NOT NULL`;

/** Repairs of this serial that did not fix it (a later job names them as the job it repeats). */
function failedRepairs(db: SqliteDb, serial: string | null): number {
  if (serial === null) return 0;
  return (prepared(db, FAILED_REPAIRS_SQL).get(serial) as { n: number }).n;
}

/** Builds the quote of a request (throws typed AppErrors for requests that cannot be quoted). */
export function buildQuote(env: StoreEnv, input: QuoteInput): PreparedReturn {
  return input.receiptNo !== undefined
    ? receiptQuote(env, input, input.receiptNo)
    : noReceiptQuote(env, input);
}

function receiptQuote(env: StoreEnv, input: QuoteInput, receiptNo: string): PreparedReturn {
  const sale = loadSaleByReceipt(env.db, env.storeId, receiptNo);
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
  const verdicts = input.lines.map((l, i) => {
    const s = subjects[i] as LineSubject;
    const facts: LineFacts = {
      lineNo: l.lineNo,
      categoryCode: s.categoryCode,
      profile: s.profile,
      saleSerial: s.serial,
      saleAt: sale.header.soldAt,
      hasReceipt: true,
      failedRepairs: failedRepairs(env.db, s.serial),
      valueMinor: value.lines[i]?.paid ?? 0,
      noReceiptUsedMinor: 0,
    };
    return decideReturnLine(l, facts, input.resolution, env);
  });
  const h = sale.header;
  const customer =
    h.customerId === null ? null : { id: h.customerId, name: h.customerName ?? '', phone: h.customerPhone };
  return assemble(env, input, {
    sale,
    subjects,
    verdicts,
    refundSale: sale.refundSale,
    previousReturns: sale.previousReturns,
    storeCreditOnly: false,
    taxIncluded: h.taxIncluded === 1,
    customer,
    newCustomer: null,
    idDocument: null,
    noReceipt: null,
  });
}

function noReceiptQuote(env: StoreEnv, input: QuoteInput): PreparedReturn {
  const nr = input.noReceipt;
  if (!nr) throw new AppError('RETURN_SOURCE_REQUIRED', {});
  const product: ProductRow = noReceiptProduct(env.db, nr);
  const profile = profileFor(product.policyProfile);
  const rules = rulesFor(profile, product.categoryCode);
  const price = lowestRecentPrice(env.db, env.storeId, product, env.now, env.timeZone);
  const customer = customerByPhone(env.db, nr.customerPhone);
  const used = noReceiptCreditThisMonth(env.db, customer?.id ?? null, env.now, env.timeZone);
  const qty = input.lines[0]?.qty ?? 1;
  const amount = price.priceMinor * qty;
  // The item's worth as a one-line "sale": refund math, caps and exchanges work unchanged.
  const synthetic: RefundSale = {
    currency: env.currency,
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
      },
      input.resolution,
      env,
    ),
  );
  return assemble(env, input, {
    sale: null,
    subjects,
    verdicts,
    refundSale: synthetic,
    previousReturns: [],
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

interface AssembleArgs {
  sale: LoadedSale | null;
  subjects: LineSubject[];
  verdicts: LineVerdict[];
  refundSale: RefundSale;
  previousReturns: PreviousReturn[];
  /** No-receipt rule: pay store credit only. */
  storeCreditOnly: boolean;
  taxIncluded: boolean;
  customer: CustomerRow | null;
  newCustomer: { name: string; phone: string } | null;
  idDocument: string | null;
  noReceipt: Quote['noReceipt'];
}

type QuoteTender = Quote['tenders'][number];

function tenderOut(t: TenderRefund, withSale: boolean): QuoteTender {
  return {
    tender: t.tender,
    amountMinor: t.amount,
    ref: t.ref ?? null,
    saleTenderIndex: withSale ? t.saleTenderIndex : null,
    source: t.source,
  };
}

function assemble(env: StoreEnv, input: QuoteInput, a: AssembleArgs): PreparedReturn {
  const { verdicts } = a;
  const resolution = input.resolution;
  const payoutStoreCredit = verdicts.some((v) => v.overrideToStoreCredit);
  const mode: RefundMode =
    resolution === 'store_credit' || payoutStoreCredit || a.storeCreditOnly
      ? 'store_credit_only'
      : 'original';
  const requestLines = input.lines.map((l, i) => ({
    lineId: String(l.lineNo),
    qty: l.qty,
    restockingFeeBp: verdicts[i]?.feeBp ?? 0,
    restockingFeeWaived: input.waiveRestockingFee,
  }));

  let computation: RefundComputation;
  let tenders: QuoteTender[] = [];
  let exchange: Quote['exchange'] = null;
  let exchangeItems: PricedExchangeItem[] = [];
  let paymentTenderRequired = false;
  const withSale = a.sale !== null;

  if (resolution === 'exchange') {
    const items = input.exchangeItems ?? [];
    if (items.length === 0) throw new AppError('RETURN_EXCHANGE_ITEMS_REQUIRED', {});
    exchangeItems = priceExchangeItems(env.db, items, a.taxIncluded);
    const chosen = input.exchangePaymentTender;
    const result = computeExchange({
      sale: a.refundSale,
      previousReturns: a.previousReturns,
      returned: requestLines,
      newItems: exchangeItems.map((x) => x.domain),
      paymentTender: chosen ?? 'cash',
      refundMode: mode,
    });
    computation = result.returned;
    if (result.customerPays) {
      if (chosen) {
        tenders = [
          {
            tender: result.customerPays.tender,
            amountMinor: -result.customerPays.amount,
            ref: null,
            saleTenderIndex: null,
            source: 'customer_payment',
          },
        ];
      } else paymentTenderRequired = true;
    }
    if (result.refund) tenders = result.refund.lines.map((t) => tenderOut(t, withSale));
    exchange = {
      items: exchangeItems.map((x, i) => {
        const priced = result.newItems[i];
        return {
          productId: x.product.id,
          sku: x.product.sku,
          name: x.product.name,
          qty: x.qty,
          serial: x.serial,
          unitPriceMinor: x.product.priceMinor,
          grossMinor: priced?.gross ?? 0,
          taxMinor: priced?.tax ?? 0,
          totalMinor: priced?.total ?? 0,
        };
      }),
      creditMinor: result.credit,
      newTotalMinor: result.newTotal,
      differenceMinor: result.difference,
      paymentTenderRequired,
    };
  } else if (resolution === 'repair') {
    computation = computeRefund({
      sale: a.refundSale,
      previousReturns: a.previousReturns,
      lines: requestLines.map((l) => ({ lineId: l.lineId, qty: l.qty })),
    });
  } else {
    const plan = planRefund({
      sale: a.refundSale,
      previousReturns: a.previousReturns,
      lines: requestLines,
      mode,
    });
    computation = plan.computation;
    tenders = plan.tenders.lines.map((t) => tenderOut(t, withSale));
  }

  const lines: QuoteLine[] = input.lines.map((l, i) => {
    const s = a.subjects[i] as LineSubject;
    const v = verdicts[i] as LineVerdict;
    const m = computation.lines[i];
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
  });

  const because: Quote['manager']['because'] = [];
  if (resolution !== 'repair') {
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
        reason: { key: 'returns.reason.feeWaiver', params: { amount: waived, currency: env.currency } },
      });
    }
  }

  const t = computation.totals;
  const storeCreditIssued = tenders.reduce(
    (s, x) => s + (x.tender === 'store_credit' && x.amountMinor > 0 ? x.amountMinor : 0),
    0,
  );
  const totalMinor = resolution === 'repair' ? 0 : exchange ? -exchange.differenceMinor : t.total;
  const anyBlocked = verdicts.some((v) => v.status === 'blocked');
  const anyIncomplete = resolution !== 'repair' && verdicts.some((v) => v.inspection.missingItems.length > 0);
  const commit: Quote['commit'] =
    resolution === 'repair'
      ? 'not_a_return'
      : anyBlocked
        ? 'blocked'
        : anyIncomplete || paymentTenderRequired
          ? 'incomplete'
          : because.length > 0
            ? 'needs_manager'
            : 'ready';

  const h = a.sale?.header ?? null;
  const quote: Quote = {
    mode: a.sale ? 'receipt' : 'no_receipt',
    sale: h ? { id: h.id, receiptNo: h.receiptNo, soldAt: h.soldAt, businessDay: h.businessDay } : null,
    customer: a.customer,
    currency: env.currency,
    resolution,
    lines,
    exchange,
    tenders,
    totals: {
      grossMinor: t.gross,
      discountShareMinor: t.discountShare,
      taxMinor: t.tax,
      restockingFeeComputedMinor: t.restockingFeeComputed,
      restockingFeeMinor: t.restockingFee,
      refundMinor: resolution === 'repair' ? 0 : t.total,
      storeCreditIssuedMinor: storeCreditIssued,
      totalMinor,
    },
    opensDrawer: tenders.some((x) => x.tender === 'cash' && x.amountMinor !== 0),
    manager: {
      required: because.length > 0,
      payout: payoutStoreCredit ? 'store_credit' : 'as_requested',
      because,
    },
    commit,
    noReceipt: a.noReceipt,
    repairPrefill: resolution === 'repair' ? repairPrefill(input, a, verdicts) : null,
  };
  return {
    quote,
    sale: a.sale,
    customer: a.customer,
    newCustomer: a.newCustomer,
    idDocument: a.idDocument,
    exchangeItems,
    verdicts,
    paymentTenderRequired,
  };
}

function repairPrefill(input: QuoteInput, a: AssembleArgs, verdicts: LineVerdict[]): Quote['repairPrefill'] {
  const first = input.lines[0];
  const s = a.subjects[0];
  const v = verdicts[0];
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

/** Sentences for an error's details: which lines need what. */
export function managerDetails(quote: Quote): {
  lines: number[];
  because: { lineNo: number | null; cause: string; key: string }[];
} {
  const because = quote.manager.because.map((b) => ({ lineNo: b.lineNo, cause: b.cause, key: b.reason.key }));
  return { lines: [...new Set(because.flatMap((b) => (b.lineNo === null ? [] : [b.lineNo])))], because };
}
