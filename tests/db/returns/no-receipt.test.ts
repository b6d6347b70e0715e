/**
 * Journey 3: a kettle with the store's barcode and no receipt; the customer's phone finds no sale.
 * Policy (generic retail, small appliances): store credit at the lowest price of the last 90 days —
 * the kettle sold at ¥99.00 (¥129 − ¥30 promotion) 20 days ago, every other sale was dearer, today's
 * price is ¥129 → ¥99.00 — up to ¥200 per customer per store-local calendar month, ID recorded;
 * over the limit → manager.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodInput } from '../../../shared/contract';
import { renderSentence } from '../../../shared/domain/returns/explain';
import { auditOk, counts, inspection, makeReturnsFixture, NOW, type ReturnsFixture } from './returns-fixture';

let f: ReturnsFixture;
let kettleGtin: string;
let customerId: number;
beforeAll(async () => {
  f = await makeReturnsFixture();
  kettleGtin = (f.db.prepare("SELECT gtin FROM products WHERE sku = 'SA-KT-MD-17'").get() as { gtin: string })
    .gtin;
  customerId = (f.db.prepare("SELECT id FROM customers WHERE phone = '18611112222'").get() as { id: number })
    .id;
});
afterAll(() => f.close());

const ID = '110101199003071234';

function kettle(
  qty: number,
  grade: 'A-new' | 'B-opened' = 'A-new',
  phone = '18611112222',
  idDocument = ID,
): MethodInput<'returns.quote'> {
  return {
    noReceipt: { gtin: kettleGtin, customerPhone: phone, idDocument, customerName: '新顾客' },
    resolution: 'store_credit',
    lines: [{ lineNo: 1, qty, reason: 'no_reason', inspection: inspection('small_appliance', { grade }) }],
  };
}

describe('journey 3: no receipt → store credit at the 90-day low, monthly limit, ID recorded', () => {
  it('the phone finds no sale; the quote prices the kettle at ¥99.00 as store credit', async () => {
    expect(kettleGtin.startsWith('20')).toBe(true);
    expect(await f.call(f.clerk, 'sales.search', { phone: '18611112222' })).toEqual([]);
    const q = await f.call(f.clerk, 'returns.quote', kettle(1));
    expect(q.mode).toBe('no_receipt');
    expect(q.noReceipt).toEqual({
      lowestPriceMinor: 9_900,
      priceSource: 'sales_90d',
      monthUsedMinor: 0,
      monthlyLimitMinor: 20_000,
      idDocumentMasked: '110***********1234',
    });
    expect(q.customer).toMatchObject({ id: customerId, name: '陈静' });
    expect(q.lines[0]?.decision.decidingRule).toBe('no_receipt');
    expect(renderSentence(q.lines[0]?.decision.reasons[0] ?? { key: '', params: {} }, 'en-US')).toBe(
      'No receipt: store credit at the lowest price of the last 90 days, up to ¥200.00 per customer per month',
    );
    expect(q.tenders).toEqual([
      {
        tender: 'store_credit',
        amountMinor: 9_900,
        ref: null,
        saleTenderIndex: null,
        source: 'store_credit_only',
      },
    ]);
    expect(q.commit).toBe('ready');
  });

  it('asking for money instead of credit is refused by the no-receipt rule (override → credit)', async () => {
    const q = await f.call(f.clerk, 'returns.quote', { ...kettle(1), resolution: 'refund' });
    expect(q.lines[0]?.status).toBe('refused');
    expect(q.manager).toMatchObject({
      payout: 'store_credit',
      because: [{ cause: 'resolution_not_offered' }],
    });
    expect(renderSentence(q.lines[0]?.statusReasons[0] ?? { key: '', params: {} }, 'en-US')).toBe(
      'Policy does not offer “Refund”; it offers: Store credit, Exchange',
    );
  });

  it('within the limit: commits store credit with the ID recorded, then counts it this month', async () => {
    const r = await f.call(f.clerk, 'returns.commit', {
      ...kettle(1),
      idempotencyKey: 'kettle-nr-0001',
      expectedTotalMinor: 9_900,
    });
    expect(r).toMatchObject({ kind: 'store_credit', storeCredit: { code: r.returnId, amountMinor: 9_900 } });
    expect(
      f.db.prepare('SELECT sale_id, customer_id, id_document FROM returns WHERE id = ?').get(r.returnId),
    ).toEqual({
      sale_id: null,
      customer_id: customerId,
      id_document: ID,
    });
    expect(
      f.db.prepare('SELECT sku, qty_delta, bucket FROM stock_moves WHERE ref_id = ?').all(r.returnId),
    ).toEqual([{ sku: 'SA-KT-MD-17', qty_delta: 1, bucket: 'sellable' }]);
    const d = await f.call(f.clerk, 'returns.get', { returnId: r.returnId });
    expect(d.idDocumentMasked).toBe('110***********1234');
    expect(d.lines[0]).toMatchObject({ saleLineNo: null, refundMinor: 9_900, policyRule: 'no_receipt' });
    const q = await f.call(f.clerk, 'returns.quote', kettle(1));
    expect(q.noReceipt?.monthUsedMinor).toBe(9_900);
  });

  it('over the limit (¥99 used + ¥198 > ¥200) needs the manager; with the override it is credited', async () => {
    const q = await f.call(f.clerk, 'returns.quote', kettle(2));
    expect(q.lines[0]?.status).toBe('needs_manager');
    expect(q.manager.because[0]?.reason.key).toBe('policy.reason.noReceiptLimit');
    expect(renderSentence(q.manager.because[0]?.reason ?? { key: '', params: {} }, 'en-US')).toBe(
      'No receipt: ¥99.00 already credited this month + ¥198.00 is over the ¥200.00 limit → manager approval',
    );
    const before = counts(f.db);
    const e = await f.fail(f.clerk, 'returns.commit', {
      ...kettle(2),
      idempotencyKey: 'kettle-nr-0002',
      expectedTotalMinor: 19_800,
    });
    expect(e.code).toBe('RETURN_NEEDS_MANAGER');
    expect(counts(f.db)).toEqual(before);
    const { token, overrideId } = await f.override(
      { ...kettle(2), expectedTotalMinor: 19_800 },
      'regular_customer',
      '',
    );
    const r = await f.call(f.clerk, 'returns.commit', {
      ...kettle(2),
      idempotencyKey: 'kettle-nr-0002',
      expectedTotalMinor: 19_800,
      overrideToken: token,
    });
    expect(r).toMatchObject({ overrideId, storeCredit: { amountMinor: 19_800 } });
    const s = await f.call(f.clerk, 'returns.quote', kettle(1));
    expect(s.noReceipt?.monthUsedMinor).toBe(29_700);
    expect(auditOk(f.db)).toBe(true);
  });

  it('the month is the store’s: 23:30 on Nov 30 still counts, 00:30 on Dec 1 starts again', async () => {
    f.setNow(Date.UTC(2026, 10, 30, 15, 30)); // 2026-11-30 23:30 Asia/Shanghai
    const clerk = await f.as('C001');
    expect((await f.call(clerk, 'returns.quote', kettle(1))).noReceipt?.monthUsedMinor).toBe(29_700);
    f.setNow(Date.UTC(2026, 10, 30, 16, 30)); // 2026-12-01 00:30 Asia/Shanghai, still November in UTC
    const q = await f.call(clerk, 'returns.quote', kettle(1));
    expect(q.noReceipt?.monthUsedMinor).toBe(0);
    expect(q.commit).toBe('ready');
    f.setNow(NOW);
  });

  it('a new phone records the customer with the credit; opened items pay the 15 % fee', async () => {
    // Another person (another ID document: the limit follows the ID across phones too).
    const req = kettle(1, 'B-opened', '13500009999', '320102198805051111');
    const q = await f.call(f.clerk, 'returns.quote', req);
    expect(q.customer).toBeNull();
    // 15 % of ¥99.00 = ¥14.85 → ¥84.15 credit.
    expect(q.totals).toMatchObject({ restockingFeeMinor: 1_485, totalMinor: 8_415 });
    const r = await f.call(f.clerk, 'returns.commit', {
      ...req,
      idempotencyKey: 'kettle-nr-0003',
      expectedTotalMinor: 8_415,
    });
    const c = f.db.prepare("SELECT id, name FROM customers WHERE phone = '13500009999'").get() as {
      id: number;
      name: string;
    };
    expect(c.name).toBe('新顾客');
    expect(
      f.db
        .prepare('SELECT customer_id, amount_minor FROM store_credit_ledger WHERE credit_code = ?')
        .get(r.returnId),
    ).toEqual({
      customer_id: c.id,
      amount_minor: 8_415,
    });
  });

  it('an unknown barcode is a clear error', async () => {
    const e = await f.fail(f.clerk, 'returns.quote', {
      ...kettle(1),
      noReceipt: { gtin: '6900000000000', customerPhone: '18611112222', idDocument: ID },
    });
    expect(e).toMatchObject({ code: 'RETURN_PRODUCT_UNKNOWN', details: { gtin: '6900000000000' } });
  });
});
