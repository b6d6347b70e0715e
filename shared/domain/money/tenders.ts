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

/** True for a tender of the list. */
export function isTender(t: string): t is Tender {
  return (TENDERS as readonly string[]).includes(t);
}
