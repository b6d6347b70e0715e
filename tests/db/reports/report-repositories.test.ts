/**
 * The report repository's less obvious queries on their own: "open at close" from the job timeline
 * (open now, or closed by an event after the end) and the money of timeline events, store-wide and
 * restricted to one staff member's own events.
 */
import { describe, expect, it } from 'vitest';
import { eventTenders, openAtCloseCount } from '../../../db/repositories/reports/day-repairs';
import { reportOutputCount } from '../../../db/repositories/reports/report-outputs';
import { makeCore } from '../../helpers/core-fixture';
import { aJob, anEvent, HOUR, staffId } from './report-fixture';

const START = Date.UTC(2026, 10, 19, 16);
const END = START + 24 * HOUR;

describe('report repositories', () => {
  it('counts jobs open and overdue at close from their timeline', () => {
    const f = makeCore();
    try {
      const db = f.core.ctx.db.sqlite;
      const clerk = staffId(db, 'C001');
      db.transaction(() => {
        // Open now, promised before the end: open and overdue.
        aJob(db, { id: 'J-1', createdAt: START - HOUR, status: 'repairing', staff: clerk, promisedAt: END - HOUR });
        // Picked up after the end: still open at the end, promised after it.
        aJob(db, { id: 'J-2', createdAt: START, status: 'picked_up', staff: clerk, promisedAt: END + HOUR });
        anEvent(db, 'J-2', END + 2 * HOUR, 'ready', 'picked_up', { kind: 'pickup' });
        // Cancelled before the end; received after the end: neither counts.
        aJob(db, { id: 'J-3', createdAt: START, status: 'cancelled', staff: clerk, promisedAt: END - HOUR });
        anEvent(db, 'J-3', END - HOUR, 'received', 'cancelled', {});
        aJob(db, { id: 'J-4', createdAt: END, status: 'received', staff: clerk, promisedAt: END - HOUR });
      })();
      const p = { storeId: f.core.ctx.storeId, end: END };
      expect(openAtCloseCount(f.core.ctx.db, p, false)).toBe(2);
      expect(openAtCloseCount(f.core.ctx.db, p, true)).toBe(1);
    } finally {
      f.close();
    }
  });

  it('adds up deposits by tender for the store and for one staff member, and counts report outputs', () => {
    const f = makeCore();
    try {
      const db = f.core.ctx.db.sqlite;
      const clerk = staffId(db, 'C001');
      const manager = staffId(db, 'M001');
      db.transaction(() => {
        aJob(db, { id: 'J-1', createdAt: START, status: 'received', staff: clerk, promisedAt: END });
        aJob(db, { id: 'J-2', createdAt: START, status: 'received', staff: manager, promisedAt: END });
        anEvent(db, 'J-1', START + HOUR, null, 'received', { kind: 'intake', deposit: { tender: 'cash', amountMinor: 3000 } });
        anEvent(db, 'J-2', START + HOUR, null, 'received', { kind: 'intake', deposit: { tender: 'cash', amountMinor: 5000 } });
        anEvent(db, 'J-2', START + 2 * HOUR, 'received', 'diagnosing', { kind: 'status' });
        db.prepare("UPDATE repair_events SET staff_id = ? WHERE job_id = 'J-2'").run(manager);
      })();
      const p = { storeId: f.core.ctx.storeId, start: START, end: END };
      expect(eventTenders(f.core.ctx.db, 'intake', 'deposit', p)).toEqual([{ key: 'cash', count: 2, amountMinor: 8000 }]);
      expect(eventTenders(f.core.ctx.db, 'intake', 'deposit', { ...p, staffId: manager })).toEqual([
        { key: 'cash', count: 1, amountMinor: 5000 },
      ]);
      expect(eventTenders(f.core.ctx.db, 'pickup', 'payment', p)).toEqual([]);
      expect(reportOutputCount(f.core.ctx.db, 'report.printed', 'daily:2026-11-20')).toBe(0);
    } finally {
      f.close();
    }
  });
});
