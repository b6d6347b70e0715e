/**
 * Manager reports: the daily summary of one business day (store time zone) and the after-sales
 * KPIs over a date range, the records behind a figure, printing the day on the receipt printer
 * (a second print says REPRINT) and exporting it as A4 PDF or CSV. Queries run on a worker thread
 * with a read-only connection (core/services/reports). Definitions of every figure: docs/REPORTS.md.
 */
import { z } from 'zod';
import { method } from '../define';
import { day, epochMs } from '../schemas';

const amountBy = z.array(
  z.object({ key: z.string(), count: z.number().int(), amountMinor: z.number().int() }),
);

export const dailySummarySchema = z.object({
  day,
  timeZone: z.string(),
  currency: z.string(),
  /** [start, end) of the business day in UTC ms. */
  range: z.object({ start: epochMs, end: epochMs }),
  returns: z.object({
    count: z.number().int(),
    exchanges: z.number().int(),
    refundTotalMinor: z.number().int(),
    restockingFeesMinor: z.number().int(),
    storeCreditIssuedMinor: z.number().int(),
    exchangeDueMinor: z.number().int(),
    byTender: amountBy,
    byReason: amountBy,
    byCategory: amountBy,
    byDisposition: amountBy,
  }),
  overrides: z.array(
    z.object({
      at: epochMs,
      manager: z.string(),
      requestedBy: z.string(),
      action: z.string(),
      reason: z.string(),
      note: z.string(),
      ref: z.string().nullable(),
      /** The manager approved their own request (the store's four-eyes rule was off). */
      selfApproved: z.boolean(),
    }),
  ),
  repairs: z.object({
    received: z.number().int(),
    completed: z.number().int(),
    pickedUp: z.number().int(),
    openAtClose: z.number().int(),
    overdueAtClose: z.number().int(),
    avgTurnaroundHours: z.number().nullable(),
    partsCostMinor: z.number().int(),
    depositsMinor: z.number().int(),
    balancesTakenMinor: z.number().int(),
  }),
  tests: z.object({
    pass: z.number().int(),
    fail: z.number().int(),
    instrumentsPastCalibration: z.array(z.string()),
  }),
  complaints: z.object({ received: z.number().int(), resolved: z.number().int() }),
  drawer: z.object({
    cashInMinor: z.number().int(),
    cashOutMinor: z.number().int(),
    netMinor: z.number().int(),
  }),
  reconciliation: z.array(
    z.object({
      check: z.string(),
      ok: z.boolean(),
      leftMinor: z.number().int(),
      rightMinor: z.number().int(),
    }),
  ),
});
export type DailySummary = z.infer<typeof dailySummarySchema>;

export const kpiSchema = z.object({
  from: day,
  to: day,
  responseTimeHours: z.number().nullable(),
  turnaroundHours: z.number().nullable(),
  onTimeRate: z.number().nullable(),
  firstTimeFixRate: z.number().nullable(),
  repeatRate: z.number().nullable(),
  csatAvg: z.number().nullable(),
  nps: z.number().nullable(),
  surveys: z.number().int(),
  jobsReceived: z.number().int(),
  jobsCompleted: z.number().int(),
  returnRateByCategory: z.array(
    z.object({
      key: z.string(),
      sold: z.number().int(),
      returned: z.number().int(),
      rate: z.number().nullable(),
    }),
  ),
  returnsByReason: amountBy,
  refundTrend: z.array(z.object({ day, amountMinor: z.number().int(), count: z.number().int() })),
  technicians: z.array(
    z.object({
      staffId: z.number().int(),
      name: z.string(),
      completed: z.number().int(),
      openAtEnd: z.number().int(),
      avgTurnaroundHours: z.number().nullable(),
      onTimeRate: z.number().nullable(),
      firstTimeFixRate: z.number().nullable(),
    }),
  ),
  byCategory: z.array(
    z.object({
      key: z.string(),
      received: z.number().int(),
      completed: z.number().int(),
      avgTurnaroundHours: z.number().nullable(),
      onTimeRate: z.number().nullable(),
      firstTimeFixRate: z.number().nullable(),
    }),
  ),
});
export type KpiReport = z.infer<typeof kpiSchema>;

export const DRILL_FIGURES = [
  'returns',
  'overrides',
  'repairsReceived',
  'repairsCompleted',
  'repairsPickedUp',
  'repairsOpen',
  'repairsOverdue',
  'testsFailed',
] as const;
export type DrillFigure = (typeof DRILL_FIGURES)[number];

/** The points of the KPI screen whose records can be listed (`key`: a day, staff id, category or reason code). */
export const KPI_DRILL_FIGURES = [
  'jobsReceived',
  'jobsCompleted',
  'technicianCompleted',
  'technicianOpen',
  'categoryReceived',
  'categoryCompleted',
  'returnsByCategory',
  'returnsByReason',
  'refundDay',
] as const;
export type KpiDrillFigure = (typeof KPI_DRILL_FIGURES)[number];

/** How the screen shows a drill-down column: money (minor units), an instant (UTC ms, shown in store time), a code to translate, or as is. */
export const DRILL_COLUMN_KINDS = [
  'text',
  'number',
  'money',
  'instant',
  'status',
  'category',
  'returnReason',
  'overrideReason',
  'returnKind',
] as const;

export const drillOutputSchema = z.object({
  columns: z.array(z.object({ key: z.string(), kind: z.enum(DRILL_COLUMN_KINDS) })),
  rows: z.array(z.record(z.string(), z.union([z.string(), z.number(), z.null()]))),
});
export type DrillOutput = z.infer<typeof drillOutputSchema>;

/** The signed-in staff member's own figures of the current business day. */
export const myShiftSchema = z.object({
  day,
  staffName: z.string(),
  currency: z.string(),
  returns: z.object({
    count: z.number().int(),
    refundTotalMinor: z.number().int(),
    byTender: amountBy,
  }),
  intakes: z.object({ count: z.number().int(), depositsMinor: z.number().int(), byTender: amountBy }),
  pickups: z.object({ count: z.number().int(), paymentsMinor: z.number().int(), byTender: amountBy }),
  drawer: z.object({
    cashInMinor: z.number().int(),
    cashOutMinor: z.number().int(),
    netMinor: z.number().int(),
  }),
});
export type MyShift = z.infer<typeof myShiftSchema>;

export const reportsMethods = {
  'reports.daily': method({
    summary: 'The daily summary of one business day (store time zone), reproducible.',
    access: 'reports.daily',
    input: z.object({ day }).strict(),
    output: dailySummarySchema,
  }),
  'reports.kpis': method({
    summary: 'After-sales KPIs over a date range (inclusive business days), by technician and category.',
    access: 'reports.kpi',
    input: z.object({ from: day, to: day }).strict(),
    output: kpiSchema,
  }),
  'reports.drillDown': method({
    summary:
      'The records behind a figure of a day: returns, overrides, repairs received/completed/picked up/open/overdue, failed tests.',
    access: 'reports.daily',
    input: z.object({ day, figure: z.enum(DRILL_FIGURES) }).strict(),
    output: drillOutputSchema,
  }),
  'reports.kpiDrillDown': method({
    summary:
      'The records behind a KPI point of a range: jobs received/completed (all, one technician, one category), open at the end for a technician, returns of a category, reason or day.',
    access: 'reports.kpi',
    input: z
      .object({ from: day, to: day, figure: z.enum(KPI_DRILL_FIGURES), key: z.string().max(64).optional() })
      .strict(),
    output: drillOutputSchema,
  }),
  'reports.myShift': method({
    summary:
      "The caller's own shift today (store time zone): returns processed, repairs taken in, pickups handed over, cash in/out of the drawer. Always the signed-in staff member; takes no staff id.",
    access: 'reports.own-shift',
    input: z.object({}).strict(),
    output: myShiftSchema,
  }),
  'reports.printDaily': method({
    summary: 'Prints the daily summary on the receipt printer; a second print of a day is marked REPRINT.',
    access: 'reports.daily',
    input: z.object({ day }).strict(),
    output: z.object({ printJobId: z.number().int(), reprint: z.boolean(), html: z.string() }),
  }),
  'reports.exportDaily': method({
    summary: 'The daily summary as A4 PDF (CJK font embedded, charts) or CSV (UTF-8 with BOM), base64.',
    access: 'reports.daily',
    input: z.object({ day, format: z.enum(['pdf', 'csv']) }).strict(),
    output: z.object({ fileName: z.string(), mime: z.string(), base64: z.string(), bytes: z.number().int() }),
  }),
};
