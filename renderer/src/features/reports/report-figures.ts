/**
 * Report figures computed in the renderer from the repair queue and the bench instruments, until
 * core's `reports.*` methods exist: one summary object feeds the screen, the drill-down and the CSV.
 */
import type { MethodOutput } from '../../../../shared/contract';
import { businessDay } from '../../../../shared/domain/time/business-day';

export type JobRow = MethodOutput<'repairs.list'>[number];
export type InstrumentRow = MethodOutput<'bench.instruments'>[number];

/** Statuses in which the work on a job is finished (ready, collected or closed without repair). */
export const DONE_STATUSES: readonly string[] = ['ready', 'picked_up', 'returned_unrepaired'];

/** A figure on the screen and the ids of the jobs behind it (for the drill-down). */
export interface Figure {
  key: FigureKey;
  count: number;
  jobIds: string[];
}

export type FigureKey = 'received' | 'completed' | 'open' | 'overdue';
export const FIGURE_KEYS: readonly FigureKey[] = ['received', 'completed', 'open', 'overdue'];

/** The daily summary: repair figures, jobs by category and instruments due for calibration. */
export interface DailySummary {
  day: string;
  figures: Record<FigureKey, Figure>;
  byCategory: { category: string; received: number; completed: number }[];
  calibrationDue: InstrumentRow[];
}

function figure(key: FigureKey, jobs: JobRow[]): Figure {
  return { key, count: jobs.length, jobIds: jobs.map((j) => j.id) };
}

/** Builds the summary of one business day (store zone) from the whole repair queue. */
export function dailySummary(
  jobs: JobRow[],
  instruments: InstrumentRow[],
  day: string,
  zone: string,
): DailySummary {
  const received = jobs.filter((j) => businessDay(j.createdAt, zone) === day);
  const completed = jobs.filter(
    (j) => DONE_STATUSES.includes(j.status) && businessDay(j.updatedAt, zone) === day,
  );
  const open = jobs.filter((j) => !DONE_STATUSES.includes(j.status) && j.status !== 'cancelled');
  const overdue = open.filter((j) => j.overdue);
  const cats = new Map<string, { received: number; completed: number }>();
  for (const j of received) {
    const c = cats.get(j.categoryCode) ?? { received: 0, completed: 0 };
    c.received += 1;
    cats.set(j.categoryCode, c);
  }
  for (const j of completed) {
    const c = cats.get(j.categoryCode) ?? { received: 0, completed: 0 };
    c.completed += 1;
    cats.set(j.categoryCode, c);
  }
  return {
    day,
    figures: {
      received: figure('received', received),
      completed: figure('completed', completed),
      open: figure('open', open),
      overdue: figure('overdue', overdue),
    },
    byCategory: [...cats.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([category, c]) => ({ category, ...c })),
    calibrationDue: instruments.filter((i) => i.calibrationOverdue),
  };
}

/** KPIs of a date range (inclusive business days), in total and by staff and by category. */
export interface RangeKpis {
  received: number;
  completed: number;
  overdueRate: number | null;
  perDay: { day: string; received: number; completed: number }[];
  byStaff: { key: string; received: number; completed: number }[];
  byCategory: { key: string; received: number; completed: number }[];
  jobIds: string[];
}

function inRange(day: string, from: string, to: string): boolean {
  return day >= from && day <= to;
}

/** Counts received and completed jobs per day, per technician and per category in [from, to]. */
export function rangeKpis(jobs: JobRow[], from: string, to: string, zone: string): RangeKpis {
  const perDay = new Map<string, { received: number; completed: number }>();
  const byStaff = new Map<string, { received: number; completed: number }>();
  const byCat = new Map<string, { received: number; completed: number }>();
  const bump = (
    m: Map<string, { received: number; completed: number }>,
    k: string,
    f: 'received' | 'completed',
  ) => {
    const v = m.get(k) ?? { received: 0, completed: 0 };
    v[f] += 1;
    m.set(k, v);
  };
  const touched = new Set<string>();
  let received = 0;
  let completed = 0;
  let overdue = 0;
  for (const j of jobs) {
    const staff = j.assignedTo?.name ?? '—';
    const rd = businessDay(j.createdAt, zone);
    if (inRange(rd, from, to)) {
      received += 1;
      if (j.overdue) overdue += 1;
      touched.add(j.id);
      bump(perDay, rd, 'received');
      bump(byStaff, staff, 'received');
      bump(byCat, j.categoryCode, 'received');
    }
    const cd = businessDay(j.updatedAt, zone);
    if (DONE_STATUSES.includes(j.status) && inRange(cd, from, to)) {
      completed += 1;
      touched.add(j.id);
      bump(perDay, cd, 'completed');
      bump(byStaff, staff, 'completed');
      bump(byCat, j.categoryCode, 'completed');
    }
  }
  const list = (m: Map<string, { received: number; completed: number }>) =>
    [...m.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([key, v]) => ({ key, ...v }));
  return {
    received,
    completed,
    overdueRate: received === 0 ? null : overdue / received,
    perDay: list(perDay).map(({ key, ...v }) => ({ day: key, ...v })),
    byStaff: list(byStaff),
    byCategory: list(byCat),
    jobIds: [...touched],
  };
}

/** Quotes one CSV field (RFC 4180): fields with a comma, quote or line break are wrapped. */
export function csvField(value: string | number): string {
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The daily summary as CSV rows `section,item,value` with CRLF line ends and a header. */
export function dailyCsv(s: DailySummary, label: (key: FigureKey) => string): string {
  const rows: (string | number)[][] = [['section', 'item', 'value']];
  rows.push(['day', 'day', s.day]);
  for (const k of FIGURE_KEYS) rows.push(['repairs', label(k), s.figures[k].count]);
  for (const c of s.byCategory) {
    rows.push(['received_by_category', c.category, c.received]);
    rows.push(['completed_by_category', c.category, c.completed]);
  }
  for (const i of s.calibrationDue)
    rows.push(['calibration_due', `${i.model} ${i.serial}`, i.calibrationDue ?? '']);
  return rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}
