import { describe, expect, it } from 'vitest';
import type { RefundSale } from '../../../shared/domain/refund/sale';
import { allocateRefundToTenders, refundOrder } from '../../../shared/domain/refund/tenders';

// ¥650.00 paid: gift card 100, cash 200, card 300, store credit 50.
const split: RefundSale = {
  currency: 'CNY',
  lines: [{ lineId: 'tv', qty: 1, unitPrice: 65000, lineDiscount: 0, taxRateBp: 1300, taxIncluded: true }],
  orderDiscounts: [],
  tenders: [
    { tender: 'gift_card', amount: 10000, ref: 'GC-1' },
    { tender: 'cash', amount: 20000 },
    { tender: 'card', amount: 30000, ref: 'POS-77' },
    { tender: 'store_credit', amount: 5000, ref: 'M-9' },
  ],
};
const alloc = (amount: number, extra: object = {}) =>
  allocateRefundToTenders({ sale: split, previousReturns: [], amount, mode: 'original', ...extra });

describe('refund back to tenders', () => {
  it('orders stored value first, electronic next, cash last', () => {
    expect(refundOrder(split)).toEqual([3, 0, 2, 1]);
  });

  it('a small refund goes to store credit, then the gift card', () => {
    expect(alloc(12000).lines).toEqual([
      { tender: 'store_credit', saleTenderIndex: 3, ref: 'M-9', amount: 5000, source: 'original' },
      { tender: 'gift_card', saleTenderIndex: 0, ref: 'GC-1', amount: 7000, source: 'original' },
    ]);
  });

  it('a large refund reaches cash only after the card, and opens the drawer', () => {
    const a = alloc(50000);
    expect(a.lines.map((l) => [l.tender, l.amount])).toEqual([
      ['store_credit', 5000],
      ['gift_card', 10000],
      ['card', 30000],
      ['cash', 5000],
    ]);
    expect(a.total).toBe(50000);
    expect(a.opensDrawer).toBe(true);
  });

  it('respects what earlier returns already sent back to each tender', () => {
    const a = allocateRefundToTenders({
      sale: split,
      previousReturns: [
        {
          lines: [],
          tenders: [
            { saleTenderIndex: 3, tender: 'store_credit', amount: 5000 },
            { saleTenderIndex: 2, tender: 'card', amount: 10000 },
          ],
        },
      ],
      amount: 40000,
      mode: 'original',
    });
    expect(a.lines.map((l) => [l.tender, l.amount])).toEqual([
      ['gift_card', 10000],
      ['card', 20000],
      ['cash', 10000],
    ]);
  });

  it('what an unavailable tender cannot take becomes store credit, never cash', () => {
    const a = alloc(50000, { unavailableTenderIndexes: [2] });
    expect(a.lines.map((l) => [l.tender, l.saleTenderIndex, l.amount, l.source])).toEqual([
      ['store_credit', 3, 5000, 'original'],
      ['gift_card', 0, 10000, 'original'],
      ['cash', 1, 5000, 'original'],
      ['store_credit', null, 30000, 'fallback'],
    ]);
  });

  it('store-credit-only mode issues everything as new store credit', () => {
    const a = allocateRefundToTenders({
      sale: split,
      previousReturns: [],
      amount: 65000,
      mode: 'store_credit_only',
    });
    expect(a.lines).toEqual([
      { tender: 'store_credit', saleTenderIndex: null, amount: 65000, source: 'store_credit_only' },
    ]);
    expect(a.opensDrawer).toBe(false);
  });

  it('refuses more than the sale can still refund, and fractional or negative amounts', () => {
    expect(() => alloc(65001)).toThrow(
      expect.objectContaining({
        code: 'REFUND_EXCEEDS_REFUNDABLE',
        details: { amount: 65001, refundable: 65000 },
      }),
    );
    expect(() => alloc(-1)).toThrow(expect.objectContaining({ code: 'REFUND_AMOUNT_INVALID' }));
    expect(() => alloc(10.5)).toThrow(expect.objectContaining({ code: 'REFUND_AMOUNT_INVALID' }));
    expect(alloc(0).lines).toEqual([]);
  });
});
