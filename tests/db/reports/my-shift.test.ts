/**
 * "My shift" through the contract: the signed-in staff member's own returns, intakes, pickups and
 * drawer cash of today (Asia/Shanghai), against a hand-computed fixture with other staff's and
 * other days' records mixed in; the input takes no staff id (another member's shift cannot be
 * asked for) and a role without `reports.own-shift` is refused.
 */
import { describe, expect, it } from 'vitest';
import type { MyShift } from '../../../shared/contract/methods/reports';
import { makeCore } from '../../helpers/core-fixture';
import { aJob, aReturn, anEvent, HOUR, product, staffId } from './report-fixture';

// 2026-11-20 in Asia/Shanghai is [2026-11-19T16:00Z, 2026-11-20T16:00Z); "now" is 18:00 local.
const DAY_START = Date.UTC(2026, 10, 19, 16, 0, 0);
const DAY_END = Date.UTC(2026, 10, 20, 16, 0, 0);
const NOW = Date.UTC(2026, 10, 20, 10, 0, 0);

function seed(db: Parameters<typeof staffId>[0]): void {
  const clerk = staffId(db, 'C001');
  const manager = staffId(db, 'M001');
  const p = product(db, 'audio', 'SPK-S');
  const ret = (id: string, day: string, at: number, staff: number, refund: number, tenders: [string, number][]) =>
    aReturn(db, { id, day, at, staff, reason: 'no_reason', productId: p, sku: 'SPK-S', refund, disposition: 'restock', tenders });
  const setStaff = db.prepare('UPDATE repair_events SET staff_id = ? WHERE job_id = ? AND at = ?');
  db.transaction(() => {
    // The clerk's returns today: ¥120.00 (¥100.00 cash + ¥20.00 WeChat) and ¥50.00 store credit.
    ret('R-S1', '2026-11-20', DAY_START + HOUR, clerk, 12000, [['cash', 10000], ['wechat', 2000]]);
    ret('R-S2', '2026-11-20', DAY_END - 1, clerk, 5000, [['store_credit', 5000]]);
    // Not the clerk's shift: the manager's return today, the clerk's return yesterday.
    ret('R-S3', '2026-11-20', DAY_START + 2 * HOUR, manager, 99900, [['cash', 99900]]);
    ret('R-S4', '2026-11-19', DAY_START - 1, clerk, 7700, [['cash', 7700]]);

    // The clerk takes in two jobs today: ¥30.00 cash deposit, ¥40.00 WeChat deposit.
    aJob(db, { id: 'J-S1', createdAt: DAY_START, status: 'received', staff: clerk, promisedAt: DAY_END + 48 * HOUR });
    anEvent(db, 'J-S1', DAY_START, null, 'received', { kind: 'intake', deposit: { amountMinor: 3000, tender: 'cash' } });
    setStaff.run(clerk, 'J-S1', DAY_START);
    aJob(db, { id: 'J-S2', createdAt: DAY_START + 3 * HOUR, status: 'received', staff: clerk, promisedAt: DAY_END });
    anEvent(db, 'J-S2', DAY_START + 3 * HOUR, null, 'received', { kind: 'intake', deposit: { amountMinor: 4000, tender: 'wechat' } });
    setStaff.run(clerk, 'J-S2', DAY_START + 3 * HOUR);
    // The manager's intake today (¥60.00 cash) and the clerk's intake yesterday: not counted.
    aJob(db, { id: 'J-S3', createdAt: DAY_START + HOUR, status: 'received', staff: manager, promisedAt: DAY_END });
    anEvent(db, 'J-S3', DAY_START + HOUR, null, 'received', { kind: 'intake', deposit: { amountMinor: 6000, tender: 'cash' } });
    setStaff.run(manager, 'J-S3', DAY_START + HOUR);
    aJob(db, { id: 'J-S4', createdAt: DAY_START - HOUR, status: 'received', staff: clerk, promisedAt: DAY_END });

    // The clerk hands over two jobs today: one paid ¥90.00 in cash, one giving back ¥10.00 of a cash deposit.
    aJob(db, { id: 'J-S5', createdAt: DAY_START - 72 * HOUR, status: 'picked_up', staff: manager, promisedAt: DAY_START,
      completedAt: DAY_START - HOUR, pickedUpAt: DAY_START + 5 * HOUR });
    anEvent(db, 'J-S5', DAY_START + 5 * HOUR, 'ready', 'picked_up',
      { kind: 'pickup', payment: { tender: 'cash', amountMinor: 9000 }, refundMinor: 0, refundTender: null });
    setStaff.run(clerk, 'J-S5', DAY_START + 5 * HOUR);
    aJob(db, { id: 'J-S6', createdAt: DAY_START - 72 * HOUR, status: 'picked_up', staff: manager, promisedAt: DAY_START,
      completedAt: DAY_START - HOUR, pickedUpAt: DAY_START + 6 * HOUR });
    anEvent(db, 'J-S6', DAY_START + 6 * HOUR, 'ready', 'picked_up',
      { kind: 'pickup', payment: null, refundMinor: 1000, refundTender: 'cash' });
    setStaff.run(clerk, 'J-S6', DAY_START + 6 * HOUR);
    // The manager's pickup today (¥50.00 cash): not the clerk's.
    aJob(db, { id: 'J-S7', createdAt: DAY_START - 72 * HOUR, status: 'picked_up', staff: manager, promisedAt: DAY_START,
      completedAt: DAY_START - HOUR, pickedUpAt: DAY_START + 7 * HOUR });
    anEvent(db, 'J-S7', DAY_START + 7 * HOUR, 'ready', 'picked_up',
      { kind: 'pickup', payment: { tender: 'cash', amountMinor: 5000 }, refundMinor: 0, refundTender: null });
    setStaff.run(manager, 'J-S7', DAY_START + 7 * HOUR);
  })();
}

describe('reports.myShift', () => {
  it("gives the signed-in clerk exactly their own returns, intakes, pickups and drawer cash of today", async () => {
    const f = makeCore({ now: NOW });
    try {
      seed(f.core.ctx.db.sqlite);
      const r = await f.core.dispatcher.call(await f.as('C001'), 'reports.myShift', {});
      if (!r.ok) throw new Error(r.error.code);
      const s = r.value as MyShift;
      expect(s.day).toBe('2026-11-20');
      expect(s.staffName).toBe('小王');
      // Returns R-S1 + R-S2: 12000 + 5000 = 17000; tenders cash 10000, store credit 5000, WeChat 2000.
      expect(s.returns).toEqual({
        count: 2,
        refundTotalMinor: 17000,
        byTender: [
          { key: 'cash', count: 1, amountMinor: 10000 },
          { key: 'store_credit', count: 1, amountMinor: 5000 },
          { key: 'wechat', count: 1, amountMinor: 2000 },
        ],
      });
      // Intakes J-S1 + J-S2; deposits 3000 + 4000 = 7000.
      expect(s.intakes).toEqual({
        count: 2,
        depositsMinor: 7000,
        byTender: [
          { key: 'wechat', count: 1, amountMinor: 4000 },
          { key: 'cash', count: 1, amountMinor: 3000 },
        ],
      });
      // Pickups J-S5 + J-S6; payments 9000 (J-S6 paid nothing).
      expect(s.pickups).toEqual({ count: 2, paymentsMinor: 9000, byTender: [{ key: 'cash', count: 1, amountMinor: 9000 }] });
      // Drawer: in 3000 (deposit) + 9000 (payment) = 12000; out 10000 (refund) + 1000 (deposit back) = 11000; net 1000.
      expect(s.drawer).toEqual({ cashInMinor: 12000, cashOutMinor: 11000, netMinor: 1000 });

      // The manager's own shift is theirs: R-S3 99900 cash, intake J-S3 6000 cash, pickup J-S7 5000 cash.
      const mr = await f.core.dispatcher.call(await f.as('M001'), 'reports.myShift', {});
      if (!mr.ok) throw new Error(mr.error.code);
      const m = mr.value as MyShift;
      expect([m.returns.count, m.returns.refundTotalMinor, m.intakes.count, m.pickups.count]).toEqual([1, 99900, 1, 1]);
      expect(m.drawer).toEqual({ cashInMinor: 11000, cashOutMinor: 99900, netMinor: -88900 });

      // The next day starts empty for the clerk.
      f.setNow(DAY_END);
      const next = await f.core.dispatcher.call(await f.as('C001'), 'reports.myShift', {});
      if (!next.ok) throw new Error(next.error.code);
      const n = next.value as MyShift;
      expect([n.day, n.returns.count, n.intakes.count, n.pickups.count]).toEqual(['2026-11-21', 0, 0, 0]);
    } finally {
      f.close();
    }
  });

  it("refuses to be asked for someone else's shift, and a role without reports.own-shift", async () => {
    const f = makeCore({ now: NOW });
    try {
      const db = f.core.ctx.db.sqlite;
      seed(db);
      const clerk = await f.as('C001');
      const manager = staffId(db, 'M001');
      for (const hostile of [{ staffId: manager }, { staff: 'M001' }, { day: '2026-11-19' }, 'M001', [manager]]) {
        const r = await f.core.dispatcher.call(clerk, 'reports.myShift', hostile);
        expect(r.ok ? 'ok' : r.error.code).toBe('INVALID_INPUT');
      }
      // Clerks cannot reach the manager's figures another way either.
      const daily = await f.core.dispatcher.call(clerk, 'reports.drillDown', { day: '2026-11-20', figure: 'returns' });
      expect(daily.ok ? 'ok' : daily.error.code).toBe('FORBIDDEN');

      db.prepare("DELETE FROM role_permissions WHERE role = 'technician' AND permission = 'reports.own-shift'").run();
      const t = await f.core.dispatcher.call(await f.as('T001'), 'reports.myShift', {});
      expect(t.ok ? 'ok' : t.error.code).toBe('FORBIDDEN');
      const signedOut = await f.core.dispatcher.call(f.core.connect(), 'reports.myShift', {});
      expect(signedOut.ok ? 'ok' : signedOut.error.code).toBe('SIGNED_OUT');
    } finally {
      f.close();
    }
  });
});
