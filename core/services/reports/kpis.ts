/**
 * After-sales KPIs over business days [from, to] (inclusive, store time zone). Each figure's
 * definition is in docs/REPORTS.md and next to it on the screen (reportsUi.kpiHelp.*):
 * response time = intake → first diagnosis; turnaround = intake → completed (ready for pickup);
 * on-time = completed by the promised time; first-time fix = completed without QC sending it back
 * to repair; repeat rate = received jobs that repeat an earlier repair of the same device and fault;
 * CSAT = mean of the 1–5 pickup scores; NPS = % promoters (9–10) − % detractors (0–6).
 * Turnaround, on-time and first-time fix are also given per technician and per category.
 */
import type { SqliteDb } from '../../../db/open';
import type { KpiReport } from '../../../shared/contract/methods/reports';
import { addDays, businessDayRange } from '../../../shared/domain/time/business-day';
import { reportStore } from './report-store';

const HOUR = 3_600_000;
const hours = (ms: number | null): number | null => (ms === null ? null : Math.round((ms / HOUR) * 10) / 10);
const rate = (part: number, whole: number): number | null => (whole === 0 ? null : Math.round((part / whole) * 1000) / 1000);

/** The KPI report for `storeId` over [from, to]. */
export function kpiReport(db: SqliteDb, storeId: number, from: string, to: string): KpiReport {
  const store = reportStore(db, storeId);
  const start = businessDayRange(from, store.timeZone).start;
  const end = businessDayRange(to, store.timeZone).end;
  const p = [storeId, start, end] as const;
  const one = <T>(sql: string, ...params: unknown[]): T => db.prepare(sql).get(...params) as T;

  const received = one<{ n: number; diag: number | null; repeats: number | null }>(
    `SELECT count(*) AS n, avg(first_diagnosis_at - created_at) AS diag, sum(repeat_of_job_id IS NOT NULL) AS repeats
     FROM repair_jobs WHERE store_id = ? AND created_at >= ? AND created_at < ?`,
    ...p,
  );
  const completed = one<{ n: number; tat: number | null; onTime: number | null; firstFix: number | null }>(
    `SELECT count(*) AS n, avg(completed_at - created_at) AS tat, sum(completed_at <= promised_at) AS onTime,
            sum(NOT EXISTS (SELECT 1 FROM repair_events e WHERE e.job_id = j.id AND e.from_status = 'qc' AND e.to_status = 'repairing')) AS firstFix
     FROM repair_jobs j WHERE store_id = ? AND completed_at >= ? AND completed_at < ?`,
    ...p,
  );
  const survey = one<{ n: number; csat: number | null; promoters: number | null; detractors: number | null; npsN: number }>(
    `SELECT count(csat) AS n, avg(csat) AS csat, sum(nps >= 9) AS promoters, sum(nps <= 6) AS detractors, count(nps) AS npsN
     FROM repair_jobs WHERE store_id = ? AND picked_up_at >= ? AND picked_up_at < ?`,
    ...p,
  );
  const sold = db
    .prepare(
      `SELECT c.code AS key, sum(l.qty) AS qty FROM sales s JOIN sale_lines l ON l.sale_id = s.id
       JOIN products pr ON pr.id = l.product_id JOIN categories c ON c.id = pr.category_id
       WHERE s.store_id = ? AND s.business_day >= ? AND s.business_day <= ? AND l.qty > 0 GROUP BY c.code`,
    )
    .all(storeId, from, to) as { key: string; qty: number }[];
  const returned = db
    .prepare(
      `SELECT coalesce(c.code, 'unknown') AS key, sum(l.qty) AS qty FROM returns r JOIN return_lines l ON l.return_id = r.id
       LEFT JOIN products pr ON pr.id = l.product_id LEFT JOIN categories c ON c.id = pr.category_id
       WHERE r.store_id = ? AND r.business_day >= ? AND r.business_day <= ? AND r.status = 'completed' GROUP BY key`,
    )
    .all(storeId, from, to) as { key: string; qty: number }[];
  const keys = [...new Set([...sold.map((s) => s.key), ...returned.map((r) => r.key)])].sort();
  const returnRateByCategory = keys.map((key) => {
    const s = sold.find((x) => x.key === key)?.qty ?? 0;
    const r = returned.find((x) => x.key === key)?.qty ?? 0;
    return { key, sold: s, returned: r, rate: rate(r, s) };
  });
  const returnsByReason = (
    db
      .prepare(
        `SELECT reason_code AS key, count(*) AS count, sum(refund_total_minor) AS amountMinor FROM returns
         WHERE store_id = ? AND business_day >= ? AND business_day <= ? AND status = 'completed'
         GROUP BY reason_code ORDER BY count DESC, key`,
      )
      .all(storeId, from, to) as { key: string; count: number; amountMinor: number }[]
  ).map((r) => ({ ...r, amountMinor: r.amountMinor ?? 0 }));
  const trendRows = db
    .prepare(
      `SELECT business_day AS day, sum(refund_total_minor) AS amountMinor, count(*) AS count FROM returns
       WHERE store_id = ? AND business_day >= ? AND business_day <= ? AND status = 'completed' GROUP BY business_day`,
    )
    .all(storeId, from, to) as { day: string; amountMinor: number; count: number }[];
  const refundTrend: KpiReport['refundTrend'] = [];
  for (let d = from, i = 0; d <= to && i < 400; d = addDays(d, 1), i++) {
    const row = trendRows.find((r) => r.day === d);
    refundTrend.push({ day: d, amountMinor: row?.amountMinor ?? 0, count: row?.count ?? 0 });
  }
  // Per technician / per category: the same definitions as the store-wide KPIs, restricted to the
  // jobs assigned to that technician / of that category. Named parameters: @start, @end (the range).
  const inRange = 'j.completed_at >= @start AND j.completed_at < @end';
  const sentBack = `EXISTS (SELECT 1 FROM repair_events e WHERE e.job_id = j.id AND e.from_status = 'qc' AND e.to_status = 'repairing')`;
  const perGroup = `coalesce(sum(${inRange}), 0) AS completed,
                avg(CASE WHEN ${inRange} THEN j.completed_at - j.created_at END) AS tat,
                coalesce(sum(CASE WHEN ${inRange} THEN j.completed_at <= j.promised_at END), 0) AS onTime,
                coalesce(sum(CASE WHEN ${inRange} THEN NOT ${sentBack} END), 0) AS firstFix`;
  type Group = { completed: number; tat: number | null; onTime: number; firstFix: number };
  const groupRates = (g: Group) => ({
    avgTurnaroundHours: hours(g.tat),
    onTimeRate: rate(g.onTime, g.completed),
    firstTimeFixRate: rate(g.firstFix, g.completed),
  });
  const technicians = (
    db
      .prepare(
        `SELECT s.id AS staffId, s.name, ${perGroup},
                coalesce(sum(j.created_at < @end AND (j.completed_at IS NULL OR j.completed_at >= @end)
                    AND j.status NOT IN ('cancelled','returned_unrepaired')), 0) AS openAtEnd
         FROM repair_jobs j JOIN staff s ON s.id = j.assigned_to WHERE j.store_id = @storeId
         GROUP BY s.id ORDER BY completed DESC, s.name`,
      )
      .all({ start, end, storeId }) as (Group & { staffId: number; name: string; openAtEnd: number })[]
  ).map((t) => ({ staffId: t.staffId, name: t.name, completed: t.completed, openAtEnd: t.openAtEnd, ...groupRates(t) }));
  const byCategory = (
    db
      .prepare(
        `SELECT j.category_code AS key, coalesce(sum(j.created_at >= @start AND j.created_at < @end), 0) AS received, ${perGroup}
         FROM repair_jobs j WHERE j.store_id = @storeId GROUP BY j.category_code ORDER BY key`,
      )
      .all({ start, end, storeId }) as (Group & { key: string; received: number })[]
  )
    .filter((c) => c.received > 0 || c.completed > 0)
    .map((c) => ({ key: c.key, received: c.received, completed: c.completed, ...groupRates(c) }));

  return {
    from,
    to,
    responseTimeHours: hours(received.diag),
    turnaroundHours: hours(completed.tat),
    onTimeRate: rate(completed.onTime ?? 0, completed.n),
    firstTimeFixRate: rate(completed.firstFix ?? 0, completed.n),
    repeatRate: rate(received.repeats ?? 0, received.n),
    csatAvg: survey.csat === null ? null : Math.round(survey.csat * 100) / 100,
    nps: survey.npsN === 0 ? null : Math.round((((survey.promoters ?? 0) - (survey.detractors ?? 0)) / survey.npsN) * 100),
    surveys: survey.n,
    jobsReceived: received.n,
    jobsCompleted: completed.n,
    returnRateByCategory,
    returnsByReason,
    refundTrend,
    technicians,
    byCategory,
  };
}
