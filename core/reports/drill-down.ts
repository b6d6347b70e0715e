/** The records behind a figure of the daily summary, as rows for the drill-down grid. */
import type { SqliteDb } from '../../db/open';
import type { DRILL_FIGURES } from '../../shared/contract/methods/reports';
import { businessDayRange } from '../../shared/domain/time/business-day';
import { reportStore } from './report-store';

type Figure = (typeof DRILL_FIGURES)[number];
type Row = Record<string, string | number | null>;

/** Columns and rows of `figure` on `day`. */
export function drillDown(db: SqliteDb, storeId: number, day: string, figure: Figure): { columns: string[]; rows: Row[] } {
  const { start, end } = businessDayRange(day, reportStore(db, storeId).timeZone);
  const all = (sql: string, ...p: unknown[]) => db.prepare(sql).all(...p) as Row[];
  const jobCols = `j.id, j.status, j.category_code AS category, j.brand || ' ' || j.model AS device,
    c.name AS customer, s.name AS technician, j.created_at AS createdAt, j.promised_at AS promisedAt, j.completed_at AS completedAt`;
  const jobFrom = `FROM repair_jobs j LEFT JOIN customers c ON c.id = j.customer_id LEFT JOIN staff s ON s.id = j.assigned_to`;
  let rows: Row[];
  switch (figure) {
    case 'returns':
      rows = all(
        `SELECT r.id, r.kind, r.reason_code AS reason, r.refund_total_minor AS refundMinor, r.restocking_fee_minor AS feeMinor,
                st.name AS clerk, r.created_at AS createdAt, r.sale_id AS saleId
         FROM returns r JOIN staff st ON st.id = r.staff_id
         WHERE r.store_id = ? AND r.business_day = ? AND r.status = 'completed' ORDER BY r.created_at`,
        storeId,
        day,
      );
      break;
    case 'overrides':
      rows = all(
        `SELECT o.id, o.at, m.name AS manager, q.name AS requestedBy, o.action, o.reason_code AS reason, o.note, o.entity_id AS ref
         FROM overrides o JOIN staff m ON m.id = o.manager_id JOIN staff q ON q.id = o.requested_by
         WHERE o.store_id = ? AND o.at >= ? AND o.at < ? ORDER BY o.at`,
        storeId,
        start,
        end,
      );
      break;
    case 'repairsReceived':
      rows = all(`SELECT ${jobCols} ${jobFrom} WHERE j.store_id = ? AND j.created_at >= ? AND j.created_at < ? ORDER BY j.created_at`, storeId, start, end);
      break;
    case 'repairsCompleted':
      rows = all(`SELECT ${jobCols} ${jobFrom} WHERE j.store_id = ? AND j.completed_at >= ? AND j.completed_at < ? ORDER BY j.completed_at`, storeId, start, end);
      break;
    case 'repairsOverdue':
      rows = all(
        `SELECT ${jobCols} ${jobFrom} WHERE j.store_id = ? AND j.created_at < ? AND j.promised_at < ? AND NOT EXISTS (
           SELECT 1 FROM repair_events e WHERE e.job_id = j.id AND e.to_status IN ('picked_up','cancelled','returned_unrepaired') AND e.at < ?)
         ORDER BY j.promised_at`,
        storeId,
        end,
        end,
        end,
      );
      break;
    case 'testsFailed':
      rows = all(
        `SELECT t.id, t.job_id AS jobId, t.step_index + 1 AS step, t.attempt, t.display, t.reason, t.at, s.name AS technician
         FROM test_results t JOIN repair_jobs j ON j.id = t.job_id LEFT JOIN staff s ON s.id = t.staff_id
         WHERE j.store_id = ? AND t.verdict = 'fail' AND t.at >= ? AND t.at < ? ORDER BY t.at`,
        storeId,
        start,
        end,
      );
      break;
  }
  const columns = rows[0] ? Object.keys(rows[0]) : [];
  return { columns, rows };
}
