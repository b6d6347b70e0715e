/** KPIs over a range, against a hand-computed fixture of two completed jobs, surveys, sales and a return. */
import { describe, expect, it } from 'vitest';
import { kpiDrillDown } from '../../../core/services/reports/drill-down';
import { kpiReport } from '../../../core/services/reports/kpis';
import { makeCore } from '../../helpers/core-fixture';
import { aJob, aReturn, anEvent, HOUR, product, staffId } from './report-fixture';

// 2026-11-16 … 2026-11-20 in Asia/Shanghai: [2026-11-15T16:00Z, 2026-11-20T16:00Z).
const T0 = Date.UTC(2026, 10, 16, 2, 0);

describe('KPIs (2026-11-16 … 2026-11-20, Asia/Shanghai)', () => {
  it('response, turnaround, on-time, first-time fix, repeat, CSAT, NPS, return rate, trend, technicians', () => {
    const f = makeCore();
    try {
      const db = f.core.ctx.db.sqlite;
      const clerk = staffId(db, 'C001');
      const tech = staffId(db, 'T001');
      db.transaction(() => {
        // K1: diagnosed after 2 h, completed after 26 h (promise 48 h: on time), CSAT 5, NPS 10.
        aJob(db, { id: 'K1', createdAt: T0, status: 'picked_up', staff: clerk, assignedTo: tech,
          promisedAt: T0 + 48 * HOUR, firstDiagnosisAt: T0 + 2 * HOUR, completedAt: T0 + 26 * HOUR,
          pickedUpAt: T0 + 30 * HOUR, csat: 5, nps: 10 });
        // K2: repeat of K1; diagnosed after 4 h, completed after 50 h (late), QC sent it back once; CSAT 3, NPS 6.
        aJob(db, { id: 'K2', createdAt: T0, status: 'picked_up', staff: clerk, assignedTo: tech, repeatOf: 'K1',
          promisedAt: T0 + 48 * HOUR, firstDiagnosisAt: T0 + 4 * HOUR, completedAt: T0 + 50 * HOUR,
          pickedUpAt: T0 + 60 * HOUR, csat: 3, nps: 6 });
        anEvent(db, 'K2', T0 + 40 * HOUR, 'qc', 'repairing', { kind: 'qc' });
        // K3: before the range — ignored by every figure.
        aJob(db, { id: 'K3', createdAt: T0 - 10 * 24 * HOUR, status: 'picked_up', staff: clerk, assignedTo: tech,
          promisedAt: T0, firstDiagnosisAt: T0 - 9 * 24 * HOUR, completedAt: T0 - 8 * 24 * HOUR, csat: 1, nps: 0,
          pickedUpAt: T0 - 8 * 24 * HOUR });
        // Sales: 4 speakers sold on 2026-11-17; 1 returned on 2026-11-18 for ¥100.00.
        const spk = product(db, 'audio', 'SPK-K');
        db.prepare(
          `INSERT INTO sales (id, store_id, receipt_no, sold_at, business_day, currency, subtotal_minor, order_discount_minor, total_minor, tax_included, source)
           VALUES ('s-1', 1, 'S-20261117-0001', ?, '2026-11-17', 'CNY', 40000, 0, 40000, 1, 'pos_import')`,
        ).run(T0 + 24 * HOUR);
        db.prepare(
          `INSERT INTO sale_lines (sale_id, line_no, product_id, sku, name, qty, unit_price_minor, line_discount_minor, tax_rate_bp)
           VALUES ('s-1', 1, ?, 'SPK-K', 'SPK-K', 4, 10000, 0, 1300)`,
        ).run(spk);
        aReturn(db, { id: 'R-K', day: '2026-11-18', at: T0 + 48 * HOUR, staff: clerk, reason: 'no_reason', productId: spk,
          sku: 'SPK-K', refund: 10000, disposition: 'restock', tenders: [['cash', 10000]] });
      })();

      const k = kpiReport(f.core.ctx.db, f.core.ctx.storeId, '2026-11-16', '2026-11-20');
      expect(k.jobsReceived).toBe(2);
      expect(k.jobsCompleted).toBe(2);
      expect(k.responseTimeHours).toBe(3); // (2 + 4) / 2
      expect(k.turnaroundHours).toBe(38); // (26 + 50) / 2
      expect(k.onTimeRate).toBe(0.5); // K1 only
      expect(k.firstTimeFixRate).toBe(0.5); // K2 went back from QC
      expect(k.repeatRate).toBe(0.5); // K2 repeats K1
      expect(k.csatAvg).toBe(4); // (5 + 3) / 2
      expect(k.nps).toBe(0); // 1 promoter (10) − 1 detractor (6) of 2 → 0
      expect(k.surveys).toBe(2);
      expect(k.returnRateByCategory).toEqual([{ key: 'audio', sold: 4, returned: 1, rate: 0.25 }]);
      expect(k.returnsByReason).toEqual([{ key: 'no_reason', count: 1, amountMinor: 10000 }]);
      expect(k.refundTrend.map((d) => [d.day, d.amountMinor])).toEqual([
        ['2026-11-16', 0],
        ['2026-11-17', 0],
        ['2026-11-18', 10000],
        ['2026-11-19', 0],
        ['2026-11-20', 0],
      ]);
      expect(k.technicians).toEqual([
        { staffId: tech, name: '老陈', completed: 2, openAtEnd: 0, avgTurnaroundHours: 38, onTimeRate: 0.5, firstTimeFixRate: 0.5 },
      ]);
      expect(k.byCategory).toEqual([
        { key: 'laptop', received: 2, completed: 2, avgTurnaroundHours: 38, onTimeRate: 0.5, firstTimeFixRate: 0.5 },
      ]);
    } finally {
      f.close();
    }
  });

  it('on-time and first-time-fix per technician and per category; the records behind each point', () => {
    const f = makeCore();
    try {
      const db = f.core.ctx.db.sqlite;
      const clerk = staffId(db, 'C001');
      const tech = staffId(db, 'T001');
      const other = staffId(db, 'M001'); // a manager doing bench work
      const job = (id: string, category: string, assignedTo: number, completedH: number | null, promisedH: number, createdH = 0) =>
        aJob(db, { id, category, assignedTo, createdAt: T0 + createdH * HOUR, status: completedH === null ? 'repairing' : 'ready',
          staff: clerk, promisedAt: T0 + promisedH * HOUR, completedAt: completedH === null ? null : T0 + completedH * HOUR });
      db.transaction(() => {
        // 老陈: A1 laptop on time, first fix; A2 laptop on time but QC sent it back; A3 phone late, first fix.
        job('A1', 'laptop', tech, 10, 24);
        job('A2', 'laptop', tech, 20, 24);
        anEvent(db, 'A2', T0 + 15 * HOUR, 'qc', 'repairing', { kind: 'qc' });
        job('A3', 'phone', tech, 30, 24);
        // 张店长: B1 phone on time, first fix; B2 phone completed after the range (not counted);
        // B3 phone still open at the end; B2's QC return does not count either.
        job('B1', 'phone', other, 5, 24);
        job('B2', 'phone', other, 6 * 24, 7 * 24);
        anEvent(db, 'B2', T0 + 4 * 24 * HOUR, 'qc', 'repairing', { kind: 'qc' });
        job('B3', 'phone', other, null, 24, 1);
      })();
      const k = kpiReport(f.core.ctx.db, f.core.ctx.storeId, '2026-11-16', '2026-11-20');
      // 老陈: 3 completed; on time A1, A2 → 2/3; first fix A1, A3 → 2/3; turnaround (10 + 20 + 30) / 3 = 20 h.
      // 张店长: 1 completed (B1): on time 1, first fix 1, 5 h; open at the end: B2 (completed later) and B3.
      expect(k.technicians).toEqual([
        { staffId: tech, name: '老陈', completed: 3, openAtEnd: 0, avgTurnaroundHours: 20, onTimeRate: 0.667, firstTimeFixRate: 0.667 },
        { staffId: other, name: '张店长', completed: 1, openAtEnd: 2, avgTurnaroundHours: 5, onTimeRate: 1, firstTimeFixRate: 1 },
      ]);
      // laptop: A1, A2 → on time 2/2, first fix 1/2, (10 + 20) / 2 = 15 h.
      // phone: received A3, B1, B2, B3 = 4; completed A3, B1 → on time 1/2, first fix 2/2, (30 + 5) / 2 = 17.5 h.
      expect(k.byCategory).toEqual([
        { key: 'laptop', received: 2, completed: 2, avgTurnaroundHours: 15, onTimeRate: 1, firstTimeFixRate: 0.5 },
        { key: 'phone', received: 4, completed: 2, avgTurnaroundHours: 17.5, onTimeRate: 0.5, firstTimeFixRate: 1 },
      ]);

      const ids = (figure: Parameters<typeof kpiDrillDown>[4], key?: string) =>
        kpiDrillDown(f.core.ctx.db, f.core.ctx.storeId, '2026-11-16', '2026-11-20', figure, key).rows.map((r) => r.id);
      expect(ids('technicianCompleted', String(tech))).toEqual(['A1', 'A2', 'A3']);
      expect(ids('technicianOpen', String(other))).toEqual(['B2', 'B3']);
      expect(ids('categoryCompleted', 'phone')).toEqual(['B1', 'A3']);
      expect(ids('categoryReceived', 'laptop')).toEqual(['A1', 'A2']);
      expect(ids('jobsCompleted')).toHaveLength(4);
      // Hostile keys list nothing (bound parameters, a staff id must be digits).
      expect(ids('technicianCompleted', `${tech} OR 1=1`)).toEqual([]);
      expect(ids('categoryCompleted', "' OR ''='")).toEqual([]);
      expect(ids('technicianCompleted')).toEqual([]);
    } finally {
      f.close();
    }
  });
});
