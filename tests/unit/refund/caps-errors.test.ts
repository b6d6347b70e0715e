import { describe, expect, it } from 'vitest';
import { computeRefund } from '../../../shared/domain/refund/compute-refund';
import type { RefundSale } from '../../../shared/domain/refund/sale';
import { journey1Sale } from './fixtures';

const code = (c: string) => expect.objectContaining({ name: 'AppError', code: c });

describe('caps', () => {
  it('a line never refunds more than was paid for it, even after an earlier over-generous refund', () => {
    const sale: RefundSale = {
      currency: 'CNY',
      lines: [{ lineId: 'x', qty: 2, unitPrice: 5000, lineDiscount: 0, taxRateBp: 0, taxIncluded: true }],
      orderDiscounts: [],
      tenders: [{ tender: 'cash', amount: 10000 }],
    };
    const r = computeRefund({
      sale,
      previousReturns: [
        {
          lines: [{ lineId: 'x', qty: 1, refunded: 8000 }],
          tenders: [{ saleTenderIndex: 0, tender: 'cash', amount: 8000 }],
        },
      ],
      lines: [{ lineId: 'x', qty: 1 }],
    });
    expect(r.lines[0]).toMatchObject({ paid: 5000, capReduction: 3000, total: 2000, lineRefundableAfter: 0 });
  });

  it('the sale never refunds more than was paid (store credit given earlier without lines counts)', () => {
    const r = computeRefund({
      sale: journey1Sale(),
      previousReturns: [
        { lines: [], tenders: [{ saleTenderIndex: null, tender: 'store_credit', amount: 40000 }] },
      ],
      lines: [{ lineId: 'speaker', qty: 1 }],
    });
    expect(r.totals.total).toBe(1220);
    expect(r.totals.capReduction).toBe(35910 - 1220);
    expect(r.saleRefundableAfter).toBe(0);
  });

  it('cuts the sale cap from the last requested line first', () => {
    const r = computeRefund({
      sale: journey1Sale(),
      previousReturns: [{ lines: [], tenders: [{ saleTenderIndex: 0, tender: 'wechat', amount: 1000 }] }],
      lines: [
        { lineId: 'speaker', qty: 1 },
        { lineId: 'cable', qty: 1 },
      ],
    });
    expect(r.lines.map((l) => l.total)).toEqual([35910, 5310 - 1000]);
    expect(r.totals.total).toBe(40220);
  });
});

describe('refused requests', () => {
  const base = { sale: journey1Sale(), previousReturns: [] };

  it('refuses quantities beyond what is left to return', () => {
    expect(() => computeRefund({ ...base, lines: [{ lineId: 'speaker', qty: 2 }] })).toThrow(
      expect.objectContaining({
        code: 'REFUND_QTY_EXCEEDS_REMAINING',
        details: { lineId: 'speaker', requested: 2, remaining: 1 },
      }),
    );
    expect(() =>
      computeRefund({
        ...base,
        previousReturns: [{ lines: [{ lineId: 'speaker', qty: 1, refunded: 35910 }], tenders: [] }],
        lines: [{ lineId: 'speaker', qty: 1 }],
      }),
    ).toThrow(code('REFUND_QTY_EXCEEDS_REMAINING'));
  });

  it('refuses unknown, duplicate, zero, fractional and empty requests and bad fees', () => {
    expect(() => computeRefund({ ...base, lines: [{ lineId: 'tv', qty: 1 }] })).toThrow(
      code('REFUND_LINE_NOT_FOUND'),
    );
    expect(() =>
      computeRefund({
        ...base,
        lines: [
          { lineId: 'cable', qty: 1 },
          { lineId: 'cable', qty: 1 },
        ],
      }),
    ).toThrow(code('REFUND_LINE_DUPLICATE'));
    expect(() => computeRefund({ ...base, lines: [{ lineId: 'cable', qty: 0 }] })).toThrow(
      code('REFUND_QTY_INVALID'),
    );
    expect(() => computeRefund({ ...base, lines: [{ lineId: 'cable', qty: 0.5 }] })).toThrow(
      code('REFUND_QTY_INVALID'),
    );
    expect(() => computeRefund({ ...base, lines: [] })).toThrow(code('REFUND_NOTHING_REQUESTED'));
    expect(() =>
      computeRefund({ ...base, lines: [{ lineId: 'cable', qty: 1, restockingFeeBp: 10_001 }] }),
    ).toThrow(code('REFUND_FEE_INVALID'));
    expect(() =>
      computeRefund({ ...base, lines: [{ lineId: 'cable', qty: 1, restockingFeeBp: 1.5 }] }),
    ).toThrow(code('REFUND_FEE_INVALID'));
  });

  it('refuses a sale whose lines do not add up to its tenders, or with broken amounts', () => {
    const s = journey1Sale();
    expect(() =>
      computeRefund({
        ...base,
        sale: { ...s, tenders: [{ tender: 'wechat', amount: 41221 }] },
        lines: [{ lineId: 'cable', qty: 1 }],
      }),
    ).toThrow(
      expect.objectContaining({
        code: 'REFUND_SALE_INCONSISTENT',
        details: { linesTotal: 41220, tendersTotal: 41221 },
      }),
    );
    expect(() =>
      computeRefund({
        ...base,
        sale: { ...s, orderDiscounts: [{ amount: 50000 }] },
        lines: [{ lineId: 'cable', qty: 1 }],
      }),
    ).toThrow(code('REFUND_SALE_INCONSISTENT'));
    const floaty = { ...s, lines: s.lines.map((l) => ({ ...l, unitPrice: l.unitPrice + 0.5 })) };
    expect(() => computeRefund({ ...base, sale: floaty, lines: [{ lineId: 'cable', qty: 1 }] })).toThrow(
      code('REFUND_SALE_INVALID'),
    );
    const overDiscounted = { ...s, lines: s.lines.map((l) => ({ ...l, lineDiscount: 100000 })) };
    expect(() =>
      computeRefund({ ...base, sale: overDiscounted, lines: [{ lineId: 'cable', qty: 1 }] }),
    ).toThrow(code('REFUND_SALE_INVALID'));
    const huge = { ...s, lines: [{ ...s.lines[0]!, qty: 1_000_000, unitPrice: Number.MAX_SAFE_INTEGER }] };
    expect(() => computeRefund({ ...base, sale: huge, lines: [{ lineId: 'speaker', qty: 1 }] })).toThrow(
      code('REFUND_SALE_INVALID'),
    );
  });

  it('refuses earlier returns that do not fit the sale', () => {
    const prev = (p: object) => ({
      ...base,
      previousReturns: [p as never],
      lines: [{ lineId: 'cable', qty: 1 }],
    });
    expect(() =>
      computeRefund(prev({ lines: [{ lineId: 'tv', qty: 1, refunded: 0 }], tenders: [] })),
    ).toThrow(code('REFUND_PREVIOUS_INVALID'));
    expect(() =>
      computeRefund(prev({ lines: [{ lineId: 'speaker', qty: 2, refunded: 0 }], tenders: [] })),
    ).toThrow(code('REFUND_PREVIOUS_INVALID'));
    expect(() =>
      computeRefund(prev({ lines: [{ lineId: 'speaker', qty: 1, refunded: 35911 }], tenders: [] })),
    ).toThrow(code('REFUND_PREVIOUS_INVALID'));
    expect(() =>
      computeRefund(prev({ lines: [], tenders: [{ saleTenderIndex: 0, tender: 'cash', amount: 1 }] })),
    ).toThrow(code('REFUND_PREVIOUS_INVALID'));
    expect(() =>
      computeRefund(prev({ lines: [], tenders: [{ saleTenderIndex: 0, tender: 'wechat', amount: 41221 }] })),
    ).toThrow(code('REFUND_PREVIOUS_INVALID'));
  });
});
