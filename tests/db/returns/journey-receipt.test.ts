/**
 * Journey 1: the Bluetooth speaker bought 5 days ago with a 10 % coupon on the whole order
 * (speaker ¥399 + cable ¥59, coupon ¥45.80, paid ¥412.20 by WeChat Pay) comes back with a
 * performance fault. Expected by hand: coupon share of the speaker = 45.80 × 399/458 = 39.90 →
 * refund ¥359.10 to WeChat Pay; VAT 13 % contained = 359.10 − round(359.10 / 1.13) = 359.10 − 317.79
 * = ¥41.31; slip queued with both copies and the QR of R-20261123-0001; RMA to vendor.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodInput } from '../../../shared/contract';
import { receiptDocumentSchema } from '../../../shared/domain/receipt/layout';
import { renderLines, renderPlainText } from '../../../shared/domain/receipt/render-lines';
import { renderSentence } from '../../../shared/domain/returns/explain';
import { auditOk, counts, inspection, makeReturnsFixture, type ReturnsFixture } from './returns-fixture';

let f: ReturnsFixture;
beforeAll(async () => {
  f = await makeReturnsFixture();
});
afterAll(() => f.close());

function speakerReturn(): MethodInput<'returns.quote'> {
  return {
    receiptNo: f.receipts.returnWithReceipt,
    resolution: 'refund',
    lines: [
      {
        lineNo: 1,
        qty: 1,
        reason: 'performance_fault',
        disposition: 'rma_vendor',
        inspection: inspection('audio', {
          grade: 'A-defective',
          serialScanned: 'EDM330A2611001',
          faultReproduced: true,
          notes: '播放时有破音',
        }),
      },
    ],
  };
}

describe('journey 1: return with receipt, coupon prorated, back to WeChat Pay', () => {
  it('opens the sale with what each line paid and can still give back', async () => {
    expect(f.receipts.returnWithReceipt).toBe('S-20261118-0007');
    const s = await f.call(f.clerk, 'returns.saleForReturn', { receiptNo: ' s-20261118-0007 ' });
    expect(s.sale.receiptNo).toBe('S-20261118-0007');
    expect(s.salePaidMinor).toBe(41_220);
    expect(s.lines.map((l) => [l.sku, l.paidMinor, l.remainingQty, l.policyProfile])).toEqual([
      ['SP-EDF-M330', 35_910, 1, 'cn-sanbao'],
      ['AC-CBL-UG-C15', 5_310, 1, 'generic-retail'],
    ]);
    expect(s.lines[0]?.checklist).toContain('serial_matches');
    expect(s.storeCreditBalanceMinor).toBe(0);
  });

  it('quotes: 三包 fault within 7 days → refund ¥359.10 to WeChat Pay, nothing written', async () => {
    const before = counts(f.db);
    const q = await f.call(f.clerk, 'returns.quote', speakerReturn());
    const line = q.lines[0];
    expect(line?.decision).toMatchObject({
      outcome: 'allowed',
      options: ['refund', 'exchange', 'repair'],
      decidingRule: 'fault_return',
      window: { purchasedOn: '2026-11-18', today: '2026-11-23', days: 5 },
    });
    expect(renderSentence(line?.decision.reasons[0] ?? { key: '', params: {} }, 'en-US')).toBe(
      'Bought 2026-11-18, 5 days ago; 三包: performance fault within 7 days (until 2026-11-25) → return, exchange or repair, customer’s choice',
    );
    expect(line?.inspection).toMatchObject({ serialMatches: true, faultConfirmed: true, missingItems: [] });
    expect(line?.money).toMatchObject({
      grossMinor: 39_900,
      orderDiscountShareMinor: 3_990,
      discountShareMinor: 3_990,
      taxMinor: 4_131,
      restockingFeeMinor: 0,
      refundMinor: 35_910,
    });
    expect(q.tenders).toEqual([
      { tender: 'wechat', amountMinor: 35_910, ref: null, saleTenderIndex: 0, source: 'original' },
    ]);
    expect(q.totals.totalMinor).toBe(35_910);
    expect(q.opensDrawer).toBe(false);
    expect(q.manager.required).toBe(false);
    expect(q.commit).toBe('ready');
    expect(counts(f.db)).toEqual(before);
  });

  it('commits R-20261123-0001: rows, RMA stock move, audit and the slip job with QR', async () => {
    const r = await f.call(f.clerk, 'returns.commit', {
      ...speakerReturn(),
      idempotencyKey: 'j1-speaker-0001',
      expectedTotalMinor: 35_910,
      note: '',
    });
    expect(r).toMatchObject({
      returnId: 'R-20261123-0001',
      replayed: false,
      kind: 'refund',
      totalMinor: 35_910,
      refundTotalMinor: 35_910,
      openDrawer: false,
      storeCredit: null,
      overrideId: null,
    });
    const id = r.returnId;
    expect(f.db.prepare('SELECT sale_id, kind, refund_total_minor, staff_id FROM returns').all()).toEqual([
      { sale_id: 'pos-20261118-0007', kind: 'refund', refund_total_minor: 35_910, staff_id: 1 },
    ]);
    expect(
      f.db.prepare('SELECT tender, amount_minor FROM refund_tenders WHERE return_id = ?').all(id),
    ).toEqual([{ tender: 'wechat', amount_minor: 35_910 }]);
    expect(f.db.prepare('SELECT sku, qty_delta, bucket, ref_id FROM stock_moves').all()).toEqual([
      { sku: 'SP-EDF-M330', qty_delta: 1, bucket: 'rma_vendor', ref_id: id },
    ]);
    expect(f.db.prepare('SELECT count(*) AS n FROM store_credit_ledger').get()).toEqual({ n: 0 });

    const job = f.db.prepare('SELECT * FROM print_jobs WHERE id = ?').get(r.printJobId) as Record<
      string,
      unknown
    >;
    expect(job).toMatchObject({
      kind: 'return_slip',
      doc_ref: id,
      role: 'receipt-printer',
      status: 'queued',
      open_drawer: 0,
      reprint_of: null,
    });
    const doc = receiptDocumentSchema.parse(JSON.parse(String(job.layout)));
    const kinds = doc.blocks
      .filter((b) => b.kind === 'copy-label')
      .map((b) => b.kind === 'copy-label' && b.copy);
    expect(kinds).toEqual(['store', 'customer']);
    const qrs = doc.blocks.flatMap((b) => (b.kind === 'qr' ? [b.data] : []));
    expect(qrs).toEqual(['R-20261123-0001', 'R-20261123-0001']);
    const text = renderPlainText(renderLines(doc)).join('\n');
    expect(text).toContain('微信支付');
    expect(text).toContain('359.10');
    expect(text).toContain('S-20261118-0007');
    expect(text).toContain('顾客签名');

    const audit = f.db
      .prepare("SELECT staff_id, data FROM audit_log WHERE action = 'return.committed' AND entity_id = ?")
      .get(id) as { staff_id: number; data: string };
    expect(JSON.parse(audit.data)).toMatchObject({
      refundTotalMinor: 35_910,
      tenders: [{ tender: 'wechat', amountMinor: 35_910 }],
      overrideId: null,
      printJobId: r.printJobId,
    });
    expect(auditOk(f.db)).toBe(true);
  });

  it('reads the return back: detail, the sale’s returns, timeline, preview, reprint', async () => {
    const id = 'R-20261123-0001';
    const d = await f.call(f.clerk, 'returns.get', { returnId: id });
    expect(d.staff?.name).toBe('小王');
    expect(d.sale).toEqual({ id: 'pos-20261118-0007', receiptNo: 'S-20261118-0007' });
    expect(d.lines[0]).toMatchObject({
      saleLineNo: 1,
      refundMinor: 35_910,
      discountShareMinor: 3_990,
      grade: 'A-defective',
      disposition: 'rma_vendor',
      policyRule: 'fault_return',
      serial: 'EDM330A2611001',
    });
    expect(d.lines[0]?.inspection?.checklist).toHaveLength(7);
    expect(d.lines[0]?.inspection?.notes).toContain('破音');
    expect(d.printJobs.map((j) => j.status)).toEqual(['queued']);

    const forSale = await f.call(f.clerk, 'returns.forSale', { saleId: 'pos-20261118-0007' });
    expect(forSale.map((r) => r.id)).toEqual([id]);

    const html = (await f.call(f.clerk, 'returns.slipPreview', { returnId: id })).html;
    expect(html).toContain('R-20261123-0001');
    expect(html).toContain('<svg');

    const again = await f.call(f.clerk, 'returns.reprint', { returnId: id });
    const reprint = f.db
      .prepare('SELECT open_drawer, reprint_of, status, layout FROM print_jobs WHERE id = ?')
      .get(again.printJobId) as { open_drawer: number; reprint_of: number; status: string; layout: string };
    expect(reprint).toMatchObject({ open_drawer: 0, reprint_of: again.reprintOf, status: 'queued' });
    expect(reprint.layout).toContain('重印');

    const timeline = await f.call(f.clerk, 'returns.timeline', { returnId: id });
    expect(timeline.map((t) => [t.action, t.staff?.code])).toEqual([
      ['return.committed', 'C001'],
      ['return.reprinted', 'C001'],
    ]);
    expect(auditOk(f.db)).toBe(true);
  });

  it('the speaker cannot come back twice; the cable stays returnable and the sale ends fully refunded', async () => {
    const before = counts(f.db);
    const again = await f.fail(f.clerk, 'returns.commit', {
      ...speakerReturn(),
      idempotencyKey: 'j1-speaker-0002',
      expectedTotalMinor: 35_910,
    });
    expect(again).toMatchObject({
      code: 'REFUND_QTY_EXCEEDS_REMAINING',
      details: { requested: 1, remaining: 0 },
    });
    expect(counts(f.db)).toEqual(before);

    const s = await f.call(f.clerk, 'returns.saleForReturn', { receiptNo: 'S-20261118-0007' });
    expect(s.lines.map((l) => [l.returnedQty, l.remainingQty, l.refundableMinor])).toEqual([
      [1, 0, 0],
      [0, 1, 5_310],
    ]);
    expect(s.returns.map((r) => r.id)).toEqual(['R-20261123-0001']);

    const cable = {
      receiptNo: 'S-20261118-0007',
      resolution: 'refund' as const,
      lines: [{ lineNo: 2, qty: 1, reason: 'no_reason' as const, inspection: inspection('accessories') }],
    };
    const q = await f.call(f.clerk, 'returns.quote', cable);
    expect(q.lines[0]?.decision.decidingRule).toBe('return_window');
    expect(q.totals.totalMinor).toBe(5_310);
    // The store switches to 58 mm paper and English slips: the next slip follows at once.
    await f.call(f.manager, 'settings.update', { receiptWidth: 58, locale: 'en-US' });
    const r = await f.call(f.clerk, 'returns.commit', {
      ...cable,
      idempotencyKey: 'j1-cable-0001',
      expectedTotalMinor: 5_310,
    });
    expect(r.returnId).toBe('R-20261123-0002');
    const layout = receiptDocumentSchema.parse(
      JSON.parse(
        (f.db.prepare('SELECT layout FROM print_jobs WHERE id = ?').get(r.printJobId) as { layout: string })
          .layout,
      ),
    );
    expect(layout).toMatchObject({ paper: 58, locale: 'en-US' });
    const slip = renderPlainText(renderLines(layout)).join('\n');
    expect(slip).toContain('RETURN');
    expect(slip).toMatch(/To WeChat Pay\s+￥53\.10/);
    const after = await f.call(f.clerk, 'returns.saleForReturn', { receiptNo: 'S-20261118-0007' });
    expect(after.saleRefundedMinor).toBe(41_220);
    expect(after.lines.every((l) => l.refundableMinor === 0 && l.remainingQty === 0)).toBe(true);
    const wechatBack = f.db
      .prepare("SELECT SUM(amount_minor) AS s FROM refund_tenders WHERE tender = 'wechat'")
      .get() as { s: number };
    expect(wechatBack.s).toBe(41_220);
    expect(auditOk(f.db)).toBe(true);
  });
});
