/**
 * The records behind a figure, as typed columns and rows for the drill-down grid: a figure of the
 * daily summary (same predicates as daily-summary.ts, so the grid has as many rows as the figure
 * says) or a point of the KPI screen (same predicates as kpis.ts).
 */
import type { SqliteDb } from '../../../db/open';
import type { DrillFigure, DrillOutput, KpiDrillFigure } from '../../../shared/contract/methods/reports';
import { businessDayRange } from '../../../shared/domain/time/business-day';
import { reportStore } from './report-store';

type Row = DrillOutput['rows'][number];
type Kind = DrillOutput['columns'][number]['kind'];

const TERMINAL = "('picked_up','cancelled','returned_unrepaired')";
const OPEN = "('received','diagnosing','awaiting_approval','awaiting_parts','repairing','testing','qc','ready')";

const JOB_COLS = `j.id, j.status, j.category_code AS category, j.brand || ' ' || j.model AS device,
    c.name AS customer, s.name AS technician, j.created_at AS createdAt, j.promised_at AS promisedAt,
    j.completed_at AS completedAt, j.picked_up_at AS pickedUpAt`;
const JOB_FROM = `FROM repair_jobs j LEFT JOIN customers c ON c.id = j.customer_id LEFT JOIN staff s ON s.id = j.assigned_to`;
const JOB_KINDS: Record<string, Kind> = {
  id: 'text',
  status: 'status',
  category: 'category',
  device: 'text',
  customer: 'text',
  technician: 'text',
  createdAt: 'instant',
  promisedAt: 'instant',
  completedAt: 'instant',
  pickedUpAt: 'instant',
};

const RETURN_SQL = `SELECT r.id, r.kind, r.reason_code AS reason, r.refund_total_minor AS refundMinor,
    r.restocking_fee_minor AS feeMinor, st.name AS clerk, r.created_at AS createdAt, r.sale_id AS saleId
  FROM returns r JOIN staff st ON st.id = r.staff_id`;
const RETURN_KINDS: Record<string, Kind> = {
  id: 'text',
  kind: 'returnKind',
  reason: 'returnReason',
  refundMinor: 'money',
  feeMinor: 'money',
  clerk: 'text',
  createdAt: 'instant',
  saleId: 'text',
};

function out(kinds: Record<string, Kind>, rows: Row[]): DrillOutput {
  return { columns: Object.entries(kinds).map(([key, kind]) => ({ key, kind })), rows };
}

/** Columns and rows of `figure` on `day`. */
export function drillDown(db: SqliteDb, storeId: number, day: string, figure: DrillFigure): DrillOutput {
  const { start, end } = businessDayRange(day, reportStore(db, storeId).timeZone);
  const all = (sql: string, ...p: unknown[]) => db.prepare(sql).all(...p) as Row[];
  const jobs = (where: string, order: string, ...p: unknown[]) =>
    out(JOB_KINDS, all(`SELECT ${JOB_COLS} ${JOB_FROM} WHERE j.store_id = ? AND ${where} ORDER BY ${order}, j.id`, storeId, ...p));
  // Open at close: received before the end and not terminal at the end (open now, or closed by an event after the end).
  const openAtClose = `j.created_at < ? AND (j.status IN ${OPEN} OR EXISTS (
      SELECT 1 FROM repair_events e WHERE e.job_id = j.id AND e.to_status IN ${TERMINAL} AND e.at >= ?))`;
  switch (figure) {
    case 'returns':
      return out(
        RETURN_KINDS,
        all(`${RETURN_SQL} WHERE r.store_id = ? AND r.business_day = ? AND r.status = 'completed' ORDER BY r.created_at, r.id`, storeId, day),
      );
    case 'overrides':
      return out(
        { id: 'number', at: 'instant', manager: 'text', requestedBy: 'text', action: 'text', reason: 'overrideReason', note: 'text', ref: 'text' },
        all(
          `SELECT o.id, o.at, m.name AS manager, q.name AS requestedBy, o.action, o.reason_code AS reason, o.note, o.entity_id AS ref
           FROM overrides o JOIN staff m ON m.id = o.manager_id JOIN staff q ON q.id = o.requested_by
           WHERE o.store_id = ? AND o.at >= ? AND o.at < ? ORDER BY o.at, o.id`,
          storeId,
          start,
          end,
        ),
      );
    case 'repairsReceived':
      return jobs('j.created_at >= ? AND j.created_at < ?', 'j.created_at', start, end);
    case 'repairsCompleted':
      return jobs('j.completed_at >= ? AND j.completed_at < ?', 'j.completed_at', start, end);
    case 'repairsPickedUp':
      return jobs('j.picked_up_at >= ? AND j.picked_up_at < ?', 'j.picked_up_at', start, end);
    case 'repairsOpen':
      return jobs(openAtClose, 'j.created_at', end, end);
    case 'repairsOverdue':
      return jobs(`${openAtClose} AND j.promised_at < ?`, 'j.promised_at', end, end, end);
    case 'testsFailed':
      return out(
        { id: 'number', jobId: 'text', step: 'number', attempt: 'number', display: 'text', reason: 'text', at: 'instant', technician: 'text' },
        all(
          `SELECT t.id, t.job_id AS jobId, t.step_index + 1 AS step, t.attempt, t.display, t.reason, t.at, s.name AS technician
           FROM test_results t JOIN repair_jobs j ON j.id = t.job_id LEFT JOIN staff s ON s.id = t.staff_id
           WHERE j.store_id = ? AND t.verdict = 'fail' AND t.at >= ? AND t.at < ? ORDER BY t.at, t.id`,
          storeId,
          start,
          end,
        ),
      );
  }
}

/**
 * The records behind a KPI point over business days [from, to]: `key` is the staff id (technician
 * figures), the category code, the reason code or the day (refundDay). An unknown key lists nothing.
 */
export function kpiDrillDown(
  db: SqliteDb,
  storeId: number,
  from: string,
  to: string,
  figure: KpiDrillFigure,
  key = '',
): DrillOutput {
  const zone = reportStore(db, storeId).timeZone;
  const start = businessDayRange(from, zone).start;
  const end = businessDayRange(to, zone).end;
  const all = (sql: string, ...p: unknown[]) => db.prepare(sql).all(...p) as Row[];
  const jobs = (where: string, order: string, ...p: unknown[]) =>
    out(JOB_KINDS, all(`SELECT ${JOB_COLS} ${JOB_FROM} WHERE j.store_id = ? AND ${where} ORDER BY ${order}, j.id`, storeId, ...p));
  const staff = /^\d{1,12}$/.test(key) ? Number(key) : -1;
  const returns = (where: string, ...p: unknown[]) =>
    out(
      RETURN_KINDS,
      all(
        `${RETURN_SQL} WHERE r.store_id = ? AND r.business_day >= ? AND r.business_day <= ? AND r.status = 'completed'
         AND ${where} ORDER BY r.created_at, r.id`,
        storeId,
        from,
        to,
        ...p,
      ),
    );
  switch (figure) {
    case 'jobsReceived':
      return jobs('j.created_at >= ? AND j.created_at < ?', 'j.created_at', start, end);
    case 'jobsCompleted':
      return jobs('j.completed_at >= ? AND j.completed_at < ?', 'j.completed_at', start, end);
    case 'technicianCompleted':
      return jobs('j.assigned_to = ? AND j.completed_at >= ? AND j.completed_at < ?', 'j.completed_at', staff, start, end);
    case 'technicianOpen':
      return jobs(
        `j.assigned_to = ? AND j.created_at < ? AND (j.completed_at IS NULL OR j.completed_at >= ?)
         AND j.status NOT IN ('cancelled','returned_unrepaired')`,
        'j.created_at',
        staff,
        end,
        end,
      );
    case 'categoryReceived':
      return jobs('j.category_code = ? AND j.created_at >= ? AND j.created_at < ?', 'j.created_at', key, start, end);
    case 'categoryCompleted':
      return jobs('j.category_code = ? AND j.completed_at >= ? AND j.completed_at < ?', 'j.completed_at', key, start, end);
    case 'returnsByReason':
      return returns('r.reason_code = ?', key);
    case 'returnsByCategory':
      return returns(
        `EXISTS (SELECT 1 FROM return_lines l LEFT JOIN products pr ON pr.id = l.product_id
           LEFT JOIN categories c ON c.id = pr.category_id WHERE l.return_id = r.id AND coalesce(c.code, 'unknown') = ?)`,
        key,
      );
    case 'refundDay':
      return returns('r.business_day = ?', key);
  }
}
