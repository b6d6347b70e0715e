/**
 * Journey 2: headphones bought 40 days ago (¥899 by Alipay), opened, no fault. The generic profile's
 * 30-day window ended 2026-11-13 → refused. With the manager's one-time override (reason goodwill)
 * the return goes through as store credit only, the 15 % restocking fee (¥134.85, shown) waived:
 * store credit ¥899.00. Plus: an approval-threshold override pays as requested (card), a fee waiver
 * needs a manager, and expired / reused / forged overrides change nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OVERRIDE_TTL_MS } from '../../../core/services/auth/override';
import type { MethodInput } from '../../../shared/contract';
import { renderSentence } from '../../../shared/domain/returns/explain';
import {
  auditOk,
  counts,
  inspection,
  makeReturnsFixture,
  NOW,
  saleJson,
  type ReturnsFixture,
} from './returns-fixture';

let f: ReturnsFixture;
beforeAll(async () => {
  f = await makeReturnsFixture();
  const imported = await f.call(f.manager, 'sales.import', {
    format: 'json',
    content: saleJson({
      saleId: 'test-buds-45d',
      receiptNo: 'S-20261009-0101',
      soldAt: '2026-10-09T15:00:00+08:00',
      phone: '13700001111',
      name: '周敏',
      total: '699.00',
      lines: [
        {
          sku: 'HP-XM-BUDS4P',
          name: '小米 Buds 4 Pro 降噪耳机',
          category: 'headphones',
          qty: 1,
          unitPrice: '699.00',
        },
      ],
      payments: [{ tender: 'alipay', amount: '699.00' }],
    }),
  });
  const laptop = await f.call(f.manager, 'sales.import', {
    format: 'json',
    content: saleJson({
      saleId: 'test-laptop-3d',
      receiptNo: 'S-20261120-0101',
      soldAt: '2026-11-20T11:00:00+08:00',
      phone: '13700002222',
      name: '吴强',
      total: '5499.00',
      lines: [
        {
          sku: 'LT-LN-XXPRO14',
          name: '联想 小新 Pro 14',
          category: 'laptop',
          qty: 1,
          unitPrice: '5499.00',
          serial: 'PF9TEST01',
        },
      ],
      payments: [{ tender: 'card', amount: '5499.00', ref: 'POS778812' }],
    }),
  });
  const mixed = await f.call(f.manager, 'sales.import', {
    format: 'json',
    content: saleJson({
      saleId: 'test-mixed-20d',
      receiptNo: 'S-20261103-0101',
      soldAt: '2026-11-03T18:00:00+08:00',
      total: '458.00',
      lines: [
        {
          sku: 'SP-EDF-M330',
          name: '漫步者 M330 便携蓝牙音箱',
          category: 'audio',
          qty: 1,
          unitPrice: '399.00',
          serial: 'SNMIXED0001',
        },
        {
          sku: 'AC-CBL-UG-C15',
          name: '绿联 USB-C 快充数据线 1.5m',
          category: 'accessories',
          qty: 1,
          unitPrice: '59.00',
        },
      ],
      payments: [{ tender: 'wechat', amount: '458.00' }],
    }),
  });
  expect([imported.salesImported, laptop.salesImported, mixed.salesImported]).toEqual([1, 1, 1]);
});
afterAll(() => f.close());

function headphones(waive: boolean): MethodInput<'returns.quote'> {
  return {
    receiptNo: f.receipts.headphones40Days,
    resolution: 'store_credit',
    waiveRestockingFee: waive,
    lines: [
      { lineNo: 1, qty: 1, reason: 'no_reason', inspection: inspection('headphones', { grade: 'B-opened' }) },
    ],
  };
}

describe('journey 2: refused, then overridden as store credit with the fee waived', () => {
  it('explains the refusal with the rule and the dates, and what the manager can do', async () => {
    const q = await f.call(f.clerk, 'returns.quote', headphones(false));
    const line = q.lines[0];
    expect(line?.status).toBe('refused');
    expect(line?.overridable).toBe(true);
    expect(line?.decision.decidingRule).toBe('return_window_expired');
    expect(line?.decision.reasons.map((r) => renderSentence(r, 'en-US'))).toEqual([
      'Bought 2026-10-14, 40 days ago; return window is 30 days (ended 2026-11-13) → no return',
      'Opened without a fault (condition B opened, complete): restocking fee 15 %',
      'Manager override (F8) possible: store credit only',
    ]);
    // 15 % of ¥899.00 = ¥134.85 kept unless waived; the override pays store credit only.
    expect(line?.money).toMatchObject({
      restockingFeeComputedMinor: 13_485,
      restockingFeeMinor: 13_485,
      refundMinor: 76_415,
    });
    expect(q.tenders).toEqual([
      {
        tender: 'store_credit',
        amountMinor: 76_415,
        ref: null,
        saleTenderIndex: null,
        source: 'store_credit_only',
      },
    ]);
    expect(q.manager).toMatchObject({
      required: true,
      payout: 'store_credit',
      because: [{ lineNo: 1, cause: 'refused' }],
    });
    expect(q.commit).toBe('needs_manager');
  });

  it('without the manager: RETURN_REFUSED and nothing written', async () => {
    const before = counts(f.db);
    const e = await f.fail(f.clerk, 'returns.commit', {
      ...headphones(true),
      idempotencyKey: 'j2-headphones-1',
      expectedTotalMinor: 89_900,
    });
    expect(e).toMatchObject({
      code: 'RETURN_REFUSED',
      messageKey: 'errors.RETURN_REFUSED',
      details: { lines: [1] },
    });
    expect(counts(f.db)).toEqual(before);
  });

  it('with the manager: store credit ¥899.00, fee shown and waived, override in audit and overrides', async () => {
    const q = await f.call(f.clerk, 'returns.quote', headphones(true));
    expect(q.lines[0]?.money).toMatchObject({
      restockingFeeComputedMinor: 13_485,
      restockingFeeWaived: true,
      restockingFeeMinor: 0,
      refundMinor: 89_900,
    });
    expect(q.manager.because.map((b) => b.cause)).toEqual(['refused', 'fee_waiver']);
    expect(renderSentence(q.manager.because[1]?.reason ?? { key: '', params: {} }, 'zh-CN')).toBe(
      '店长免收重新上架费 ¥134.85',
    );
    const { token, overrideId } = await f.override(
      { ...headphones(true), expectedTotalMinor: 89_900, note: '常客' },
      'goodwill',
      '老顾客',
    );
    const r = await f.call(f.clerk, 'returns.commit', {
      ...headphones(true),
      idempotencyKey: 'j2-headphones-1',
      expectedTotalMinor: 89_900,
      overrideToken: token,
      note: '常客',
    });
    expect(r).toMatchObject({
      kind: 'store_credit',
      totalMinor: 89_900,
      restockingFeeMinor: 0,
      storeCredit: { code: r.returnId, amountMinor: 89_900 },
      overrideId,
      openDrawer: false,
    });
    const customerId = (
      f.db.prepare("SELECT id FROM customers WHERE phone = '13687654321'").get() as { id: number }
    ).id;
    expect(
      f.db.prepare('SELECT customer_id, credit_code, amount_minor FROM store_credit_ledger').all(),
    ).toEqual([{ customer_id: customerId, credit_code: r.returnId, amount_minor: 89_900 }]);
    expect(
      f.db.prepare('SELECT consumed_at, entity_type, entity_id FROM overrides WHERE id = ?').get(overrideId),
    ).toEqual({
      consumed_at: NOW,
      entity_type: 'return',
      entity_id: r.returnId,
    });
    const audit = JSON.parse(
      (f.db.prepare("SELECT data FROM audit_log WHERE action = 'return.committed'").get() as { data: string })
        .data,
    ) as Record<string, unknown>;
    expect(audit).toMatchObject({
      overrideId,
      overrideReason: 'goodwill',
      restockingFeeWaivedMinor: 13_485,
      storeCreditMinor: 89_900,
      lines: [{ outcome: 'refused', rule: 'return_window_expired' }],
    });
    const d = await f.call(f.clerk, 'returns.get', { returnId: r.returnId });
    expect(d.override).toMatchObject({
      id: overrideId,
      manager: { code: 'M001', name: '张店长' },
      requestedBy: { code: 'C001', name: '小王' },
      reasonCode: 'goodwill',
      note: '老顾客',
    });
    expect(d.storeCredit).toEqual({ code: r.returnId, amountMinor: 89_900 });
    const timeline = await f.call(f.clerk, 'returns.timeline', { returnId: r.returnId });
    expect(timeline.map((t) => t.action)).toEqual(['override.granted', 'return.committed']);
    const s = await f.call(f.clerk, 'returns.saleForReturn', { receiptNo: f.receipts.headphones40Days });
    expect(s.storeCreditBalanceMinor).toBe(89_900);
    expect(auditOk(f.db)).toBe(true);
  });

  it('a used, expired or forged override changes nothing', async () => {
    const buds = (key: string, token?: string): MethodInput<'returns.commit'> => ({
      receiptNo: 'S-20261009-0101',
      resolution: 'store_credit',
      lines: [
        {
          lineNo: 1,
          qty: 1,
          reason: 'no_reason',
          inspection: inspection('headphones', { grade: 'B-opened' }),
        },
      ],
      idempotencyKey: key,
      // 699.00 − 15 % (104.85) = 594.15 as store credit.
      expectedTotalMinor: 59_415,
      overrideToken: token,
    });
    const used = (
      f.db.prepare('SELECT id FROM overrides WHERE consumed_at IS NOT NULL').get() as { id: number }
    ).id;
    expect(used).toBeGreaterThan(0);
    const before = counts(f.db);
    const { token: spent } = await f.override(buds('buds-ok-1'));
    const first = await f.call(f.clerk, 'returns.commit', buds('buds-ok-1', spent));
    expect(first.totalMinor).toBe(59_415);
    const afterFirst = counts(f.db);
    expect(afterFirst.returns).toBe(before.returns + 1);

    const laptop = (key: string, token?: string): MethodInput<'returns.commit'> => ({
      receiptNo: 'S-20261120-0101',
      resolution: 'refund',
      lines: [
        {
          lineNo: 1,
          qty: 1,
          reason: 'performance_fault',
          inspection: inspection('laptop', {
            grade: 'A-defective',
            serialScanned: 'PF9TEST01',
            faultReproduced: true,
          }),
        },
      ],
      idempotencyKey: key,
      expectedTotalMinor: 549_900,
      ...(token ? { overrideToken: token } : {}),
    });
    const countsNow = counts(f.db);
    expect(await f.fail(f.clerk, 'returns.commit', laptop('laptop-try-1', spent))).toMatchObject({
      code: 'OVERRIDE_USED',
    });
    expect(await f.fail(f.clerk, 'returns.commit', laptop('laptop-try-2', 'forged-token-000'))).toMatchObject(
      {
        code: 'OVERRIDE_INVALID',
      },
    );
    const { token: late } = await f.override(laptop('laptop-try-3'));
    const granted = counts(f.db);
    f.setNow(NOW + OVERRIDE_TTL_MS + 1);
    expect(await f.fail(f.clerk, 'returns.commit', laptop('laptop-try-3', late))).toMatchObject({
      code: 'OVERRIDE_EXPIRED',
    });
    f.setNow(NOW);
    expect(counts(f.db)).toEqual(granted);
    // The only rows added since: the grants themselves (overrides table, and their audit rows).
    expect(granted.returns).toBe(countsNow.returns);
    expect(granted.audit_log).toBe(countsNow.audit_log + 1);
    expect(auditOk(f.db)).toBe(true);
  });

  it('an approval-threshold override (¥5,499 laptop, 三包 fault) pays back to the card as requested', async () => {
    const req: MethodInput<'returns.quote'> = {
      receiptNo: 'S-20261120-0101',
      resolution: 'refund',
      lines: [
        {
          lineNo: 1,
          qty: 1,
          reason: 'performance_fault',
          inspection: inspection('laptop', {
            grade: 'A-defective',
            serialScanned: 'PF9TEST01',
            faultReproduced: true,
          }),
        },
      ],
    };
    const q = await f.call(f.clerk, 'returns.quote', req);
    expect(q.lines[0]?.decision.outcome).toBe('needs_manager');
    expect(q.manager).toMatchObject({
      required: true,
      payout: 'as_requested',
      because: [{ cause: 'needs_manager' }],
    });
    expect(renderSentence(q.manager.because[0]?.reason ?? { key: '', params: {} }, 'en-US')).toBe(
      'Amount ¥5,499.00 is above ¥5,000.00 → manager approval',
    );
    const before = counts(f.db);
    const e = await f.fail(f.clerk, 'returns.commit', {
      ...req,
      idempotencyKey: 'laptop-ok-0',
      expectedTotalMinor: 549_900,
    });
    expect(e.code).toBe('RETURN_NEEDS_MANAGER');
    expect(counts(f.db)).toEqual(before);
    const { token } = await f.override({ ...req, expectedTotalMinor: 549_900 }, 'high_value', '');
    const r = await f.call(f.clerk, 'returns.commit', {
      ...req,
      idempotencyKey: 'laptop-ok-1',
      expectedTotalMinor: 549_900,
      overrideToken: token,
    });
    expect(r.tenders).toEqual([
      { tender: 'card', amountMinor: 549_900, ref: 'POS778812', saleTenderIndex: 0, source: 'original' },
    ]);
    expect(r.kind).toBe('refund');
    expect(auditOk(f.db)).toBe(true);
  });

  it('waiving a fee on an allowed return needs the manager', async () => {
    const req: MethodInput<'returns.quote'> = {
      receiptNo: f.receipts.phoneCase,
      resolution: 'refund',
      waiveRestockingFee: true,
      lines: [
        {
          lineNo: 1,
          qty: 1,
          reason: 'no_reason',
          inspection: inspection('accessories', { grade: 'B-opened' }),
        },
      ],
    };
    const q = await f.call(f.clerk, 'returns.quote', req);
    expect(q.lines[0]?.status).toBe('allowed');
    // ¥49.00 × 15 % = ¥7.35 waived → ¥49.00 back to WeChat Pay once approved.
    expect(q.manager.because).toEqual([
      {
        lineNo: null,
        cause: 'fee_waiver',
        reason: { key: 'returns.reason.feeWaiver', params: { amount: 735, currency: 'CNY' } },
      },
    ]);
    const e = await f.fail(f.clerk, 'returns.commit', {
      ...req,
      idempotencyKey: 'case-waive-1',
      expectedTotalMinor: 4_900,
    });
    expect(e.code).toBe('RETURN_NEEDS_MANAGER');
  });

  it('one refused line among allowed ones: the override pays the whole return as store credit', async () => {
    const req: MethodInput<'returns.quote'> = {
      receiptNo: 'S-20261103-0101',
      resolution: 'refund',
      lines: [
        {
          lineNo: 1,
          qty: 1,
          reason: 'no_reason',
          inspection: inspection('audio', { serialScanned: 'SNMIXED0001' }),
        },
        { lineNo: 2, qty: 1, reason: 'no_reason', inspection: inspection('accessories') },
      ],
    };
    const q = await f.call(f.clerk, 'returns.quote', req);
    // 20 days: the store's 7-day no-reason return on speakers is over; the cable is inside 30 days.
    expect(q.lines.map((l) => [l.status, l.decision.decidingRule])).toEqual([
      ['refused', 'no_reason_window_expired'],
      ['allowed', 'return_window'],
    ]);
    expect(q.manager).toMatchObject({
      required: true,
      payout: 'store_credit',
      because: [{ lineNo: 1, cause: 'refused' }],
    });
    expect(q.tenders).toEqual([
      {
        tender: 'store_credit',
        amountMinor: 45_800,
        ref: null,
        saleTenderIndex: null,
        source: 'store_credit_only',
      },
    ]);
    const { token } = await f.override({ ...req, expectedTotalMinor: 45_800 });
    const r = await f.call(f.clerk, 'returns.commit', {
      ...req,
      idempotencyKey: 'mixed-lines-1',
      expectedTotalMinor: 45_800,
      overrideToken: token,
    });
    expect(r).toMatchObject({ kind: 'store_credit', storeCredit: { amountMinor: 45_800 } });
  });
});
