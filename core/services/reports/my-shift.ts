/**
 * One staff member's own shift: what they did in one business day (store time zone), with the same
 * definitions as the daily summary restricted to them — returns they processed (`returns.staff_id`),
 * repairs they took in (`repair_jobs.created_by`, deposits from their intake events), pickups they
 * handed over (their `pickup` events, payments taken) and the cash they put in and took out of the
 * drawer. The staff id comes from the caller's session (report-handlers.ts), never from the input.
 */
import type { SqliteDb } from '../../../db/open';
import type { MyShift } from '../../../shared/contract/methods/reports';
import { businessDayRange } from '../../../shared/domain/time/business-day';
import { reportStore } from './report-store';

type AmountBy = MyShift['returns']['byTender'];

const sum = (rows: AmountBy): number => rows.reduce((a, r) => a + r.amountMinor, 0);
const cashOf = (rows: AmountBy): number => rows.find((r) => r.key === 'cash')?.amountMinor ?? 0;

/** The shift of `staffId` on `day`. */
export function myShift(db: SqliteDb, storeId: number, staffId: number, day: string): MyShift {
  const store = reportStore(db, storeId);
  const { start, end } = businessDayRange(day, store.timeZone);
  const amountBy = (sql: string, ...p: unknown[]): AmountBy =>
    (db.prepare(sql).all(...p) as { key: string | null; count: number; amountMinor: number | null }[]).map((r) => ({
      key: r.key ?? '—',
      count: r.count,
      amountMinor: r.amountMinor ?? 0,
    }));
  const staff = db.prepare('SELECT name FROM staff WHERE id = ?').get(staffId) as { name: string } | undefined;

  const returns = db
    .prepare(
      `SELECT count(*) AS n, coalesce(sum(refund_total_minor), 0) AS refund FROM returns
       WHERE store_id = ? AND business_day = ? AND status = 'completed' AND staff_id = ?`,
    )
    .get(storeId, day, staffId) as { n: number; refund: number };
  const refundTenders = amountBy(
    `SELECT t.tender AS key, count(*) AS count, sum(t.amount_minor) AS amountMinor
     FROM refund_tenders t JOIN returns r ON r.id = t.return_id
     WHERE r.store_id = ? AND r.business_day = ? AND r.status = 'completed' AND r.staff_id = ?
     GROUP BY t.tender ORDER BY amountMinor DESC, key`,
    storeId,
    day,
    staffId,
  );

  const intakes = db
    .prepare(
      `SELECT count(*) AS n FROM repair_jobs WHERE store_id = ? AND created_by = ? AND created_at >= ? AND created_at < ?`,
    )
    .get(storeId, staffId, start, end) as { n: number };
  const ownEvents = `FROM repair_events e JOIN repair_jobs j ON j.id = e.job_id
     WHERE j.store_id = ? AND e.staff_id = ? AND e.at >= ? AND e.at < ?`;
  /** Money the staff member took in their own `kind` events, by tender (`field` is deposit or payment). */
  const eventTenders = (kind: 'intake' | 'pickup', field: 'deposit' | 'payment'): AmountBy =>
    amountBy(
      `SELECT json_extract(e.data, '$.${field}.tender') AS key, count(*) AS count,
              sum(json_extract(e.data, '$.${field}.amountMinor')) AS amountMinor
       ${ownEvents} AND json_extract(e.data, '$.kind') = ? AND json_extract(e.data, '$.${field}') IS NOT NULL
       GROUP BY key ORDER BY amountMinor DESC, key`,
      storeId,
      staffId,
      start,
      end,
      kind,
    );
  const deposits = eventTenders('intake', 'deposit');
  const pickups = db
    .prepare(
      `SELECT count(*) AS n,
              coalesce(sum(CASE WHEN json_extract(e.data, '$.refundTender') = 'cash' THEN json_extract(e.data, '$.refundMinor') END), 0) AS cashBack
       ${ownEvents} AND json_extract(e.data, '$.kind') = 'pickup'`,
    )
    .get(storeId, staffId, start, end) as { n: number; cashBack: number };
  const payments = eventTenders('pickup', 'payment');

  const cashIn = cashOf(deposits) + cashOf(payments);
  const cashOut = cashOf(refundTenders) + pickups.cashBack;
  return {
    day,
    staffName: staff?.name ?? '',
    currency: store.currency,
    returns: { count: returns.n, refundTotalMinor: returns.refund, byTender: refundTenders },
    intakes: { count: intakes.n, depositsMinor: sum(deposits), byTender: deposits },
    pickups: { count: pickups.n, paymentsMinor: sum(payments), byTender: payments },
    drawer: { cashInMinor: cashIn, cashOutMinor: cashOut, netMinor: cashIn - cashOut },
  };
}
