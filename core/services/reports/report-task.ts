/** One report computation, run the same way on the worker thread or (fallback) in-process. */
import type { DbClient } from '../../../db/client';
import type { DrillFigure, KpiDrillFigure } from '../../../shared/contract/methods/reports';
import { dailySummary } from './daily-summary';
import { drillDown, kpiDrillDown } from './drill-down';
import { kpiReport } from './kpis';
import { myShift } from './my-shift';

export type ReportTask =
  | { kind: 'daily'; day: string }
  | { kind: 'kpis'; from: string; to: string }
  | { kind: 'drill'; day: string; figure: DrillFigure }
  | { kind: 'kpiDrill'; from: string; to: string; figure: KpiDrillFigure; key?: string }
  | { kind: 'shift'; staffId: number; day: string };

/** Runs `task` on `db` (a read-only connection on the worker). */
export function runReportTask(db: DbClient, storeId: number, task: ReportTask): unknown {
  switch (task.kind) {
    case 'daily':
      return dailySummary(db, storeId, task.day);
    case 'kpis':
      return kpiReport(db, storeId, task.from, task.to);
    case 'drill':
      return drillDown(db, storeId, task.day, task.figure);
    case 'kpiDrill':
      return kpiDrillDown(db, storeId, task.from, task.to, task.figure, task.key);
    case 'shift':
      return myShift(db, storeId, task.staffId, task.day);
  }
}
