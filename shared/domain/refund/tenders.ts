/**
 * Where a refund goes. Mode `original` sends it back to the tenders the customer paid with, each at
 * most what that tender paid minus what earlier returns already sent back to it, in this order:
 *
 *   1. store credit, 2. gift card  — stored value goes back as stored value first, so a partial return
 *      never turns a gift card or store credit into cash or a card refund;
 *   3. card, WeChat Pay, Alipay    — electronic money back to the same account (same ref), in the
 *      order the POS took them;
 *   4. cash last                    — cash only up to what was paid in cash.
 *
 * Ties keep the sale's tender order. A tender that cannot take a refund now (terminal offline, refund
 * window of the payment channel over: `unavailableTenderIndexes`) does not push its part onto the next
 * tender; that part becomes newly issued store credit (`source: 'fallback'`). Mode `store_credit_only`
 * (manager overrides, no-receipt returns) issues the whole amount as store credit.
 */
import { AppError } from '../../contract/errors';
import type { Tender } from '../money/tenders';
import type { PreviousReturn, RefundSale } from './sale';
import { checkSale } from './validate-sale';

export type RefundMode = 'original' | 'store_credit_only';

/** Lower goes first. */
export const REFUND_TENDER_PRIORITY: Readonly<Record<Tender, number>> = {
  store_credit: 1,
  gift_card: 2,
  card: 3,
  wechat: 3,
  alipay: 3,
  cash: 4,
};

export interface TenderRefund {
  tender: Tender;
  /** Index into sale.tenders; null for newly issued store credit. */
  saleTenderIndex: number | null;
  ref?: string;
  amount: number;
  source: 'original' | 'fallback' | 'store_credit_only';
}

export interface TenderAllocation {
  mode: RefundMode;
  lines: TenderRefund[];
  total: number;
  /** True when cash leaves the drawer (the drawer must open). */
  opensDrawer: boolean;
}

export interface AllocateRefundInput {
  sale: RefundSale;
  previousReturns: readonly PreviousReturn[];
  amount: number;
  mode: RefundMode;
  unavailableTenderIndexes?: readonly number[];
}

/** Tender indexes of a sale in refund order (see the file comment). */
export function refundOrder(sale: RefundSale): number[] {
  return sale.tenders
    .map((t, i) => ({ i, p: REFUND_TENDER_PRIORITY[t.tender] }))
    .sort((a, b) => a.p - b.p || a.i - b.i)
    .map((x) => x.i);
}

/**
 * Splits a refund amount over tenders. Throws AppError REFUND_EXCEEDS_REFUNDABLE when the amount is more
 * than the sale can still refund, and REFUND_AMOUNT_INVALID for a negative or fractional amount.
 */
export function allocateRefundToTenders(input: AllocateRefundInput): TenderAllocation {
  const { sale, previous } = checkSale(input.sale, input.previousReturns);
  const amount = input.amount;
  if (!Number.isSafeInteger(amount) || amount < 0) throw new AppError('REFUND_AMOUNT_INVALID', { amount });
  const refundable = sale.tenders.reduce((s, t) => s + t.amount, 0) - previous.saleRefunded;
  if (amount > refundable) throw new AppError('REFUND_EXCEEDS_REFUNDABLE', { amount, refundable });
  const lines: TenderRefund[] = [];
  if (input.mode === 'store_credit_only') {
    if (amount > 0)
      lines.push({ tender: 'store_credit', saleTenderIndex: null, amount, source: 'store_credit_only' });
    return { mode: input.mode, lines, total: amount, opensDrawer: false };
  }
  const unavailable = new Set(input.unavailableTenderIndexes ?? []);
  let left = amount;
  let fallback = 0;
  for (const i of refundOrder(sale)) {
    if (left === 0) break;
    const t = sale.tenders[i];
    if (!t) continue;
    const room = t.amount - (previous.tenderRefunded[i] ?? 0);
    const take = Math.min(left, room);
    if (take <= 0) continue;
    left -= take;
    if (unavailable.has(i)) {
      fallback += take;
      continue;
    }
    lines.push({
      tender: t.tender,
      saleTenderIndex: i,
      ...(t.ref ? { ref: t.ref } : {}),
      amount: take,
      source: 'original',
    });
  }
  fallback += left; // defensive: tender room always covers what the sale can still refund
  if (fallback > 0)
    lines.push({ tender: 'store_credit', saleTenderIndex: null, amount: fallback, source: 'fallback' });
  return { mode: input.mode, lines, total: amount, opensDrawer: lines.some((l) => l.tender === 'cash') };
}
