/**
 * The daily summary of one business day, from the database alone (no clock: the same day gives the
 * same numbers however often it is asked). Returns count by their store-local `business_day`;
 * repair and test events by their instant inside [start, end) of that day in the store's zone.
 * "At close" figures (open, overdue) are as of the end of the day, from the job timeline.
 * Definitions: docs/REPORTS.md.
 */
import type { SqliteDb } from '../../../db/open';
import type { DailySummary } from '../../../shared/contract/methods/reports';
import { businessDayRange } from '../../../shared/domain/time/business-day';
import { reportStore } from './report-store';

type AmountBy = DailySummary['returns']['byTender'];
const TERMINAL = "('picked_up','cancelled','returned_unrepaired')";
const OPEN = "('received','diagnosing','awaiting_approval','awaiting_parts','repairing','testing','qc','ready')";

const num = (v: unknown): number => (typeof v === 'number' ? v : 0);

function amountBy(db: SqliteDb, sql: string, ...params: unknown[]): AmountBy {
  return (db.prepare(sql).all(...params) as { key: string | null; count: number; amountMinor: number | null }[]).map(
    (r) => ({ key: r.key ?? '—', count: r.count, amountMinor: r.amountMinor ?? 0 }),
  );
}

const sum = (rows: AmountBy): number => rows.reduce((a, r) => a + r.amountMinor, 0);

/** Builds the summary of `day` for `storeId`. */
export function dailySummary(db: SqliteDb, storeId: number, day: string): DailySummary {
  const store = reportStore(db, storeId);
  const { start, end } = businessDayRange(day, store.timeZone);
  const done = `r.store_id = ? AND r.business_day = ? AND r.status = 'completed'`;
  const head = db
    .prepare(
      `SELECT count(*) AS n, sum(r.kind = 'exchange') AS ex, sum(r.refund_total_minor) AS refund,
              sum(r.restocking_fee_minor) AS fees, sum(r.exchange_due_minor) AS due
       FROM returns r WHERE ${done}`,
    )
    .get(storeId, day) as Record<string, number | null>;
  const byTender = amountBy(
    db,
    `SELECT t.tender AS key, count(*) AS count, sum(t.amount_minor) AS amountMinor
     FROM refund_tenders t JOIN returns r ON r.id = t.return_id WHERE ${done} GROUP BY t.tender ORDER BY amountMinor DESC, key`,
    storeId,
    day,
  );
  const byReason = amountBy(
    db,
    `SELECT r.reason_code AS key, count(*) AS count, sum(r.refund_total_minor) AS amountMinor
     FROM returns r WHERE ${done} GROUP BY r.reason_code ORDER BY amountMinor DESC, key`,
    storeId,
    day,
  );
  const byCategory = amountBy(
    db,
    `SELECT coalesce(c.code, 'unknown') AS key, sum(l.qty) AS count, sum(l.refund_minor) AS amountMinor
     FROM return_lines l JOIN returns r ON r.id = l.return_id
     LEFT JOIN products p ON p.id = l.product_id LEFT JOIN categories c ON c.id = p.category_id
     WHERE ${done} GROUP BY key ORDER BY amountMinor DESC, key`,
    storeId,
    day,
  );
  const byDisposition = amountBy(
    db,
    `SELECT l.disposition AS key, sum(l.qty) AS count, sum(l.refund_minor) AS amountMinor
     FROM return_lines l JOIN returns r ON r.id = l.return_id WHERE ${done} GROUP BY key ORDER BY key`,
    storeId,
    day,
  );
  const linesRefund = num(
    (
      db
        .prepare(`SELECT sum(l.refund_minor) AS s FROM return_lines l JOIN returns r ON r.id = l.return_id WHERE ${done}`)
        .get(storeId, day) as { s: number | null }
    ).s,
  );
  const storeCredit = byTender.find((t) => t.key === 'store_credit')?.amountMinor ?? 0;

  const overrides = (
    db
      .prepare(
        `SELECT o.at, m.name AS manager, q.name AS requestedBy, o.action, o.reason_code AS reason, o.note, o.entity_id AS ref
         FROM overrides o JOIN staff m ON m.id = o.manager_id JOIN staff q ON q.id = o.requested_by
         WHERE o.store_id = ? AND o.at >= ? AND o.at < ? ORDER BY o.at, o.id`,
      )
      .all(storeId, start, end) as DailySummary['overrides']
  ).map((o) => ({ ...o, ref: o.ref ?? null }));

  const count = (sql: string, ...p: unknown[]): number => num((db.prepare(sql).get(...p) as { n: number | null }).n);
  const inDay = (col: string) => `j.store_id = ? AND j.${col} >= ? AND j.${col} < ?`;
  const received = count(`SELECT count(*) AS n FROM repair_jobs j WHERE ${inDay('created_at')}`, storeId, start, end);
  const completed = count(`SELECT count(*) AS n FROM repair_jobs j WHERE ${inDay('completed_at')}`, storeId, start, end);
  const pickedUp = count(`SELECT count(*) AS n FROM repair_jobs j WHERE ${inDay('picked_up_at')}`, storeId, start, end);
  // Open at close = received before the end and not yet terminal at the end: the jobs open now, plus
  // those whose (single, final) terminal event came after the end. Both sides use an index, so the
  // count does not walk three years of history.
  const openNow = (extra: string, ...p: unknown[]) =>
    count(
      `SELECT count(*) AS n FROM repair_jobs j WHERE j.status IN ${OPEN} AND j.store_id = ? AND j.created_at < ? ${extra}`,
      storeId,
      end,
      ...p,
    );
  const closedLater = (extra: string, ...p: unknown[]) =>
    count(
      `SELECT count(DISTINCT e.job_id) AS n FROM repair_events e JOIN repair_jobs j ON j.id = e.job_id
       WHERE e.at >= ? AND e.to_status IN ${TERMINAL} AND j.store_id = ? AND j.created_at < ? ${extra}`,
      end,
      storeId,
      end,
      ...p,
    );
  const open = openNow('') + closedLater('');
  const overdue = openNow('AND j.promised_at < ?', end) + closedLater('AND j.promised_at < ?', end);
  const turnaround = (
    db
      .prepare(`SELECT avg(j.completed_at - j.created_at) AS ms FROM repair_jobs j WHERE ${inDay('completed_at')}`)
      .get(storeId, start, end) as { ms: number | null }
  ).ms;
  const partsCost = count(
    `SELECT sum(p.qty * p.unit_cost_minor) AS n FROM repair_parts p JOIN repair_jobs j ON j.id = p.job_id
     WHERE j.store_id = ? AND p.at >= ? AND p.at < ?`,
    storeId,
    start,
    end,
  );
  const deposits = amountBy(
    db,
    `SELECT json_extract(e.data, '$.deposit.tender') AS key, count(*) AS count,
            sum(json_extract(e.data, '$.deposit.amountMinor')) AS amountMinor
     FROM repair_events e JOIN repair_jobs j ON j.id = e.job_id
     WHERE j.store_id = ? AND e.at >= ? AND e.at < ? AND json_extract(e.data, '$.kind') = 'intake'
       AND json_extract(e.data, '$.deposit') IS NOT NULL GROUP BY key`,
    storeId,
    start,
    end,
  );
  const balances = amountBy(
    db,
    `SELECT json_extract(e.data, '$.payment.tender') AS key, count(*) AS count,
            sum(json_extract(e.data, '$.payment.amountMinor')) AS amountMinor
     FROM repair_events e JOIN repair_jobs j ON j.id = e.job_id
     WHERE j.store_id = ? AND e.at >= ? AND e.at < ? AND json_extract(e.data, '$.kind') = 'pickup'
       AND json_extract(e.data, '$.payment') IS NOT NULL GROUP BY key`,
    storeId,
    start,
    end,
  );
  const depositRefundsCash = count(
    `SELECT sum(json_extract(e.data, '$.refundMinor')) AS n FROM repair_events e JOIN repair_jobs j ON j.id = e.job_id
     WHERE j.store_id = ? AND e.at >= ? AND e.at < ? AND json_extract(e.data, '$.kind') = 'pickup'
       AND json_extract(e.data, '$.refundTender') = 'cash'`,
    storeId,
    start,
    end,
  );

  const tests = db
    .prepare(
      `SELECT sum(t.verdict = 'pass') AS pass, sum(t.verdict = 'fail') AS fail FROM test_results t
       JOIN repair_jobs j ON j.id = t.job_id WHERE j.store_id = ? AND t.at >= ? AND t.at < ?`,
    )
    .get(storeId, start, end) as { pass: number | null; fail: number | null };
  const pastCalibration = (
    db
      .prepare(
        `SELECT model || ' ' || serial AS name FROM instruments
         WHERE calibration_due IS NOT NULL AND calibration_due < ? ORDER BY model, serial`,
      )
      .all(day) as { name: string }[]
  ).map((r) => r.name);
  const complaintsReceived = count(
    'SELECT count(*) AS n FROM complaints WHERE store_id = ? AND business_day = ?',
    storeId,
    day,
  );
  const complaintsResolved = count(
    'SELECT count(*) AS n FROM complaints WHERE store_id = ? AND resolved_at >= ? AND resolved_at < ?',
    storeId,
    start,
    end,
  );

  const cashOut = (byTender.find((t) => t.key === 'cash')?.amountMinor ?? 0) + depositRefundsCash;
  const cashIn =
    (deposits.find((d) => d.key === 'cash')?.amountMinor ?? 0) + (balances.find((b) => b.key === 'cash')?.amountMinor ?? 0);
  const refundTotal = num(head.refund);

  return {
    day,
    timeZone: store.timeZone,
    currency: store.currency,
    range: { start, end },
    returns: {
      count: num(head.n),
      exchanges: num(head.ex),
      refundTotalMinor: refundTotal,
      restockingFeesMinor: num(head.fees),
      storeCreditIssuedMinor: storeCredit,
      exchangeDueMinor: num(head.due),
      byTender,
      byReason,
      byCategory,
      byDisposition,
    },
    overrides,
    repairs: {
      received,
      completed,
      pickedUp,
      openAtClose: open,
      overdueAtClose: overdue,
      avgTurnaroundHours: turnaround === null ? null : Math.round((turnaround / 3_600_000) * 10) / 10,
      partsCostMinor: partsCost,
      depositsMinor: sum(deposits),
      balancesTakenMinor: sum(balances),
    },
    tests: { pass: num(tests.pass), fail: num(tests.fail), instrumentsPastCalibration: pastCalibration },
    complaints: { received: complaintsReceived, resolved: complaintsResolved },
    drawer: { cashInMinor: cashIn, cashOutMinor: cashOut, netMinor: cashIn - cashOut },
    reconciliation: [
      { check: 'tenders_equal_refunds', ok: sum(byTender) === refundTotal, leftMinor: sum(byTender), rightMinor: refundTotal },
      { check: 'reasons_equal_refunds', ok: sum(byReason) === refundTotal, leftMinor: sum(byReason), rightMinor: refundTotal },
      { check: 'lines_equal_refunds', ok: linesRefund === refundTotal, leftMinor: linesRefund, rightMinor: refundTotal },
      { check: 'categories_equal_lines', ok: sum(byCategory) === linesRefund, leftMinor: sum(byCategory), rightMinor: linesRefund },
    ],
  };
}
