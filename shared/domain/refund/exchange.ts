/**
 * Exchange: returned units become a credit, the new items are priced, and the difference
 * (new items total − credit) is paid by the customer (positive) or refunded to the original tenders
 * (negative, allocated like any refund). One result carries both sides for the one slip.
 */
import { z } from 'zod';
import { AppError } from '../../contract/errors';
import { mulMinor } from '../money/safe';
import { computeRefund, type RefundComputation, type RefundRequestLine } from './compute-refund';
import { isTender, type Tender } from '../money/tenders';
import type { PreviousReturn, RefundSale } from './sale';
import { lineTax, payableFor } from './tax';
import { allocateRefundToTenders, type RefundMode, type TenderAllocation } from './tenders';

const minor = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
export const exchangeNewItemSchema = z.object({
  itemId: z.string().min(1),
  qty: z.number().int().positive().max(1_000_000),
  unitPrice: minor,
  lineDiscount: minor,
  taxRateBp: z.number().int().min(0).max(10_000),
  taxIncluded: z.boolean(),
});
export type ExchangeNewItem = z.infer<typeof exchangeNewItemSchema>;

export interface ExchangeNewItemResult extends ExchangeNewItem {
  gross: number;
  net: number;
  tax: number;
  /** What the customer owes for this item. */
  total: number;
}

export interface ComputeExchangeInput {
  sale: RefundSale;
  previousReturns: readonly PreviousReturn[];
  returned: readonly RefundRequestLine[];
  newItems: readonly ExchangeNewItem[];
  /** How the customer pays a positive difference (required when there is one). */
  paymentTender?: Tender;
  /** How a negative difference goes back (default: original tenders). */
  refundMode?: RefundMode;
  unavailableTenderIndexes?: readonly number[];
}

export interface ExchangeResult {
  returned: RefundComputation;
  /** Credit from the returned units (= returned.totals.total). */
  credit: number;
  newItems: ExchangeNewItemResult[];
  newTotal: number;
  /** newTotal − credit: > 0 the customer pays, < 0 the customer is refunded. */
  difference: number;
  customerPays: { tender: Tender; amount: number } | null;
  refund: TenderAllocation | null;
  /** Cash changes hands on either side. */
  opensDrawer: boolean;
}

function priceNewItem(raw: ExchangeNewItem): ExchangeNewItemResult {
  const parsed = exchangeNewItemSchema.safeParse(raw);
  if (!parsed.success) throw new AppError('EXCHANGE_ITEM_INVALID', { itemId: raw.itemId, why: 'shape' });
  const item = parsed.data;
  let gross: number;
  try {
    gross = mulMinor(item.unitPrice, item.qty);
  } catch {
    throw new AppError('EXCHANGE_ITEM_INVALID', { itemId: item.itemId, why: 'too_large' });
  }
  if (item.lineDiscount > gross)
    throw new AppError('EXCHANGE_ITEM_INVALID', { itemId: item.itemId, why: 'discount' });
  const net = gross - item.lineDiscount;
  const tax = lineTax(net, item.taxRateBp, item.taxIncluded);
  return { ...item, gross, net, tax, total: payableFor(net, tax, item.taxIncluded) };
}

/**
 * Prices an exchange. Throws AppError EXCHANGE_PAYMENT_TENDER_REQUIRED when the customer owes money and no
 * tender was given, EXCHANGE_ITEM_INVALID for a malformed new item, and every computeRefund error.
 */
export function computeExchange(input: ComputeExchangeInput): ExchangeResult {
  const returned = computeRefund({
    sale: input.sale,
    previousReturns: input.previousReturns,
    lines: input.returned,
  });
  const newItems = input.newItems.map(priceNewItem);
  const newTotal = newItems.reduce((s, i) => s + i.total, 0);
  if (!Number.isSafeInteger(newTotal)) throw new AppError('EXCHANGE_ITEM_INVALID', { why: 'too_large' });
  const credit = returned.totals.total;
  const difference = newTotal - credit;
  let customerPays: ExchangeResult['customerPays'] = null;
  let refund: TenderAllocation | null = null;
  if (difference > 0) {
    const tender = input.paymentTender;
    if (!tender || !isTender(tender)) {
      throw new AppError('EXCHANGE_PAYMENT_TENDER_REQUIRED', { difference });
    }
    customerPays = { tender, amount: difference };
  } else if (difference < 0) {
    refund = allocateRefundToTenders({
      sale: input.sale,
      previousReturns: input.previousReturns,
      amount: -difference,
      mode: input.refundMode ?? 'original',
      ...(input.unavailableTenderIndexes ? { unavailableTenderIndexes: input.unavailableTenderIndexes } : {}),
    });
  }
  return {
    returned,
    credit,
    newItems,
    newTotal,
    difference,
    customerPays,
    refund,
    opensDrawer: customerPays?.tender === 'cash' || refund?.opensDrawer === true,
  };
}
