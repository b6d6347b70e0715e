/**
 * Issue #13, approvals: a manager's grant pays exactly the request it approved (lines, quantities,
 * fee waiver, total) for the clerk who asked; the four-eyes setting refuses a manager approving their
 * own return, or (off) records it as self-approved in the daily summary; the approval threshold counts
 * the sale's earlier refunds; the no-receipt monthly limit follows the ID document across phones.
 * Every refusal writes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodInput } from '../../../shared/contract';
import type { AppErrorValue } from '../../../shared/contract/errors';
import { resources } from '../../../shared/i18n';
import { interpolate, lookup } from '../../../shared/i18n/translate';
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
      saleId: 'appr-laptops',
      receiptNo: 'S-20261120-0201',
      soldAt: '2026-11-20T11:00:00+08:00',
      total: '10998.00',
      lines: [
        { sku: 'LT-LN-XXPRO14', name: '联想 小新 Pro 14', category: 'laptop', qty: 2, unitPrice: '5499.00' },
      ],
      payments: [{ tender: 'card', amount: '10998.00', ref: 'POS-A1' }],
    }),
  });
  await f.call(f.manager, 'sales.import', {
    format: 'json',
    content: saleJson({
      saleId: 'appr-buds',
      receiptNo: 'S-20261121-0201',
      soldAt: '2026-11-21T11:00:00+08:00',
      total: '1800.00',
      lines: [
        {
          sku: 'HP-XM-BUDS4P',
          name: '小米 Buds 4 Pro 降噪耳机',
          category: 'headphones',
          qty: 2,
          unitPrice: '900.00',
        },
      ],
      payments: [{ tender: 'alipay', amount: '1800.00' }],
    }),
  });
});
afterAll(() => f.close());

/** The error's message in English, as the screen shows it. */
const english = (e: AppErrorValue) =>
  interpolate(lookup(resources['en-US'], e.messageKey) ?? e.code, e.details);

const laptops = (
  qty: number,
  extra: Partial<MethodInput<'returns.commit'>> = {},
): MethodInput<'returns.commit'> => ({
  receiptNo: 'S-20261120-0201',
  resolution: 'refund',
  lines: [
    {
      lineNo: 1,
      qty,
      reason: 'no_reason',
      inspection: inspection('laptop', { grade: 'A-new' }),
    },
  ],
  idempotencyKey: `laptops-${qty}-${Math.random()}`,
  expectedTotalMinor: 549_900 * qty,
  ...extra,
});

/** The quote request of a commit input. */
function quoteOf(c: MethodInput<'returns.commit'>): MethodInput<'returns.quote'> {
  const { idempotencyKey: _k, overrideToken: _t, expectedTotalMinor: _e, note: _n, idDocument: _i, ...q } = c;
  return q;
}

/** The approval request of a commit input. */
function requestOf(c: MethodInput<'returns.commit'>) {
  const { idempotencyKey: _k, overrideToken: _t, ...r } = c;
  return r;
}

const unconsumed = (id: number) =>
  (f.db.prepare('SELECT consumed_at AS c FROM overrides WHERE id = ?').get(id) as { c: number | null }).c;

describe('a grant is bound to the request it approved', () => {
  it('needs the manager for one ¥5,499 laptop (the threshold)', async () => {
    const q = await f.call(f.clerk, 'returns.quote', quoteOf(laptops(1)));
    expect(q.commit).toBe('needs_manager');
  });

  it('approved for qty 1, committed for qty 2: refused, nothing written, the grant unused', async () => {
    const { token, overrideId } = await f.override(laptops(1));
    const before = counts(f.db);
    const e = await f.fail(f.clerk, 'returns.commit', laptops(2, { overrideToken: token }));
    expect(e.code).toBe('OVERRIDE_NOT_FOR_THIS_REQUEST');
    expect(english(e)).toMatch(/Ask the manager again/);
    expect(counts(f.db)).toEqual(before);
    expect(unconsumed(overrideId)).toBeNull();
  });

  it('a fee waiver added after the approval: refused', async () => {
    const { token, overrideId } = await f.override(laptops(1));
    const before = counts(f.db);
    const e = await f.fail(
      f.clerk,
      'returns.commit',
      laptops(1, { overrideToken: token, waiveRestockingFee: true }),
    );
    expect(e.code).toBe('OVERRIDE_NOT_FOR_THIS_REQUEST');
    expect(counts(f.db)).toEqual(before);
    expect(unconsumed(overrideId)).toBeNull();
  });

  it('another staff member reusing the clerk’s grant for the same request: refused', async () => {
    const { token } = await f.override(laptops(1));
    const other = await f.as('A001');
    const before = counts(f.db);
    const e = await f.fail(other, 'returns.commit', laptops(1, { overrideToken: token }));
    expect(e.code).toBe('OVERRIDE_NOT_FOR_THIS_REQUEST');
    expect(counts(f.db)).toEqual(before);
  });

  it('a grant without the request (an older client) cannot be had for returns.commit', async () => {
    const e = await f.fail(f.clerk, 'auth.requestOverride', {
      action: 'returns.commit',
      reasonCode: 'goodwill',
      note: '',
      managerCode: 'M001',
      pin: '909090',
    });
    expect(e.code).toBe('OVERRIDE_REQUEST_REQUIRED');
  });

  it('the exact request it approved (a reworded note is fine) commits', async () => {
    const req = laptops(1, { note: '客户要求' });
    const { token, overrideId, selfApproved } = await f.override({ ...req, note: '' });
    expect(selfApproved).toBe(false);
    const r = await f.call(f.clerk, 'returns.commit', { ...req, overrideToken: token });
    expect(r).toMatchObject({ overrideId, totalMinor: 549_900 });
    expect(auditOk(f.db)).toBe(true);
  });
});

describe('four eyes', () => {
  it('on (default): the manager cannot approve their own return with their own PIN', async () => {
    const before = (f.db.prepare('SELECT count(*) AS n FROM overrides').get() as { n: number }).n;
    const e = await f.fail(f.manager, 'auth.requestOverride', {
      action: 'returns.commit',
      reasonCode: 'high_value',
      note: '',
      managerCode: 'M001',
      pin: '909090',
      request: requestOf(laptops(1)),
    });
    expect(e.code).toBe('OVERRIDE_SELF_APPROVAL');
    expect(english(e)).toBe(
      'Four-eyes rule: M001 cannot approve their own return. Ask another manager to approve.',
    );
    expect((f.db.prepare('SELECT count(*) AS n FROM overrides').get() as { n: number }).n).toBe(before);
  });

  it('off: allowed, and the daily summary shows it as self-approved', async () => {
    await f.call(f.manager, 'settings.update', { approvalFourEyes: false });
    const req = laptops(1);
    const { token, overrideId, selfApproved } = await f.override(req, 'high_value', '', f.manager);
    expect(selfApproved).toBe(true);
    const r = await f.call(f.manager, 'returns.commit', { ...req, overrideToken: token });
    expect(r.overrideId).toBe(overrideId);
    const day = await f.call(f.manager, 'reports.daily', { day: '2026-11-23' });
    const rows = day.overrides.filter((o) => o.ref === r.returnId);
    expect(rows).toEqual([
      expect.objectContaining({ manager: '张店长', requestedBy: '张店长', selfApproved: true }),
    ]);
    expect(day.overrides.filter((o) => o.selfApproved)).toHaveLength(1);
    await f.call(f.manager, 'settings.update', { approvalFourEyes: true });
  });
});

describe('cumulative thresholds', () => {
  const buds = (key: string): MethodInput<'returns.commit'> => ({
    receiptNo: 'S-20261121-0201',
    resolution: 'refund',
    lines: [
      { lineNo: 1, qty: 1, reason: 'no_reason', inspection: inspection('headphones', { grade: 'A-new' }) },
    ],
    idempotencyKey: key,
    expectedTotalMinor: 90_000,
  });

  it('¥900 + ¥900 on one sale with a ¥1,000 threshold: the second return needs the manager', async () => {
    const first = await f.call(f.clerk, 'returns.quote', quoteOf(buds('buds-0001')));
    expect(first.commit).toBe('ready');
    await f.call(f.clerk, 'returns.commit', buds('buds-0001'));
    const second = await f.call(f.clerk, 'returns.quote', quoteOf(buds('buds-0002')));
    expect(second.commit).toBe('needs_manager');
    expect(second.manager.because.map((b) => b.reason.key)).toContain('policy.reason.aboveApprovalLimit');
    const before = counts(f.db);
    expect((await f.fail(f.clerk, 'returns.commit', buds('buds-0002'))).code).toBe('RETURN_NEEDS_MANAGER');
    expect(counts(f.db)).toEqual(before);
  });

  it('no-receipt limit: the same ID document typed with other spacing and case under another phone', async () => {
    const gtin = (
      f.db.prepare("SELECT gtin FROM products WHERE sku = 'SA-KT-MD-17'").get() as { gtin: string }
    ).gtin;
    const kettle = (qty: number, phone: string, idDocument: string): MethodInput<'returns.quote'> => ({
      noReceipt: { gtin, customerPhone: phone, idDocument, customerName: '新顾客' },
      resolution: 'store_credit',
      lines: [{ lineNo: 1, qty, reason: 'no_reason', inspection: inspection('small_appliance') }],
    });
    const a = kettle(2, '13900001111', '11010119900307123X');
    const qa = await f.call(f.clerk, 'returns.quote', a);
    expect(qa.commit).toBe('ready');
    await f.call(f.clerk, 'returns.commit', {
      ...a,
      idempotencyKey: 'nr-id-0001',
      expectedTotalMinor: qa.totals.totalMinor,
    });
    const b = kettle(1, '13900002222', ' 110101-19900307 123x ');
    const qb = await f.call(f.clerk, 'returns.quote', b);
    expect(qb.noReceipt?.monthUsedMinor).toBe(qa.totals.totalMinor);
    expect(qb.commit).toBe('needs_manager');
    const before = counts(f.db);
    const e = await f.fail(f.clerk, 'returns.commit', {
      ...b,
      idempotencyKey: 'nr-id-0002',
      expectedTotalMinor: qb.totals.totalMinor,
    });
    expect(e.code).toBe('RETURN_NEEDS_MANAGER');
    expect(counts(f.db)).toEqual(before);
  });
});
