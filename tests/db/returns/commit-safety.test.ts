/**
 * What must never happen at the counter: a double click refunding twice, a stale or tampered amount
 * being paid, a half-written return after a failure mid-commit, or bad input changing anything.
 * Every refusal is a typed error and leaves every table (and the document number sequence) as it was.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodInput } from '../../../shared/contract';
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
});
afterAll(() => f.close());

function speakerQuote(): MethodInput<'returns.quote'> {
  return {
    receiptNo: f.receipts.returnWithReceipt,
    resolution: 'refund',
    lines: [
      {
        lineNo: 1,
        qty: 1,
        reason: 'performance_fault',
        inspection: inspection('audio', {
          grade: 'A-defective',
          serialScanned: 'EDM330A2611001',
          faultReproduced: true,
        }),
      },
    ],
  };
}

function speaker(key: string, expected = 35_910): MethodInput<'returns.commit'> {
  return { ...speakerQuote(), idempotencyKey: key, expectedTotalMinor: expected };
}

function phone(opts: Parameters<typeof inspection>[1] = {}): MethodInput<'returns.quote'> {
  return {
    receiptNo: f.receipts.phoneWithImei,
    resolution: 'exchange',
    exchangeItems: [{ sku: 'PH-XM-14-256', qty: 1, serial: '861234560009999' }],
    exchangePaymentTender: 'cash',
    lines: [
      {
        lineNo: 1,
        qty: 1,
        reason: 'performance_fault',
        inspection: inspection('phone', { grade: 'A-defective', faultReproduced: true, ...opts }),
      },
    ],
  };
}

describe('commit safety', () => {
  it('a tampered or stale expectedTotalMinor is refused and nothing is written', async () => {
    const before = counts(f.db);
    const e = await f.fail(f.clerk, 'returns.commit', speaker('tamper-0001', 41_220));
    expect(e).toMatchObject({
      code: 'RETURN_TOTAL_CHANGED',
      details: { expectedMinor: 41_220, actualMinor: 35_910, expected: '¥412.20', actual: '¥359.10' },
    });
    expect(counts(f.db)).toEqual(before);
  });

  it('a failure mid-commit (print job insert aborted) leaves no return, audit row, stock move or number', async () => {
    const before = counts(f.db);
    const seqBefore = f.db.prepare('SELECT * FROM number_sequences ORDER BY kind, day').all();
    for (const table of ['print_jobs', 'idempotency_keys', 'stock_moves', 'audit_log']) {
      f.db.exec(
        `CREATE TRIGGER fail_${table} BEFORE INSERT ON ${table} BEGIN SELECT RAISE(ABORT, 'injected fault'); END`,
      );
      const e = await f.fail(f.clerk, 'returns.commit', speaker(`fault-${table}`));
      f.db.exec(`DROP TRIGGER fail_${table}`);
      expect(e.code).toBe('INTERNAL');
      expect(counts(f.db)).toEqual(before);
      expect(f.db.prepare('SELECT * FROM number_sequences ORDER BY kind, day').all()).toEqual(seqBefore);
    }
    expect(auditOk(f.db)).toBe(true);
  });

  it('the same key twice gives the first result once; a different request with it is refused', async () => {
    const before = counts(f.db);
    const first = await f.call(f.clerk, 'returns.commit', speaker('double-click-1'));
    expect(first.returnId).toBe('R-20261123-0001');
    // The retry arrives with its keys in another order (another transport, another serialiser).
    const reordered = Object.fromEntries(Object.entries(speaker('double-click-1')).reverse()) as ReturnType<
      typeof speaker
    >;
    const second = await f.call(f.clerk, 'returns.commit', reordered);
    expect(second).toEqual({ ...first, replayed: true });
    const after = counts(f.db);
    expect(after.returns).toBe(before.returns + 1);
    expect(after.print_jobs).toBe(before.print_jobs + 1);
    expect(after.audit_log).toBe(before.audit_log + 1);

    const other = await f.fail(f.clerk, 'returns.commit', {
      ...speaker('double-click-1'),
      note: 'changed',
    });
    expect(other.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(counts(f.db)).toEqual(after);
  });

  it('two concurrent commits with one key make one return; with two keys the second finds nothing left', async () => {
    const req: MethodInput<'returns.commit'> = {
      receiptNo: f.receipts.returnWithReceipt,
      resolution: 'refund',
      lines: [{ lineNo: 2, qty: 1, reason: 'no_reason', inspection: inspection('accessories') }],
      idempotencyKey: 'concurrent-1',
      expectedTotalMinor: 5_310,
    };
    const before = counts(f.db);
    const [a, b] = await Promise.all([
      f.core.dispatcher.call(f.clerk, 'returns.commit', req),
      f.core.dispatcher.call(f.manager, 'returns.commit', req),
    ]);
    expect(a.ok && b.ok).toBe(true);
    if (!a.ok || !b.ok) return;
    const [ra, rb] = [
      a.value as { returnId: string; replayed: boolean },
      b.value as { returnId: string; replayed: boolean },
    ];
    expect(ra.returnId).toBe(rb.returnId);
    expect([ra.replayed, rb.replayed].sort()).toEqual([false, true]);
    expect(counts(f.db).returns).toBe(before.returns + 1);

    // A fresh sale line can only be refunded once, whichever of two racing keys wins.
    const race = (key: string): MethodInput<'returns.commit'> => ({
      receiptNo: f.receipts.kettlePromo,
      resolution: 'refund',
      lines: [{ lineNo: 1, qty: 1, reason: 'no_reason', inspection: inspection('small_appliance') }],
      idempotencyKey: key,
      expectedTotalMinor: 9_900,
    });
    const results = await Promise.all([
      f.core.dispatcher.call(f.clerk, 'returns.commit', race('race-key-a')),
      f.core.dispatcher.call(f.clerk, 'returns.commit', race('race-key-b')),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    // The kettle was paid in cash: the refund opens the drawer.
    expect(results.find((r) => r.ok)).toMatchObject({
      value: { openDrawer: true, tenders: [{ tender: 'cash', amountMinor: 9_900 }] },
    });
    expect(results.flatMap((r) => (r.ok ? [] : [r.error.code]))).toEqual(['REFUND_QTY_EXCEEDS_REMAINING']);
    expect(auditOk(f.db)).toBe(true);
  });

  it('unknown and malformed receipt numbers say so and change nothing', async () => {
    const before = counts(f.db);
    const tries: [string, string][] = [
      ["S-2026'; DROP TABLE returns;--", 'malformed'],
      ['S-20260101-0999', 'unknown'],
      ['R-20261123-0001', 'not_a_sale'],
    ];
    for (const [receiptNo, why] of tries) {
      const e = await f.fail(f.clerk, 'returns.saleForReturn', { receiptNo });
      expect(e).toMatchObject({ code: 'SALE_NOT_FOUND', details: { receiptNo, why } });
      const c = await f.fail(f.clerk, 'returns.commit', { ...speaker('bad-receipt'), receiptNo });
      expect(c.code).toBe('SALE_NOT_FOUND');
    }
    expect((await f.fail(f.clerk, 'returns.saleForReturn', { receiptNo: '' })).code).toBe('INVALID_INPUT');
    expect(
      (await f.fail(f.clerk, 'returns.quote', { ...speakerQuote(), receiptNo: 'S'.repeat(65) })).code,
    ).toBe('INVALID_INPUT');
    const line9 = await f.fail(f.clerk, 'returns.quote', {
      ...speakerQuote(),
      lines: [{ lineNo: 9, qty: 1, reason: 'no_reason', inspection: inspection('audio') }],
    });
    expect(line9).toMatchObject({ code: 'REFUND_LINE_NOT_FOUND', details: { lineNo: 9 } });
    expect(counts(f.db)).toEqual(before);

    // A POS that prints spaces and # in its receipt numbers is still found, by exactly that text.
    await f.call(f.manager, 'sales.import', {
      format: 'json',
      content: saleJson({
        saleId: 'odd-receipt-1',
        receiptNo: 'POS #778 12',
        soldAt: '2026-11-22T10:00:00+08:00',
        total: '59.00',
        lines: [{ sku: 'AC-CBL-UG-C15', name: 'cable', category: 'accessories', qty: 1, unitPrice: '59.00' }],
        payments: [{ tender: 'cash', amount: '59.00' }],
      }),
    });
    const odd = await f.call(f.clerk, 'returns.saleForReturn', { receiptNo: ' POS #778 12' });
    expect(odd.sale.id).toBe('odd-receipt-1');
  });

  it('a serial that does not match the sale is blocked, even with a manager override', async () => {
    const req = phone({ serialScanned: '861234560009998' });
    const q = await f.call(f.clerk, 'returns.quote', req);
    expect(q.lines[0]).toMatchObject({
      status: 'blocked',
      overridable: false,
      inspection: { serialMatches: false },
      decision: { decidingRule: 'serial_mismatch' },
    });
    expect(q.commit).toBe('blocked');
    const { token, overrideId } = await f.override({ ...req, expectedTotalMinor: q.totals.totalMinor });
    const before = counts(f.db);
    const e = await f.fail(f.clerk, 'returns.commit', {
      ...req,
      idempotencyKey: 'imei-mismatch-1',
      expectedTotalMinor: q.totals.totalMinor,
      overrideToken: token,
    });
    expect(e).toMatchObject({ code: 'RETURN_SERIAL_MISMATCH', details: { lineNo: 1 } });
    expect(counts(f.db)).toEqual(before);
    expect(f.db.prepare('SELECT consumed_at FROM overrides WHERE id = ?').get(overrideId)).toEqual({
      consumed_at: null,
    });
    // The same IMEI typed in groups matches.
    const ok = await f.call(f.clerk, 'returns.quote', phone({ serialScanned: '8612 3456 0001 235' }));
    expect(ok.lines[0]?.inspection.serialMatches).toBe(true);
  });

  it('a phone still locked to its account, an unfinished checklist, a wrong disposition: typed errors', async () => {
    const before = counts(f.db);
    const locked = phone({ serialScanned: '861234560001235', fail: ['account_removed'] });
    const q = await f.call(f.clerk, 'returns.quote', locked);
    expect(q.lines[0]?.status).toBe('blocked');
    expect(
      (
        await f.fail(f.clerk, 'returns.commit', {
          ...locked,
          idempotencyKey: 'locked-0001',
          expectedTotalMinor: 0,
        })
      ).code,
    ).toBe('RETURN_DEVICE_LOCKED');

    const unfinished = phone({ serialScanned: '861234560001235', skip: ['powers_on', 'factory_reset'] });
    const u = await f.call(f.clerk, 'returns.quote', unfinished);
    expect(u.lines[0]?.inspection.missingItems).toEqual(['powers_on', 'factory_reset']);
    expect(u.commit).toBe('incomplete');
    expect(
      await f.fail(f.clerk, 'returns.commit', {
        ...unfinished,
        idempotencyKey: 'unfinished-1',
        expectedTotalMinor: u.totals.totalMinor,
      }),
    ).toMatchObject({
      code: 'RETURN_CHECKLIST_INCOMPLETE',
      details: { lineNo: 1, items: ['powers_on', 'factory_reset'] },
    });

    const bogus = phone({ serialScanned: '861234560001235' });
    bogus.lines[0]?.inspection.checklist?.push({ item: 'ear_tips', ok: true });
    expect(await f.fail(f.clerk, 'returns.quote', bogus)).toMatchObject({
      code: 'RETURN_CHECKLIST_INVALID',
      details: { item: 'ear_tips', why: 'unknown' },
    });

    const restock = phone({ serialScanned: '861234560001235' });
    if (restock.lines[0]) restock.lines[0].disposition = 'restock';
    expect(await f.fail(f.clerk, 'returns.quote', restock)).toMatchObject({
      code: 'RETURN_DISPOSITION_INVALID',
      details: { disposition: 'restock', allowed: 'rma_vendor,scrap' },
    });
    expect(counts(f.db)).toEqual(before);
  });

  it('damage found at inspection makes the grade C: 三包 fault rights are void (refused, store credit by override)', async () => {
    const q = await f.call(
      f.clerk,
      'returns.quote',
      phone({ serialScanned: '861234560001235', fail: ['screen_intact'] }),
    );
    expect(q.lines[0]).toMatchObject({
      status: 'refused',
      inspection: { grade: 'C-damaged', gradeAdjusted: true },
      decision: { decidingRule: 'customer_damage' },
      allowedDispositions: ['rma_vendor', 'scrap'],
    });
  });

  it('10 days after purchase a 三包 phone fault offers exchange or repair; repair is prefilled, not recorded', async () => {
    const q = await f.call(f.clerk, 'returns.quote', phone({ serialScanned: '861234560001235' }));
    expect(q.lines[0]?.decision).toMatchObject({
      decidingRule: 'fault_exchange',
      options: ['exchange', 'repair'],
    });
    // Same model, same price: nothing to pay.
    expect(q.exchange).toMatchObject({ creditMinor: 399_900, newTotalMinor: 399_900, differenceMinor: 0 });
    expect(q.commit).toBe('ready');

    const repair: MethodInput<'returns.quote'> = {
      ...phone({ serialScanned: '861234560001235', notes: '充不进电' }),
      resolution: 'repair',
    };
    const r = await f.call(f.clerk, 'returns.quote', repair);
    expect(r.commit).toBe('not_a_return');
    expect(r.repairPrefill).toMatchObject({
      saleId: 'pos-20261113-0003',
      lineNo: 1,
      serial: '861234560001235',
      customer: { name: '赵磊', phone: '13300003333' },
      product: { sku: 'PH-XM-14-256', categoryCode: 'phone' },
      faultText: '充不进电',
      warranty: true,
    });
    const before = counts(f.db);
    const e = await f.fail(f.clerk, 'returns.commit', {
      ...repair,
      idempotencyKey: 'repair-0001',
      expectedTotalMinor: 0,
    });
    expect(e.code).toBe('RETURN_REPAIR_USE_INTAKE');
    expect(counts(f.db)).toEqual(before);
  });

  it('roles: a technician cannot see returns; an inspector can quote but not commit', async () => {
    const tech = await f.as('T001');
    expect((await f.fail(tech, 'returns.quote', speakerQuote())).code).toBe('FORBIDDEN');
    const insp = await f.as('I001');
    const q = await f.call(insp, 'returns.quote', phone({ serialScanned: '861234560001235' }));
    expect(q.commit).toBe('ready');
    expect((await f.fail(insp, 'returns.commit', speaker('role-insp'))).code).toBe('FORBIDDEN');
    expect((await f.fail(f.core.connect(), 'returns.quote', speakerQuote())).code).toBe('SIGNED_OUT');
  });

  it('the audit chain verifies after everything', () => {
    expect(auditOk(f.db)).toBe(true);
  });
});
