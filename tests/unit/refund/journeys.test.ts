import { describe, expect, it } from 'vitest';
import { computeRefund } from '../../../shared/domain/refund/compute-refund';
import { computeExchange } from '../../../shared/domain/refund/exchange';
import { planRefund } from '../../../shared/domain/refund/plan-refund';
import type { RefundSale } from '../../../shared/domain/refund/sale';
import { journey1Sale } from './fixtures';

describe('journey 1: return with receipt', () => {
  it('refunds ¥359.10 for the speaker (¥399 − ¥39.90 coupon share) back to WeChat Pay', () => {
    const plan = planRefund({
      sale: journey1Sale(),
      previousReturns: [],
      lines: [{ lineId: 'speaker', qty: 1 }],
      mode: 'original',
    });
    const line = plan.computation.lines[0];
    expect(line).toMatchObject({
      lineId: 'speaker',
      gross: 39900,
      lineDiscount: 0,
      orderDiscountShare: 3990,
      discountShare: 3990,
      net: 35910,
      // 13 % VAT inside ¥359.10: 35910 / 1.13 = 31778.76 → 31779; tax = 35910 − 31779 = 4131.
      tax: 4131,
      restockingFee: 0,
      capReduction: 0,
      total: 35910,
    });
    expect(plan.computation.totals.total).toBe(35910);
    expect(plan.computation.saleRefundableAfter).toBe(41220 - 35910);
    expect(plan.tenders.lines).toEqual([
      { tender: 'wechat', saleTenderIndex: 0, ref: 'WX-4200001', amount: 35910, source: 'original' },
    ]);
    expect(plan.tenders.opensDrawer).toBe(false);
  });

  it('the cable stays returnable: ¥59 − ¥5.90 later, and the two refunds add up to ¥412.20', () => {
    const later = computeRefund({
      sale: journey1Sale(),
      previousReturns: [
        {
          lines: [{ lineId: 'speaker', qty: 1, refunded: 35910 }],
          tenders: [{ saleTenderIndex: 0, tender: 'wechat', amount: 35910 }],
        },
      ],
      lines: [{ lineId: 'cable', qty: 1 }],
    });
    expect(later.totals.total).toBe(5310);
    expect(35910 + later.totals.total).toBe(41220);
    expect(later.saleRefundableAfter).toBe(0);
  });
});

describe('journey 2: override, store credit only, restocking fee waived', () => {
  const headphones: RefundSale = {
    currency: 'CNY',
    lines: [{ lineId: 'hp', qty: 1, unitPrice: 59900, lineDiscount: 0, taxRateBp: 1300, taxIncluded: true }],
    orderDiscounts: [],
    tenders: [{ tender: 'card', amount: 59900, ref: '6222****1234' }],
  };

  it('shows the 15 % fee (¥89.85) and charges it unless waived', () => {
    const charged = computeRefund({
      sale: headphones,
      previousReturns: [],
      lines: [{ lineId: 'hp', qty: 1, restockingFeeBp: 1500 }],
    });
    expect(charged.lines[0]).toMatchObject({
      restockingFeeComputed: 8985,
      restockingFee: 8985,
      total: 50915,
    });
    const waived = planRefund({
      sale: headphones,
      previousReturns: [],
      lines: [{ lineId: 'hp', qty: 1, restockingFeeBp: 1500, restockingFeeWaived: true }],
      mode: 'store_credit_only',
    });
    expect(waived.computation.lines[0]).toMatchObject({
      restockingFeeComputed: 8985,
      restockingFeeWaived: true,
      restockingFee: 0,
      total: 59900,
    });
    expect(waived.tenders.lines).toEqual([
      { tender: 'store_credit', saleTenderIndex: null, amount: 59900, source: 'store_credit_only' },
    ]);
  });
});

describe('journey 4: exchange with price difference', () => {
  const caseSale: RefundSale = {
    currency: 'CNY',
    lines: [{ lineId: 'case', qty: 1, unitPrice: 4900, lineDiscount: 0, taxRateBp: 1300, taxIncluded: true }],
    orderDiscounts: [],
    tenders: [{ tender: 'alipay', amount: 4900, ref: 'ALI-1' }],
  };
  const newCase = (price: number) => ({
    itemId: 'case-pro',
    qty: 1,
    unitPrice: price,
    lineDiscount: 0,
    taxRateBp: 1300,
    taxIncluded: true,
  });

  it('a ¥20 dearer model: the customer pays ¥20 in cash and the drawer opens', () => {
    const x = computeExchange({
      sale: caseSale,
      previousReturns: [],
      returned: [{ lineId: 'case', qty: 1 }],
      newItems: [newCase(6900)],
      paymentTender: 'cash',
    });
    expect(x.credit).toBe(4900);
    expect(x.newTotal).toBe(6900);
    expect(x.difference).toBe(2000);
    expect(x.customerPays).toEqual({ tender: 'cash', amount: 2000 });
    expect(x.refund).toBeNull();
    expect(x.opensDrawer).toBe(true);
    // 6900 / 1.13 = 6106.19 → 6106; tax 794.
    expect(x.newItems[0]).toMatchObject({ net: 6900, tax: 794, total: 6900 });
  });

  it('a ¥20 cheaper model: ¥20 goes back to Alipay; dearer without a tender is refused', () => {
    const x = computeExchange({
      sale: caseSale,
      previousReturns: [],
      returned: [{ lineId: 'case', qty: 1 }],
      newItems: [newCase(2900)],
    });
    expect(x.difference).toBe(-2000);
    expect(x.customerPays).toBeNull();
    expect(x.refund?.lines).toEqual([
      { tender: 'alipay', saleTenderIndex: 0, ref: 'ALI-1', amount: 2000, source: 'original' },
    ]);
    expect(x.opensDrawer).toBe(false);
    expect(() =>
      computeExchange({
        sale: caseSale,
        previousReturns: [],
        returned: [{ lineId: 'case', qty: 1 }],
        newItems: [newCase(6900)],
      }),
    ).toThrow(expect.objectContaining({ code: 'EXCHANGE_PAYMENT_TENDER_REQUIRED' }));
  });

  it('an even exchange moves no money', () => {
    const x = computeExchange({
      sale: caseSale,
      previousReturns: [],
      returned: [{ lineId: 'case', qty: 1 }],
      newItems: [newCase(4900)],
    });
    expect(x.difference).toBe(0);
    expect(x.customerPays).toBeNull();
    expect(x.refund).toBeNull();
  });
});
