/**
 * The daily summary against hand-computed fixtures: business-day edges at 00:00:00 and 23:59:59
 * store time in Asia/Shanghai (UTC+8, no DST) and a DST day in New York (1 Nov 2026: 25 hours),
 * returns by tender / reason / category / disposition, repairs received / completed / picked up /
 * open and overdue at close, deposits and balances, cash drawer, tests, instruments, overrides,
 * and reconciliation. Every figure is computed by hand in the comments.
 */
import { describe, expect, it } from 'vitest';
import { dailySummary } from '../../../core/services/reports/daily-summary';
import { writeSettings } from '../../../db/repositories/store/settings';
import { setStoreTimeZone } from '../../../db/repositories/store/stores';
import { drillDown } from '../../../core/services/reports/drill-down';
import type { DrillFigure } from '../../../shared/contract/methods/reports';
import { makeCore } from '../../helpers/core-fixture';
import { aJob, aReturn, anEvent, HOUR, product, staffId } from './report-fixture';

// 2026-11-20 in Asia/Shanghai is [2026-11-19T16:00Z, 2026-11-20T16:00Z).
const DAY_START = Date.UTC(2026, 10, 19, 16, 0, 0);
const DAY_END = Date.UTC(2026, 10, 20, 16, 0, 0);

describe('daily summary (Asia/Shanghai)', () => {
  it('adds up returns, repairs, tests, drawer and overrides of exactly that business day', () => {
    const f = makeCore();
    try {
      const db = f.core.ctx.db.sqlite;
      const clerk = staffId(db, 'C001');
      const manager = staffId(db, 'M001');
      const speaker = product(db, 'audio', 'SPK-1');
      const buds = product(db, 'headphones', 'HP-1');
      db.transaction(() => {
        // R1: ¥359.10 to WeChat Pay, speaker restocked, performance fault.
        aReturn(db, { id: 'R-1', day: '2026-11-20', at: DAY_START + HOUR, staff: clerk, reason: 'performance_fault',
          productId: speaker, sku: 'SPK-1', refund: 35910, disposition: 'restock', tenders: [['wechat', 35910]] });
        // R2: ¥100.00 after a ¥15.00 fee: ¥60.00 cash + ¥40.00 store credit, headphones to open box, no reason.
        aReturn(db, { id: 'R-2', day: '2026-11-20', at: DAY_END - 1, staff: clerk, reason: 'no_reason', productId: buds,
          sku: 'HP-1', refund: 10000, fee: 1500, disposition: 'open_box', tenders: [['cash', 6000], ['store_credit', 4000]] });
        // R3: the day before — must not count anywhere.
        aReturn(db, { id: 'R-3', day: '2026-11-19', at: DAY_START - 1, staff: clerk, reason: 'no_reason', productId: buds,
          sku: 'HP-1', refund: 99999, disposition: 'restock', tenders: [['cash', 99999]] });

        // J-A: received at 00:00:00 local, completed at 23:59:59 local (ready, not picked up); ¥30 cash deposit.
        aJob(db, { id: 'J-A', createdAt: DAY_START, status: 'ready', staff: clerk, promisedAt: DAY_END + 48 * HOUR,
          completedAt: DAY_END - 1000 });
        anEvent(db, 'J-A', DAY_START, null, 'received', { kind: 'intake', deposit: { amountMinor: 3000, tender: 'cash' } });
        // J-B: received at 23:59:59 the day before, promised before the day ends: open and overdue at close.
        aJob(db, { id: 'J-B', createdAt: DAY_START - 1000, status: 'diagnosing', staff: clerk, promisedAt: DAY_START + 10 * HOUR });
        // J-C: received at 00:00:00 the next day: nothing of it counts.
        aJob(db, { id: 'J-C', createdAt: DAY_END, status: 'received', staff: clerk, promisedAt: DAY_END + HOUR });
        // J-D: older job picked up on the day with ¥50 in cash: picked up, balance taken, not open at close.
        aJob(db, { id: 'J-D', createdAt: DAY_START - 72 * HOUR, status: 'picked_up', staff: clerk,
          promisedAt: DAY_START - 24 * HOUR, completedAt: DAY_START - 30 * HOUR, pickedUpAt: DAY_START + 11 * HOUR });
        anEvent(db, 'J-D', DAY_START + 11 * HOUR, 'ready', 'picked_up', { kind: 'pickup', payment: { tender: 'cash', amountMinor: 5000 }, refundMinor: 0, refundTender: null });
        // J-E: received the day before, picked up the next morning: still open when the day closed.
        aJob(db, { id: 'J-E', createdAt: DAY_START - 5 * HOUR, status: 'picked_up', staff: clerk,
          promisedAt: DAY_END + 24 * HOUR, completedAt: DAY_END + HOUR, pickedUpAt: DAY_END + 2 * HOUR });
        anEvent(db, 'J-E', DAY_END + 2 * HOUR, 'ready', 'picked_up', { kind: 'pickup', payment: null, refundMinor: 0, refundTender: null });
        // Parts on J-A: 2 × ¥12.00 cost on the day, 1 × ¥99.00 the next day.
        db.prepare("INSERT INTO spare_parts (sku, name, stock_qty, low_stock_at, cost_minor, price_minor) VALUES ('P1', 'P1', 10, 1, 1200, 3500)").run();
        db.prepare("INSERT INTO repair_parts (job_id, part_sku, qty, unit_cost_minor, unit_price_minor, at) VALUES ('J-A', 'P1', 2, 1200, 3500, ?)").run(DAY_START + 2 * HOUR);
        db.prepare("INSERT INTO repair_parts (job_id, part_sku, qty, unit_cost_minor, unit_price_minor, at) VALUES ('J-A', 'P1', 1, 9900, 3500, ?)").run(DAY_END);
        // Tests: pass at 01:00Z, fail 1 ms before the end, pass at the next day's start.
        const result = db.prepare(
          "INSERT INTO test_results (job_id, plan_id, step_index, attempt, at, unit, fn, display, verdict, manual) VALUES ('J-A', 1, 0, ?, ?, 'V', 'DCV', '1 V', ?, 0)",
        );
        result.run(1, DAY_START + HOUR, 'pass');
        result.run(2, DAY_END - 1, 'fail');
        result.run(3, DAY_END, 'pass');
        // Instruments: due the day before (past), due on the day (not past yet).
        db.prepare("INSERT INTO instruments (model, serial, calibration_due) VALUES ('M1', 'S1', '2026-11-19'), ('M2', 'S2', '2026-11-20')").run();
        // One override on the day.
        db.prepare(
          `INSERT INTO overrides (at, store_id, action, manager_id, requested_by, reason_code, note, token_hash, expires_at, entity_type, entity_id)
           VALUES (?, 1, 'return.policy', ?, ?, 'goodwill', '老顾客', 'h', 0, 'return', 'R-1')`,
        ).run(DAY_START + 2 * HOUR, manager, clerk);
      })();

      const s = dailySummary(f.core.ctx.db, f.core.ctx.storeId, '2026-11-20');
      expect(s.range).toEqual({ start: DAY_START, end: DAY_END });
      // Returns: 2; 35910 + 10000 = 45910; fees 1500; store credit 4000.
      expect(s.returns).toMatchObject({ count: 2, exchanges: 0, refundTotalMinor: 45910, restockingFeesMinor: 1500, storeCreditIssuedMinor: 4000 });
      expect(s.returns.byTender).toEqual([
        { key: 'wechat', count: 1, amountMinor: 35910 },
        { key: 'cash', count: 1, amountMinor: 6000 },
        { key: 'store_credit', count: 1, amountMinor: 4000 },
      ]);
      expect(s.returns.byReason).toEqual([
        { key: 'performance_fault', count: 1, amountMinor: 35910 },
        { key: 'no_reason', count: 1, amountMinor: 10000 },
      ]);
      expect(s.returns.byCategory).toEqual([
        { key: 'audio', count: 1, amountMinor: 35910 },
        { key: 'headphones', count: 1, amountMinor: 10000 },
      ]);
      expect(s.returns.byDisposition.map((d) => [d.key, d.count])).toEqual([['open_box', 1], ['restock', 1]]);
      // Repairs: received J-A; completed J-A; picked up J-D; open at close J-A + J-B + J-E (closed the next day); overdue J-B.
      // Turnaround of J-A: DAY_END - 1000 - DAY_START = 86,399 s = 23.9997 h → 24.0.
      // Parts cost: 2 × 1200 = 2400. Deposits 3000; balances 5000.
      expect(s.repairs).toEqual({ received: 1, completed: 1, pickedUp: 1, openAtClose: 3, overdueAtClose: 1,
        avgTurnaroundHours: 24, partsCostMinor: 2400, depositsMinor: 3000, balancesTakenMinor: 5000 });
      expect(s.tests).toEqual({ pass: 1, fail: 1, instrumentsPastCalibration: ['M1 S1'] });
      // Drawer: in 3000 + 5000 = 8000; out 6000 (R-2's cash); net 2000.
      expect(s.drawer).toEqual({ cashInMinor: 8000, cashOutMinor: 6000, netMinor: 2000 });
      expect(s.overrides).toEqual([
        { at: DAY_START + 2 * HOUR, manager: '张店长', requestedBy: '小王', action: 'return.policy', reason: 'goodwill', note: '老顾客', ref: 'R-1', selfApproved: false },
      ]);
      expect(s.reconciliation.every((c) => c.ok)).toBe(true);
      // Reproducible: the same day again gives the same object.
      expect(dailySummary(f.core.ctx.db, f.core.ctx.storeId, '2026-11-20')).toEqual(s);
      // The drill-downs list exactly the records behind each figure (the same predicates as the counts).
      const ids = (figure: DrillFigure) => drillDown(f.core.ctx.db, f.core.ctx.storeId, '2026-11-20', figure).rows.map((r) => r.id);
      expect(ids('returns')).toEqual(['R-1', 'R-2']);
      expect(ids('repairsReceived')).toEqual(['J-A']);
      expect(ids('repairsCompleted')).toEqual(['J-A']);
      expect(ids('repairsPickedUp')).toEqual(['J-D']);
      expect(ids('repairsOpen')).toEqual(['J-E', 'J-B', 'J-A']); // by intake time; J-D was picked up on the day
      expect(ids('repairsOverdue')).toEqual(['J-B']);
      expect(ids('overrides')).toHaveLength(1);
      expect(ids('testsFailed')).toHaveLength(1);
      const returns = drillDown(f.core.ctx.db, f.core.ctx.storeId, '2026-11-20', 'returns');
      expect(returns.columns.find((c) => c.key === 'refundMinor')?.kind).toBe('money');
      expect(returns.columns.find((c) => c.key === 'createdAt')?.kind).toBe('instant');
    } finally {
      f.close();
    }
  });

  it('a reconciliation check fails when a tender row is missing (a damaged record is visible, not hidden)', () => {
    const f = makeCore();
    try {
      const db = f.core.ctx.db.sqlite;
      const p = product(db, 'audio', 'SPK-2');
      aReturn(db, { id: 'R-9', day: '2026-11-20', at: DAY_START, staff: staffId(db, 'C001'), reason: 'no_reason',
        productId: p, sku: 'SPK-2', refund: 5000, disposition: 'restock', tenders: [['cash', 3000]] });
      const s = dailySummary(f.core.ctx.db, f.core.ctx.storeId, '2026-11-20');
      expect(s.reconciliation.find((c) => c.check === 'tenders_equal_refunds')).toEqual({
        check: 'tenders_equal_refunds', ok: false, leftMinor: 3000, rightMinor: 5000 });
    } finally {
      f.close();
    }
  });
});

describe('daily summary (America/New_York, DST ends 2026-11-01)', () => {
  it('the 25-hour day counts a job received at 23:30 EST, the next day starts at 00:00 EST', () => {
    const f = makeCore();
    try {
      const db = f.core.ctx.db.sqlite;
      setStoreTimeZone(f.core.ctx.db, f.core.ctx.storeId, 'America/New_York');
      writeSettings(f.core.ctx.db, f.core.ctx.storeId, { timeZone: 'America/New_York' }, 0);
      const clerk = staffId(db, 'C001');
      // 2026-11-01 00:00 EDT = 04:00Z; 2026-11-02 00:00 EST = 05:00Z (25 hours later).
      const start = Date.UTC(2026, 10, 1, 4, 0);
      const end = Date.UTC(2026, 10, 2, 5, 0);
      aJob(db, { id: 'J-1', createdAt: start, status: 'received', staff: clerk, promisedAt: end + HOUR });
      // 23:30 EST on 1 Nov = 04:30Z on 2 Nov: past a naive 24-hour window, inside the 25-hour day.
      aJob(db, { id: 'J-2', createdAt: Date.UTC(2026, 10, 2, 4, 30), status: 'received', staff: clerk, promisedAt: end + HOUR });
      aJob(db, { id: 'J-3', createdAt: end, status: 'received', staff: clerk, promisedAt: end + HOUR });
      const s = dailySummary(f.core.ctx.db, f.core.ctx.storeId, '2026-11-01');
      expect(s.range).toEqual({ start, end });
      expect(s.repairs.received).toBe(2);
      expect(dailySummary(f.core.ctx.db, f.core.ctx.storeId, '2026-11-02').repairs.received).toBe(1);
    } finally {
      f.close();
    }
  });
});
