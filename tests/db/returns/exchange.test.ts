/**
 * Journey 4: an iPhone 15 clear case (¥49, WeChat Pay, 3 days ago) is exchanged for the MagSafe case
 * at today's price ¥69: credit ¥49 (no restocking fee on an exchange), the customer pays ¥20.00 in
 * cash, the drawer opens, one slip shows both sides. And a cheaper exchange: a ¥149 power bank paid
 * ¥100 gift card + ¥49 cash swapped for a ¥79 charger → ¥70 back, to the gift card first (stored value
 * before cash), drawer closed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodInput } from '../../../shared/contract';
import { receiptDocumentSchema } from '../../../shared/domain/receipt/layout';
import { renderLines, renderPlainText } from '../../../shared/domain/receipt/render-lines';
import {
  auditOk,
  counts,
  inspection,
  makeReturnsFixture,
  saleJson,
  type ReturnsFixture,
} from './returns-fixture';

let f: ReturnsFixture;
beforeAll(async () => {
  f = await makeReturnsFixture();
  await f.call(f.manager, 'sales.import', {
    format: 'json',
    content: saleJson({
      saleId: 'test-powerbank-2d',
      receiptNo: 'S-20261121-0101',
      soldAt: '2026-11-21T16:00:00+08:00',
      total: '149.00',
      lines: [
        {
          sku: 'AC-PB-AN-10K',
          name: '安克 10000mAh 移动电源',
          category: 'accessories',
          qty: 1,
          unitPrice: '149.00',
        },
      ],
      payments: [
        { tender: 'gift_card', amount: '100.00', ref: 'GC-0042' },
        { tender: 'cash', amount: '49.00' },
      ],
    }),
  });
});
afterAll(() => f.close());

function caseExchange(tender?: 'cash' | 'wechat'): MethodInput<'returns.quote'> {
  return {
    receiptNo: f.receipts.phoneCase,
    resolution: 'exchange',
    exchangeItems: [{ sku: 'AC-CASE-IP15-MS', qty: 1 }],
    ...(tender ? { exchangePaymentTender: tender } : {}),
    lines: [
      {
        lineNo: 1,
        qty: 1,
        reason: 'no_reason',
        inspection: inspection('accessories', { grade: 'B-opened' }),
      },
    ],
  };
}

describe('journey 4: exchange with a price difference', () => {
  it('finds the new item by scanned barcode or typed SKU', async () => {
    const gtin = (
      f.db.prepare("SELECT gtin FROM products WHERE sku = 'AC-CASE-IP15-MS'").get() as { gtin: string }
    ).gtin;
    const bySku = await f.call(f.clerk, 'returns.product', { code: 'AC-CASE-IP15-MS' });
    expect(bySku).toMatchObject({
      sku: 'AC-CASE-IP15-MS',
      priceMinor: 6_900,
      categoryCode: 'accessories',
      policyProfile: 'generic-retail',
    });
    expect(await f.call(f.clerk, 'returns.product', { code: gtin })).toEqual(bySku);
    expect((await f.fail(f.clerk, 'returns.product', { code: '6900000000000' })).code).toBe(
      'RETURN_PRODUCT_UNKNOWN',
    );
  });

  it('quotes +¥20.00: asks for the tender first, then cash with the drawer', async () => {
    const open = await f.call(f.clerk, 'returns.quote', caseExchange());
    expect(open.exchange).toMatchObject({
      creditMinor: 4_900,
      newTotalMinor: 6_900,
      differenceMinor: 2_000,
      paymentTenderRequired: true,
    });
    expect(open.commit).toBe('incomplete');
    const before = counts(f.db);
    const e = await f.fail(f.clerk, 'returns.commit', {
      ...caseExchange(),
      idempotencyKey: 'case-xchg-0',
      expectedTotalMinor: -2_000,
    });
    expect(e).toMatchObject({ code: 'EXCHANGE_PAYMENT_TENDER_REQUIRED', details: { difference: 2_000 } });
    expect(counts(f.db)).toEqual(before);

    const q = await f.call(f.clerk, 'returns.quote', caseExchange('cash'));
    expect(q.lines[0]?.money).toMatchObject({ restockingFeeMinor: 0, refundMinor: 4_900 });
    expect(q.lines[0]?.disposition).toBe('open_box');
    expect(q.exchange?.items).toEqual([
      expect.objectContaining({ sku: 'AC-CASE-IP15-MS', qty: 1, unitPriceMinor: 6_900, totalMinor: 6_900 }),
    ]);
    // The ledger: ¥69 of new items handed over, ¥20 paid in cash → rows add up to the ¥49 credit.
    expect(q.tenders).toEqual([
      {
        tender: 'exchange_goods',
        amountMinor: 6_900,
        ref: null,
        saleTenderIndex: null,
        source: 'exchange_goods',
      },
      { tender: 'cash', amountMinor: -2_000, ref: null, saleTenderIndex: null, source: 'customer_payment' },
    ]);
    expect(q.totals.totalMinor).toBe(-2_000);
    expect(q.opensDrawer).toBe(true);
    expect(q.commit).toBe('ready');
  });

  it('commits one exchange: both sides on one slip, drawer kick, stock in and out', async () => {
    const r = await f.call(f.clerk, 'returns.commit', {
      ...caseExchange('cash'),
      idempotencyKey: 'case-xchg-1',
      expectedTotalMinor: -2_000,
    });
    expect(r).toMatchObject({
      kind: 'exchange',
      exchangeDueMinor: 2_000,
      refundTotalMinor: 4_900,
      openDrawer: true,
    });
    expect(
      f.db.prepare('SELECT tender, amount_minor FROM refund_tenders WHERE return_id = ?').all(r.returnId),
    ).toEqual([
      { tender: 'exchange_goods', amount_minor: 6_900 },
      { tender: 'cash', amount_minor: -2_000 },
    ]);
    expect(
      f.db
        .prepare('SELECT sku, qty, unit_price_minor FROM exchange_lines WHERE return_id = ?')
        .all(r.returnId),
    ).toEqual([{ sku: 'AC-CASE-IP15-MS', qty: 1, unit_price_minor: 6_900 }]);
    expect(
      f.db
        .prepare('SELECT sku, qty_delta, bucket, reason FROM stock_moves WHERE ref_id = ? ORDER BY id')
        .all(r.returnId),
    ).toEqual([
      { sku: 'AC-CASE-IP15-CL', qty_delta: 1, bucket: 'open_box', reason: 'return' },
      { sku: 'AC-CASE-IP15-MS', qty_delta: -1, bucket: 'sellable', reason: 'exchange_out' },
    ]);
    const jobs = f.db
      .prepare('SELECT kind, open_drawer, layout FROM print_jobs WHERE doc_ref = ?')
      .all(r.returnId) as {
      kind: string;
      open_drawer: number;
      layout: string;
    }[];
    expect(jobs.map((j) => [j.kind, j.open_drawer])).toEqual([['exchange_slip', 1]]);
    const text = renderPlainText(
      renderLines(receiptDocumentSchema.parse(JSON.parse(jobs[0]?.layout ?? '{}'))),
    ).join('\n');
    expect(text).toContain('换货单');
    expect(text).toContain('iPhone 15 透明保护壳');
    expect(text).toContain('iPhone 15 MagSafe 硅胶保护壳');
    expect(text).toMatch(/抵扣新商品\s+￥69\.00/);
    expect(text).toMatch(/顾客补差价（现金）\s+￥20\.00/);
    expect(auditOk(f.db)).toBe(true);
  });

  it('a cheaper exchange refunds the difference to the gift card first, drawer closed', async () => {
    const req: MethodInput<'returns.quote'> = {
      receiptNo: 'S-20261121-0101',
      resolution: 'exchange',
      exchangeItems: [{ sku: 'AC-CHG-XM-33W', qty: 1 }],
      lines: [{ lineNo: 1, qty: 1, reason: 'no_reason', inspection: inspection('accessories') }],
    };
    const q = await f.call(f.clerk, 'returns.quote', req);
    expect(q.exchange).toMatchObject({ creditMinor: 14_900, newTotalMinor: 7_900, differenceMinor: -7_000 });
    // ¥79 of the ¥149 credit went into the charger, ¥70 back to the gift card.
    expect(q.tenders).toEqual([
      {
        tender: 'exchange_goods',
        amountMinor: 7_900,
        ref: null,
        saleTenderIndex: null,
        source: 'exchange_goods',
      },
      { tender: 'gift_card', amountMinor: 7_000, ref: 'GC-0042', saleTenderIndex: 0, source: 'original' },
    ]);
    expect(q.opensDrawer).toBe(false);
    const r = await f.call(f.clerk, 'returns.commit', {
      ...req,
      idempotencyKey: 'pb-xchg-1',
      expectedTotalMinor: 7_000,
    });
    expect(r).toMatchObject({ exchangeDueMinor: -7_000, openDrawer: false });
    // The power bank is fully used up as credit: nothing left to return on the sale.
    const s = await f.call(f.clerk, 'returns.saleForReturn', { receiptNo: 'S-20261121-0101' });
    expect(s.lines[0]).toMatchObject({ remainingQty: 0, refundableMinor: 0 });
  });
});
