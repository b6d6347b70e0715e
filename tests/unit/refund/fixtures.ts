import type { RefundSale } from '../../../shared/domain/refund/sale';

/** Journey 1: speaker ¥399 + cable ¥59, 10 % coupon on the order (¥45.80), paid ¥412.20 by WeChat Pay. */
export function journey1Sale(): RefundSale {
  return {
    currency: 'CNY',
    lines: [
      { lineId: 'speaker', qty: 1, unitPrice: 39900, lineDiscount: 0, taxRateBp: 1300, taxIncluded: true },
      { lineId: 'cable', qty: 1, unitPrice: 5900, lineDiscount: 0, taxRateBp: 1300, taxIncluded: true },
    ],
    orderDiscounts: [{ code: 'COUPON10', amount: 4580 }],
    tenders: [{ tender: 'wechat', amount: 41220, ref: 'WX-4200001' }],
  };
}
