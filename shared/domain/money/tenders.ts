/** How a customer pays or is paid: the one list the sales contract, the import and the refund math use. */

export const TENDERS = ['cash', 'card', 'wechat', 'alipay', 'store_credit', 'gift_card'] as const;
export type Tender = (typeof TENDERS)[number];

/** Tenders a customer pays with at the counter (store credit and gift cards are not spent there). */
export const COUNTER_PAYMENT_TENDERS = [
  'cash',
  'card',
  'wechat',
  'alipay',
] as const satisfies readonly Tender[];
export type CounterPaymentTender = (typeof COUNTER_PAYMENT_TENDERS)[number];

/**
 * Tenders a repair deposit or pickup may be paid with: the counter tenders plus `store_credit`,
 * which core debits from the store credit ledger in the same transaction (refused above the
 * balance). `gift_card` is not offered: core has no issuer to check a gift card's balance with.
 */
export const REPAIR_PAYMENT_TENDERS = [
  ...COUNTER_PAYMENT_TENDERS,
  'store_credit',
] as const satisfies readonly Tender[];
export type RepairPaymentTender = (typeof REPAIR_PAYMENT_TENDERS)[number];

/** What a pickup screen offers: store credit only when the customer has a balance. */
export function repairTendersFor(storeCreditBalanceMinor: number): readonly RepairPaymentTender[] {
  return storeCreditBalanceMinor > 0 ? REPAIR_PAYMENT_TENDERS : COUNTER_PAYMENT_TENDERS;
}

/**
 * What a `refund_tenders` row may name: the tenders, plus `exchange_goods` — the part of a return's
 * value handed over as the new items of an exchange (their total), so that a return's rows always
 * add up to its refund total. Never a way to pay: the POS import takes `TENDERS`, repair deposits and
 * pickups `REPAIR_PAYMENT_TENDERS` only.
 */
export const REFUND_TENDERS = [...TENDERS, 'exchange_goods'] as const;
export type RefundTender = (typeof REFUND_TENDERS)[number];

/** True for a tender of the list. */
export function isTender(t: string): t is Tender {
  return (TENDERS as readonly string[]).includes(t);
}

/** True for a tender a refund_tenders row may name (the tenders and `exchange_goods`). */
export function isRefundTender(t: string): t is RefundTender {
  return (REFUND_TENDERS as readonly string[]).includes(t);
}
