/**
 * The money of a quote, one function per resolution: a refund or store credit (planRefund: amounts
 * and tenders), an exchange (computeExchange: the returned value against the new items, the
 * difference and who pays it), a repair (computeRefund: values only, nothing paid out).
 */
import type { DbClient } from '../../../db/client';
import { AppError } from '../../../shared/contract/errors';
import type { Quote, QuoteInput } from '../../../shared/contract/methods/returns';
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
import type { LineVerdict } from './line-decision';

export type QuoteTender = Quote['tenders'][number];

/** What the money steps start from: the sale (or the no-receipt item's one-line "sale") and earlier returns. */
export interface MoneySource {
  refundSale: RefundSale;
  previousReturns: PreviousReturn[];
  /** Whether the sale's prices include tax (the new items of an exchange are priced the same way). */
  taxIncluded: boolean;
  /** Refund tenders name the sale tender they go back to (receipt returns only). */
  withSale: boolean;
}

/** The money of a quote and the tenders that pay it. */
export interface QuoteMoney {
  computation: RefundComputation;
  tenders: QuoteTender[];
  exchange: Quote['exchange'];
  exchangeItems: PricedExchangeItem[];
  /** The exchange still needs the customer's payment tender. */
  paymentTenderRequired: boolean;
}

/** A returned line as the refund domain takes it: quantity and its restocking fee. */
interface RequestLine {
  lineId: string;
  qty: number;
  restockingFeeBp: number;
  restockingFeeWaived: boolean;
}

/** Whether any line's override pays store credit only (the policy refused it or does not offer the resolution). */
export function paysStoreCreditOnly(verdicts: readonly LineVerdict[]): boolean {
  return verdicts.some((v) => v.overrideToStoreCredit);
}

/** Store credit only when asked for, forced by an override, or required by the no-receipt rule. */
export function refundMode(
  input: QuoteInput,
  verdicts: readonly LineVerdict[],
  storeCreditOnly: boolean,
): RefundMode {
  return input.resolution === 'store_credit' || paysStoreCreditOnly(verdicts) || storeCreditOnly
    ? 'store_credit_only'
    : 'original';
}

function requestLines(input: QuoteInput, verdicts: readonly LineVerdict[]): RequestLine[] {
  return input.lines.map((l, i) => ({
    lineId: String(l.lineNo),
    qty: l.qty,
    restockingFeeBp: verdicts[i]?.feeBp ?? 0,
    restockingFeeWaived: input.waiveRestockingFee,
  }));
}

function tenderOut(t: TenderRefund, withSale: boolean): QuoteTender {
  return {
    tender: t.tender,
    amountMinor: t.amount,
    ref: t.ref ?? null,
    saleTenderIndex: withSale ? t.saleTenderIndex : null,
    source: t.source,
  };
}

/** The money of the requested resolution. */
export function quoteMoney(
  db: DbClient,
  input: QuoteInput,
  verdicts: readonly LineVerdict[],
  src: MoneySource,
  mode: RefundMode,
): QuoteMoney {
  const lines = requestLines(input, verdicts);
  if (input.resolution === 'exchange') return exchangeMoney(db, input, lines, src, mode);
  if (input.resolution === 'repair') return repairMoney(lines, src);
  return refundMoney(lines, src, mode);
}

function refundMoney(lines: RequestLine[], src: MoneySource, mode: RefundMode): QuoteMoney {
  const plan = planRefund({ sale: src.refundSale, previousReturns: src.previousReturns, lines, mode });
  return {
    computation: plan.computation,
    tenders: plan.tenders.lines.map((t) => tenderOut(t, src.withSale)),
    exchange: null,
    exchangeItems: [],
    paymentTenderRequired: false,
  };
}

function repairMoney(lines: RequestLine[], src: MoneySource): QuoteMoney {
  const computation = computeRefund({
    sale: src.refundSale,
    previousReturns: src.previousReturns,
    lines: lines.map((l) => ({ lineId: l.lineId, qty: l.qty })),
  });
  return { computation, tenders: [], exchange: null, exchangeItems: [], paymentTenderRequired: false };
}

function exchangeMoney(
  db: DbClient,
  input: QuoteInput,
  lines: RequestLine[],
  src: MoneySource,
  mode: RefundMode,
): QuoteMoney {
  const items = input.exchangeItems ?? [];
  if (items.length === 0) throw new AppError('RETURN_EXCHANGE_ITEMS_REQUIRED', {});
  const exchangeItems = priceExchangeItems(db, items, src.taxIncluded);
  const chosen = input.exchangePaymentTender;
  const result = computeExchange({
    sale: src.refundSale,
    previousReturns: src.previousReturns,
    returned: lines,
    newItems: exchangeItems.map((x) => x.domain),
    paymentTender: chosen ?? 'cash',
    refundMode: mode,
  });
  let tenders: QuoteTender[] = [];
  let paymentTenderRequired = false;
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
  if (result.refund) tenders = result.refund.lines.map((t) => tenderOut(t, src.withSale));
  // The refund ledger: the new items are where the rest of the credit went, so the rows add up to it.
  const goods = paymentTenderRequired ? null : exchangeGoodsTender(result.credit, tenders);
  if (goods) tenders = [goods, ...tenders];
  return {
    computation: result.returned,
    tenders,
    exchange: {
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
    },
    exchangeItems,
    paymentTenderRequired,
  };
}

/**
 * The `exchange_goods` row of an exchange: the credit minus what the other rows pay out (a top-up
 * row is negative), i.e. the new items' total — so that every return's tender rows add up to its
 * refund total (docs/RETURNS.md, "The refund ledger"). None when the new items cost nothing (the
 * caller adds none while the customer's payment tender is still missing: no top-up row to net yet).
 */
export function exchangeGoodsTender(credit: number, others: readonly QuoteTender[]): QuoteTender | null {
  const amount = credit - others.reduce((s, t) => s + t.amountMinor, 0);
  if (amount <= 0) return null;
  return {
    tender: 'exchange_goods',
    amountMinor: amount,
    ref: null,
    saleTenderIndex: null,
    source: 'exchange_goods',
  };
}
