/**
 * After-sales KPIs over business days [from, to] (inclusive, store time zone). Each figure's
 * definition is in docs/REPORTS.md and next to it on the screen (reportsUi.kpiHelp.*):
 * response time = intake → first diagnosis; turnaround = intake → completed (ready for pickup);
 * on-time = completed by the promised time; first-time fix = completed without QC sending it back
 * to repair; repeat rate = received jobs that repeat an earlier repair of the same device and fault;
 * CSAT = mean of the 1–5 pickup scores; NPS = % promoters (9–10) − % detractors (0–6).
 * Turnaround, on-time and first-time fix are also given per technician and per category.
 */
import type { DbClient } from '../../../db/client';
import {
  categoryFigures,
  kpiCompleted,
  kpiReceived,
  kpiSurveys,
  refundsPerDay,
  returnsByReasonOver,
  technicianFigures,
  unitsReturnedByCategory,
  unitsSoldByCategory,
} from '../../../db/repositories/reports/kpis';
import { storeFacts } from '../../../db/repositories/store/store-facts';
import type { KpiReport } from '../../../shared/contract/methods/reports';
import { addDays, businessDayRange } from '../../../shared/domain/time/business-day';

const HOUR = 3_600_000;
const hours = (ms: number | null): number | null => (ms === null ? null : Math.round((ms / HOUR) * 10) / 10);
const rate = (part: number, whole: number): number | null => (whole === 0 ? null : Math.round((part / whole) * 1000) / 1000);

type Group = { completed: number; tat: number | null; onTime: number; firstFix: number };
const groupRates = (g: Group) => ({
  avgTurnaroundHours: hours(g.tat),
  onTimeRate: rate(g.onTime, g.completed),
  firstTimeFixRate: rate(g.firstFix, g.completed),
});

/** Units sold and returned per category code, and the return rate. */
function returnRateByCategory(db: DbClient, p: { storeId: number; from: string; to: string }): KpiReport['returnRateByCategory'] {
  const sold = unitsSoldByCategory(db, p);
  const returned = unitsReturnedByCategory(db, p);
  const keys = [...new Set([...sold.map((s) => s.key), ...returned.map((r) => r.key)])].sort();
  return keys.map((key) => {
    const s = sold.find((x) => x.key === key)?.qty ?? 0;
    const r = returned.find((x) => x.key === key)?.qty ?? 0;
    return { key, sold: s, returned: r, rate: rate(r, s) };
  });
}

/** Refunds per business day over [from, to], days without returns included as zero. */
function refundTrend(db: DbClient, p: { storeId: number; from: string; to: string }): KpiReport['refundTrend'] {
  const rows = refundsPerDay(db, p);
  const trend: KpiReport['refundTrend'] = [];
  for (let d = p.from, i = 0; d <= p.to && i < 400; d = addDays(d, 1), i++) {
    const row = rows.find((r) => r.day === d);
    trend.push({ day: d, amountMinor: row?.amountMinor ?? 0, count: row?.count ?? 0 });
  }
  return trend;
}

/** The KPI report for `storeId` over [from, to]. */
export function kpiReport(db: DbClient, storeId: number, from: string, to: string): KpiReport {
  const zone = storeFacts(db, storeId).timeZone;
  const start = businessDayRange(from, zone).start;
  const end = businessDayRange(to, zone).end;
  const range = { storeId, start, end };
  const days = { storeId, from, to };
  const received = kpiReceived(db, range);
  const completed = kpiCompleted(db, range);
  const survey = kpiSurveys(db, range);
  // Per technician / per category: the same definitions as the store-wide KPIs, restricted to the
  // jobs assigned to that technician / of that category.
  const technicians = technicianFigures(db, range).map((t) => ({
    staffId: t.staffId,
    name: t.name,
    completed: t.completed,
    openAtEnd: t.openAtEnd,
    ...groupRates(t),
  }));
  const byCategory = categoryFigures(db, range)
    .filter((c) => c.received > 0 || c.completed > 0)
    .map((c) => ({ key: c.key, received: c.received, completed: c.completed, ...groupRates(c) }));

  return {
    from,
    to,
    responseTimeHours: hours(received.diagMs),
    turnaroundHours: hours(completed.tatMs),
    onTimeRate: rate(completed.onTime, completed.n),
    firstTimeFixRate: rate(completed.firstFix, completed.n),
    repeatRate: rate(received.repeats, received.n),
    csatAvg: survey.csat === null ? null : Math.round(survey.csat * 100) / 100,
    nps: survey.npsN === 0 ? null : Math.round(((survey.promoters - survey.detractors) / survey.npsN) * 100),
    surveys: survey.n,
    jobsReceived: received.n,
    jobsCompleted: completed.n,
    returnRateByCategory: returnRateByCategory(db, days),
    returnsByReason: returnsByReasonOver(db, days),
    refundTrend: refundTrend(db, days),
    technicians,
    byCategory,
  };
}
