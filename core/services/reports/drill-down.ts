/**
 * The records behind a figure, as typed columns and rows for the drill-down grid: a figure of the
 * daily summary (same predicates as daily-summary.ts, so the grid has as many rows as the figure
 * says) or a point of the KPI screen (same predicates as kpis.ts).
 */
import type { DbClient } from '../../../db/client';
import { failedTestRows, jobRows, returnRows, type JobFilter, type ReturnFilter } from '../../../db/repositories/reports/drill-down';
import { overridesInRange } from '../../../db/repositories/reports/overrides';
import { storeFacts } from '../../../db/repositories/store/store-facts';
import type { DrillFigure, DrillOutput, KpiDrillFigure } from '../../../shared/contract/methods/reports';
import { businessDayRange } from '../../../shared/domain/time/business-day';

type Row = DrillOutput['rows'][number];
type Kind = DrillOutput['columns'][number]['kind'];

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

/** The range [start, end) of business days [from, to] in the store's zone. */
function rangeOf(db: DbClient, storeId: number, from: string, to: string): { start: number; end: number } {
  const zone = storeFacts(db, storeId).timeZone;
  return { start: businessDayRange(from, zone).start, end: businessDayRange(to, zone).end };
}

/** Columns and rows of `figure` on `day`. */
export function drillDown(db: DbClient, storeId: number, day: string, figure: DrillFigure): DrillOutput {
  const p = { storeId, ...rangeOf(db, storeId, day, day) };
  const jobs = (filter: JobFilter) => out(JOB_KINDS, jobRows(db, filter, p));
  switch (figure) {
    case 'returns':
      return out(RETURN_KINDS, returnRows(db, 'onDay', { storeId, day }));
    case 'overrides':
      return out(
        { id: 'number', at: 'instant', manager: 'text', requestedBy: 'text', action: 'text', reason: 'overrideReason', note: 'text', ref: 'text' },
        overridesInRange(db, p),
      );
    case 'repairsReceived':
      return jobs('received');
    case 'repairsCompleted':
      return jobs('completed');
    case 'repairsPickedUp':
      return jobs('pickedUp');
    case 'repairsOpen':
      return jobs('openAtClose');
    case 'repairsOverdue':
      return jobs('overdueAtClose');
    case 'testsFailed':
      return out(
        { id: 'number', jobId: 'text', step: 'number', attempt: 'number', display: 'text', reason: 'text', at: 'instant', technician: 'text' },
        failedTestRows(db, p),
      );
  }
}

/**
 * The records behind a KPI point over business days [from, to]: `key` is the staff id (technician
 * figures), the category code, the reason code or the day (refundDay). An unknown key lists nothing.
 */
export function kpiDrillDown(
  db: DbClient,
  storeId: number,
  from: string,
  to: string,
  figure: KpiDrillFigure,
  key = '',
): DrillOutput {
  const range = { storeId, ...rangeOf(db, storeId, from, to) };
  const jobs = (filter: JobFilter, k: string | number = key) => out(JOB_KINDS, jobRows(db, filter, { ...range, key: k }));
  const staff = /^\d{1,12}$/.test(key) ? Number(key) : -1;
  const returns = (filter: ReturnFilter) => out(RETURN_KINDS, returnRows(db, filter, { storeId, from, to, key }));
  switch (figure) {
    case 'jobsReceived':
      return jobs('received');
    case 'jobsCompleted':
      return jobs('completed');
    case 'technicianCompleted':
      return jobs('technicianCompleted', staff);
    case 'technicianOpen':
      return jobs('technicianOpen', staff);
    case 'categoryReceived':
      return jobs('categoryReceived');
    case 'categoryCompleted':
      return jobs('categoryCompleted');
    case 'returnsByReason':
      return returns('reason');
    case 'returnsByCategory':
      return returns('category');
    case 'refundDay':
      return returns('refundDay');
  }
}
