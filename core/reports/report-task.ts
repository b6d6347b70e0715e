/** One report computation, run the same way on the worker thread or (fallback) in-process. */
import type { SqliteDb } from '../../db/open';
import type { DRILL_FIGURES } from '../../shared/contract/methods/reports';
import { dailySummary } from './daily-summary';
import { drillDown } from './drill-down';
import { kpiReport } from './kpis';

export type ReportTask =
  | { kind: 'daily'; day: string }
  | { kind: 'kpis'; from: string; to: string }
  | { kind: 'drill'; day: string; figure: (typeof DRILL_FIGURES)[number] };

/** Runs `task` on `db` (a read-only connection on the worker). */
export function runReportTask(db: SqliteDb, storeId: number, task: ReportTask): unknown {
  switch (task.kind) {
    case 'daily':
      return dailySummary(db, storeId, task.day);
    case 'kpis':
      return kpiReport(db, storeId, task.from, task.to);
    case 'drill':
      return drillDown(db, storeId, task.day, task.figure);
  }
}
