/**
 * Partial and repeated returns of one sale, committed for real: refunds never exceed what a line or
 * the sale paid, never more than a tender took, and returning everything gives back exactly what was
 * paid. The sale: 3 × cable ¥59 with ¥10 off the line + a ¥199 charger, ¥20 coupon on the order,
 * total ¥346.00 paid ¥100 gift card + ¥200 WeChat Pay + ¥46 cash. By hand: coupon over line nets
 * ¥167 / ¥199 by largest remainder → ¥9.13 / ¥10.87, so the cables paid ¥157.87 and the charger ¥188.13.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodInput } from '../../../shared/contract';
import { auditOk, inspection, makeReturnsFixture, saleJson, type ReturnsFixture } from './returns-fixture';

let f: ReturnsFixture;
let saleNo = 0;
beforeAll(async () => {
  f = await makeReturnsFixture();
});
afterAll(() => f.close());

const LINE_PAID = { 1: 15_787, 2: 18_813 } as const;
const TENDERS = { gift_card: 10_000, wechat: 20_000, cash: 4_600 } as const;

/** Imports a fresh copy of the sale and returns its receipt number. */
async function newSale(): Promise<{ receiptNo: string; saleId: string }> {
  saleNo += 1;
  const seq = String(1000 + saleNo);
  const receiptNo = `S-20261120-${seq}`;
  const saleId = `test-partial-${seq}`;
  const r = await f.call(f.manager, 'sales.import', {
    format: 'json',
    content: saleJson({
      saleId,
      receiptNo,
      soldAt: '2026-11-20T12:00:00+08:00',
      phone: '13800138000',
      name: '测试顾客',
      orderDiscount: '20.00',
      total: '346.00',
      lines: [
        {
          sku: 'AC-CBL-UG-C15',
          name: '绿联 USB-C 快充数据线 1.5m',
          category: 'accessories',
          qty: 3,
          unitPrice: '59.00',
          lineDiscount: '10.00',
        },
        {
          sku: 'AC-CHG-AN-65W',
          name: '安克 65W 氮化镓充电器',
          category: 'accessories',
          qty: 1,
          unitPrice: '199.00',
        },
      ],
      payments: [
        { tender: 'gift_card', amount: '100.00', ref: 'GC-7' },
        { tender: 'wechat', amount: '200.00' },
        { tender: 'cash', amount: '46.00' },
      ],
    }),
  });
  expect(r.salesImported).toBe(1);
  return { receiptNo, saleId };
}

interface Step {
  lineNo: 1 | 2;
  qty: number;
  grade: 'A-new' | 'B-opened';
  resolution: 'refund' | 'store_credit';
}

async function commitStep(receiptNo: string, step: Step, key: string) {
  const quoteReq: MethodInput<'returns.quote'> = {
    receiptNo,
    resolution: step.resolution,
    lines: [
      {
        lineNo: step.lineNo,
        qty: step.qty,
        reason: 'no_reason',
        inspection: inspection('accessories', { grade: step.grade }),
      },
    ],
  };
  const q = await f.call(f.clerk, 'returns.quote', quoteReq);
  return f.call(f.clerk, 'returns.commit', {
    ...quoteReq,
    idempotencyKey: key,
    expectedTotalMinor: q.totals.totalMinor,
  });
}

function sums(saleId: string) {
  const lines = f.db
    .prepare(
      `SELECT rl.sale_line_no AS lineNo, SUM(rl.qty) AS qty, SUM(rl.refund_minor) AS refunded
       FROM returns r JOIN return_lines rl ON rl.return_id = r.id WHERE r.sale_id = ? GROUP BY rl.sale_line_no`,
    )
    .all(saleId) as { lineNo: 1 | 2; qty: number; refunded: number }[];
  const tenders = f.db
    .prepare(
      `SELECT rt.tender, SUM(rt.amount_minor) AS amount FROM returns r JOIN refund_tenders rt ON rt.return_id = r.id
       WHERE r.sale_id = ? GROUP BY rt.tender`,
    )
    .all(saleId) as { tender: string; amount: number }[];
  return { lines, tenders };
}

describe('partial and repeated returns of one sale', () => {
  it('three cables one by one, then the charger: exactly what was paid, gift card first, cash last', async () => {
    const { receiptNo, saleId } = await newSale();
    const amounts: number[] = [];
    const tenderRows: { tender: string; amountMinor: number }[][] = [];
    for (const [i, step] of (
      [
        { lineNo: 1, qty: 1 },
        { lineNo: 1, qty: 1 },
        { lineNo: 1, qty: 1 },
        { lineNo: 2, qty: 1 },
      ] as const
    ).entries()) {
      const r = await commitStep(
        receiptNo,
        { ...step, grade: 'A-new', resolution: 'refund' },
        `one-by-one-${i}`,
      );
      amounts.push(r.totalMinor);
      tenderRows.push(r.tenders.map((t) => ({ tender: t.tender, amountMinor: t.amountMinor })));
    }
    // ¥157.87 over three units: 52.63 + 52.62 + 52.62 (odd cent on the first unit).
    expect(amounts).toEqual([5_263, 5_262, 5_262, 18_813]);
    expect(tenderRows).toEqual([
      [{ tender: 'gift_card', amountMinor: 5_263 }],
      [
        { tender: 'gift_card', amountMinor: 4_737 },
        { tender: 'wechat', amountMinor: 525 },
      ],
      [{ tender: 'wechat', amountMinor: 5_262 }],
      [
        { tender: 'wechat', amountMinor: 14_213 },
        { tender: 'cash', amountMinor: 4_600 },
      ],
    ]);
    const s = sums(saleId);
    expect(s.lines).toEqual([
      { lineNo: 1, qty: 3, refunded: LINE_PAID[1] },
      { lineNo: 2, qty: 1, refunded: LINE_PAID[2] },
    ]);
    expect(Object.fromEntries(s.tenders.map((t) => [t.tender, t.amount]))).toEqual(TENDERS);
    const more = await f.fail(f.clerk, 'returns.quote', {
      receiptNo,
      resolution: 'refund',
      lines: [{ lineNo: 1, qty: 1, reason: 'no_reason', inspection: inspection('accessories') }],
    });
    expect(more).toMatchObject({
      code: 'REFUND_QTY_EXCEEDS_REMAINING',
      details: { requested: 1, remaining: 0 },
    });
  });

  it('any sequence of partial returns (fees, store credit) stays within what each line, tender and the sale paid', async () => {
    const step = fc.record({
      lineNo: fc.constantFrom<1 | 2>(1, 2),
      qty: fc.integer({ min: 1, max: 3 }),
      grade: fc.constantFrom<'A-new' | 'B-opened'>('A-new', 'B-opened'),
      resolution: fc.constantFrom<'refund' | 'store_credit'>('refund', 'store_credit'),
    });
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 6 }), async (steps) => {
        run += 1;
        const { receiptNo, saleId } = await newSale();
        const left = { 1: 3, 2: 1 };
        let allFree = true;
        for (const [i, s] of steps.entries()) {
          const qty = Math.min(s.qty, left[s.lineNo]);
          if (qty === 0) continue;
          left[s.lineNo] -= qty;
          if (s.grade === 'B-opened') allFree = false;
          await commitStep(receiptNo, { ...s, qty }, `prop-${run}-${i}`);
        }
        const { lines, tenders } = sums(saleId);
        for (const l of lines) {
          expect(Number.isInteger(l.refunded) && l.refunded >= 0).toBe(true);
          expect(l.refunded).toBeLessThanOrEqual(LINE_PAID[l.lineNo]);
          if (allFree && l.qty === (l.lineNo === 1 ? 3 : 1)) expect(l.refunded).toBe(LINE_PAID[l.lineNo]);
        }
        for (const t of tenders) {
          if (t.tender !== 'store_credit') {
            expect(t.amount).toBeLessThanOrEqual(TENDERS[t.tender as keyof typeof TENDERS]);
          }
        }
        const total = tenders.reduce((sum, t) => sum + t.amount, 0);
        expect(total).toBe(lines.reduce((sum, l) => sum + l.refunded, 0));
        expect(total).toBeLessThanOrEqual(34_600);
      }),
      { seed: 20_261_123, numRuns: 60 },
    );
    expect(auditOk(f.db)).toBe(true);
  });
});
