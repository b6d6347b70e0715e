/**
 * The refund ledger always adds up (issue #13): for every committed return and exchange,
 * sum(refund_tenders.amount_minor) = returns.refund_total_minor, and so the daily summary's
 * "tenders = refunds" check holds after any mix of receipted returns (full or partial, refund or
 * store credit, split payments incl. gift card and store credit), exchanges (dearer with a top-up in
 * a random counter tender, even, cheaper with the difference refunded) and no-receipt returns.
 * Random days from fast-check with a fixed seed; every commit goes through the real dispatcher, and
 * the day is read back with `reports.daily` as the manager.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodInput } from '../../../shared/contract';
import { summarySections } from '../../../shared/contract/methods/reports-rows';
import { COUNTER_PAYMENT_TENDERS, type CounterPaymentTender } from '../../../shared/domain/money/tenders';
import { auditOk, inspection, makeReturnsFixture, saleJson, type ReturnsFixture } from './returns-fixture';

const DAY = '2026-11-23';
/** Accessories (generic-retail, 30-day window) at catalog prices, so that an exchange can come out even. */
const SKUS = [
  'AC-CBL-UG-C15',
  'AC-PB-AN-10K',
  'AC-CASE-XM14',
  'AC-BAG-14',
  'AC-CASE-IP15-CL',
  'AC-CHG-XM-33W',
  'AC-SP-IP15',
  'AC-CASE-IP15-MS',
] as const;
type Sku = (typeof SKUS)[number];
const SALE_TENDERS = ['cash', 'card', 'wechat', 'alipay', 'store_credit', 'gift_card'] as const;

let f: ReturnsFixture;
const catalog = new Map<string, { name: string; priceMinor: number }>();
let serial = 0;

beforeAll(async () => {
  f = await makeReturnsFixture();
  for (const sku of SKUS) {
    const p = f.db.prepare('SELECT name, price_minor AS priceMinor FROM products WHERE sku = ?').get(sku) as {
      name: string;
      priceMinor: number;
    };
    catalog.set(sku, p);
  }
});
afterAll(() => f.close());

const yuan = (m: number) => `${Math.floor(m / 100)}.${String(m % 100).padStart(2, '0')}`;
const product = (sku: string) => {
  const p = catalog.get(sku);
  if (!p) throw new Error(`no product ${sku}`);
  return p;
};

const saleArb = fc.record({
  lines: fc.array(fc.record({ sku: fc.constantFrom(...SKUS), qty: fc.integer({ min: 1, max: 3 }) }), {
    minLength: 1,
    maxLength: 3,
  }),
  /** Order coupon in per mille of the subtotal (0: none). */
  couponPermille: fc.constantFrom(0, 0, 37, 100),
  /** Split of the total over 1–3 tenders: weights per tender. */
  payments: fc.array(
    fc.record({ tender: fc.constantFrom(...SALE_TENDERS), weight: fc.integer({ min: 1, max: 5 }) }),
    {
      minLength: 1,
      maxLength: 3,
    },
  ),
});

const stepArb = fc.oneof(
  fc.record({
    kind: fc.constant('return' as const),
    resolution: fc.constantFrom<'refund' | 'store_credit'>('refund', 'store_credit'),
    grade: fc.constantFrom<'A-new' | 'B-opened'>('A-new', 'B-opened'),
    pick: fc.array(fc.record({ line: fc.nat(), qty: fc.integer({ min: 1, max: 3 }) }), {
      minLength: 1,
      maxLength: 3,
    }),
  }),
  fc.record({
    kind: fc.constant('exchange' as const),
    line: fc.nat(),
    qty: fc.integer({ min: 1, max: 2 }),
    /** 'same': the returned SKU again (even unless a coupon made the credit smaller); 'cheapest': one ¥39 screen protector. */
    items: fc.oneof(
      fc.constant('same' as const),
      fc.constant('cheapest' as const),
      fc.array(fc.record({ sku: fc.constantFrom(...SKUS), qty: fc.integer({ min: 1, max: 2 }) }), {
        minLength: 1,
        maxLength: 2,
      }),
    ),
    pay: fc.constantFrom<CounterPaymentTender>(...COUNTER_PAYMENT_TENDERS),
  }),
  fc.record({
    kind: fc.constant('no_receipt' as const),
    sku: fc.constantFrom<Sku>(...SKUS),
  }),
);
type StepOf =
  | {
      kind: 'return';
      resolution: 'refund' | 'store_credit';
      grade: 'A-new' | 'B-opened';
      pick: { line: number; qty: number }[];
    }
  | {
      kind: 'exchange';
      line: number;
      qty: number;
      items: 'same' | 'cheapest' | { sku: Sku; qty: number }[];
      pay: CounterPaymentTender;
    }
  | { kind: 'no_receipt'; sku: Sku };

/** Imports a sale of `spec` two days ago; its receipt number. */
async function importSale(spec: {
  lines: { sku: Sku; qty: number }[];
  couponPermille: number;
  payments: { tender: (typeof SALE_TENDERS)[number]; weight: number }[];
}): Promise<string> {
  serial += 1;
  const seq = String(5000 + serial);
  const receiptNo = `S-20261121-${seq}`;
  const subtotal = spec.lines.reduce((s, l) => s + product(l.sku).priceMinor * l.qty, 0);
  const coupon = Math.floor((subtotal * spec.couponPermille) / 1000);
  const total = subtotal - coupon;
  const weights = spec.payments.reduce((s, p) => s + p.weight, 0);
  let left = total;
  const payments = spec.payments.map((p, i) => {
    const amount = i === spec.payments.length - 1 ? left : Math.floor((total * p.weight) / weights);
    left -= amount;
    return {
      tender: p.tender,
      amount: yuan(amount),
      ...(p.tender === 'gift_card' ? { ref: `GC-${seq}-${i}` } : {}),
    };
  });
  const r = await f.call(f.manager, 'sales.import', {
    format: 'json',
    content: saleJson({
      saleId: `test-ledger-${seq}`,
      receiptNo,
      soldAt: '2026-11-21T10:00:00+08:00',
      phone: '13800138000',
      name: '测试顾客',
      orderDiscount: yuan(coupon),
      total: yuan(total),
      lines: spec.lines.map((l) => ({
        sku: l.sku,
        name: product(l.sku).name,
        category: 'accessories',
        qty: l.qty,
        unitPrice: yuan(product(l.sku).priceMinor),
      })),
      payments: payments.filter((p) => p.amount !== '0.00'),
    }),
  });
  expect(r.salesImported).toBe(1);
  return receiptNo;
}

/** Exchanges committed, by the sign of their difference (dearer: the customer tops up). */
const shapes = { dearer: 0, even: 0, cheaper: 0 };

/** Quotes, gets the manager when the quote needs one, commits; the return id (null: nothing to commit). */
async function quoteAndCommit(req: MethodInput<'returns.quote'>, key: string): Promise<string | null> {
  const q = await f.call(f.clerk, 'returns.quote', req);
  if (q.commit !== 'ready' && q.commit !== 'needs_manager') return null;
  const d = q.exchange?.differenceMinor;
  if (d !== undefined) shapes[d > 0 ? 'dearer' : d < 0 ? 'cheaper' : 'even'] += 1;
  const token =
    q.commit === 'needs_manager'
      ? (await f.override({ ...req, expectedTotalMinor: q.totals.totalMinor })).token
      : undefined;
  const r = await f.call(f.clerk, 'returns.commit', {
    ...req,
    idempotencyKey: key,
    expectedTotalMinor: q.totals.totalMinor,
    ...(token ? { overrideToken: token } : {}),
  });
  return r.returnId;
}

/** The request of `step` on the sale as it stands now (null: nothing left to return). */
async function requestOf(receiptNo: string, step: StepOf): Promise<MethodInput<'returns.quote'> | null> {
  if (step.kind === 'no_receipt') {
    serial += 1;
    return {
      noReceipt: {
        productSku: step.sku,
        customerPhone: `139${String(serial).padStart(8, '0')}`,
        customerName: '无小票顾客',
        idDocument: '110101199001011234',
      },
      resolution: 'store_credit',
      lines: [{ lineNo: 1, qty: 1, reason: 'no_reason', inspection: inspection('accessories') }],
    };
  }
  const sale = await f.call(f.clerk, 'returns.saleForReturn', { receiptNo });
  const open = sale.lines.filter((l) => l.remainingQty > 0);
  if (open.length === 0) return null;
  if (step.kind === 'exchange') {
    const line = open[step.line % open.length];
    if (!line) return null;
    const qty = Math.min(step.qty, line.remainingQty);
    return {
      receiptNo,
      resolution: 'exchange',
      exchangeItems:
        step.items === 'same'
          ? [{ sku: line.sku, qty }]
          : step.items === 'cheapest'
            ? [{ sku: 'AC-SP-IP15', qty: 1 }]
            : step.items,
      exchangePaymentTender: step.pay,
      lines: [{ lineNo: line.lineNo, qty, reason: 'no_reason', inspection: inspection('accessories') }],
    };
  }
  const chosen = new Map<number, number>();
  for (const p of step.pick) {
    const line = open[p.line % open.length];
    if (!line || chosen.has(line.lineNo)) continue;
    chosen.set(line.lineNo, Math.min(p.qty, line.remainingQty));
  }
  return {
    receiptNo,
    resolution: step.resolution,
    lines: [...chosen].map(([lineNo, qty]) => ({
      lineNo,
      qty,
      reason: 'no_reason' as const,
      inspection: inspection('accessories', { grade: step.grade }),
    })),
  };
}

/** Per return: refund_total_minor and the sum of its tender rows (returns without rows count 0). */
function ledgerOf(where: string, ...params: unknown[]) {
  return f.db
    .prepare(
      `SELECT r.id, r.kind, r.refund_total_minor AS refund,
              coalesce((SELECT sum(t.amount_minor) FROM refund_tenders t WHERE t.return_id = r.id), 0) AS tenders
       FROM returns r WHERE ${where} ORDER BY r.id`,
    )
    .all(...params) as { id: string; kind: string; refund: number; tenders: number }[];
}

describe('refund tenders add up to the refund total (issue #13)', () => {
  it('after any mix of returns, exchanges and no-receipt returns, per return and for the day', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        saleArb,
        fc.array(stepArb, { minLength: 1, maxLength: 5 }),
        async (saleSpec, steps) => {
          run += 1;
          const receiptNo = await importSale(saleSpec);
          for (const [i, step] of steps.entries()) {
            const req = await requestOf(receiptNo, step);
            if (!req) continue;
            const id = await quoteAndCommit(req, `ledger-${run}-${i}`);
            if (!id) continue;
            const [row] = ledgerOf('r.id = ?', id);
            expect(row, `${id} (${row?.kind})`).toMatchObject({ tenders: row?.refund });
          }
          const day = ledgerOf("r.business_day = ? AND r.status = 'completed'", DAY);
          expect(day.reduce((s, r) => s + r.tenders, 0)).toBe(day.reduce((s, r) => s + r.refund, 0));
          const daily = await f.call(f.manager, 'reports.daily', { day: DAY });
          expect(daily.reconciliation.filter((c) => !c.ok)).toEqual([]);
        },
      ),
      { seed: 20_261_207, numRuns: 40 },
    );
    // The random days held every shape of exchange, not only plain returns.
    expect(shapes.dearer).toBeGreaterThan(3);
    expect(shapes.even).toBeGreaterThan(3);
    expect(shapes.cheaper).toBeGreaterThan(3);
    expect(auditOk(f.db)).toBe(true);
    // The day's "by tender" section names the new row in words (money.tender.exchange_goods).
    const daily = await f.call(f.manager, 'reports.daily', { day: DAY });
    const label = (locale: 'zh-CN' | 'en-US') =>
      summarySections(daily, locale)
        .find((sec) => sec.id === 'tender')
        ?.rows.find((r) => r.id === 'tender.exchange_goods')?.label;
    expect(label('zh-CN')).toMatch(/^抵扣新商品 ×\d+$/);
    expect(label('en-US')).toMatch(/^Applied to new items ×\d+$/);
  });
});
