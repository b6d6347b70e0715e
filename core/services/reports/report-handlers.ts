/** Contract handlers of `reports.*`: queries on the report worker, print and export audited. */
import { appendAudit } from '../../../db/audit/chain';
import { AppError } from '../../../shared/contract/errors';
import type { DailySummary, DrillOutput, KpiReport, MyShift } from '../../../shared/contract/methods/reports';
import { renderReceiptHtml } from '../../../shared/domain/receipt/render-html';
import { businessDay, daysBetween, localParts } from '../../../shared/domain/time/business-day';
import { findOriginalJob } from '../../../db/repositories/print-jobs/jobs';
import { summaryReceipt } from '../../printing/documents/daily-summary';
import { announcePrintJobs, enqueuePrintJob } from '../../printing/enqueue';
import { requireSession, type MethodHandlers, type CallContext } from '../../dispatch/handlers';
import { reportStore } from './report-store';
import { summaryCsv } from './summary-csv';
import { summaryPdf } from './summary-pdf';

type Keys =
  | 'reports.daily'
  | 'reports.kpis'
  | 'reports.drillDown'
  | 'reports.kpiDrillDown'
  | 'reports.myShift'
  | 'reports.printDaily'
  | 'reports.exportDaily';

export const MAX_KPI_DAYS = 366;

const daily = (ctx: CallContext, day: string) => ctx.core.services.reports.run<DailySummary>({ kind: 'daily', day });

function audit(ctx: CallContext, action: string, day: string, data: Record<string, unknown>): void {
  const db = ctx.core.db.sqlite;
  appendAudit(db, {
    at: ctx.now,
    storeId: ctx.core.storeId,
    staffId: requireSession(ctx).staffId,
    action,
    entityType: 'report',
    entityId: `daily:${day}`,
    data,
  });
}

const two = (n: number) => String(n).padStart(2, '0');

function checkRange(from: string, to: string): void {
  const span = daysBetween(from, to);
  if (span < 0 || span >= MAX_KPI_DAYS) throw new AppError('REPORT_RANGE_INVALID', { from, to, maxDays: MAX_KPI_DAYS });
}

export const reportHandlers: MethodHandlers<Keys> = {
  'reports.daily': (input, ctx) => daily(ctx, input.day),
  'reports.kpis': (input, ctx) => {
    checkRange(input.from, input.to);
    return ctx.core.services.reports.run<KpiReport>({ kind: 'kpis', from: input.from, to: input.to });
  },
  'reports.drillDown': (input, ctx) =>
    ctx.core.services.reports.run<DrillOutput>({ kind: 'drill', day: input.day, figure: input.figure }),
  'reports.kpiDrillDown': (input, ctx) => {
    checkRange(input.from, input.to);
    return ctx.core.services.reports.run<DrillOutput>({
      kind: 'kpiDrill',
      from: input.from,
      to: input.to,
      figure: input.figure,
      key: input.key,
    });
  },
  // Always the caller's own shift: the staff id is the session's, the day is today in the store's zone.
  'reports.myShift': (_input, ctx) => {
    const staffId = requireSession(ctx).staffId;
    const day = businessDay(ctx.now, reportStore(ctx.core.db.sqlite, ctx.core.storeId).timeZone);
    return ctx.core.services.reports.run<MyShift>({ kind: 'shift', staffId, day });
  },
  'reports.printDaily': async (input, ctx) => {
    const summary = await daily(ctx, input.day);
    const db = ctx.core.db.sqlite;
    const store = reportStore(db, ctx.core.storeId);
    const result = db.transaction(() => {
      const printed = db
        .prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'report.printed' AND entity_id = ?")
        .get(`daily:${input.day}`) as { n: number };
      const reprint = printed.n > 0;
      const docRef = `daily:${input.day}`;
      const queued = enqueuePrintJob(
        ctx.core.db,
        {
          kind: 'daily_report',
          docRef,
          document: summaryReceipt(summary, {
            storeName: store.name,
            locale: store.locale,
            paper: store.paper,
            printedAt: ctx.now,
          }),
          staffId: requireSession(ctx).staffId,
          ...(reprint ? { reprint: { of: findOriginalJob(ctx.core.db, docRef)?.id ?? null } } : {}),
        },
        ctx.now,
      );
      const printJobId = queued.id;
      audit(ctx, 'report.printed', input.day, { printJobId, reprint, refundTotalMinor: summary.returns.refundTotalMinor });
      return { printJobId, reprint, document: queued.document };
    })();
    announcePrintJobs(ctx.core, [result.printJobId]);
    return { printJobId: result.printJobId, reprint: result.reprint, html: await renderReceiptHtml(result.document) };
  },
  'reports.exportDaily': async (input, ctx) => {
    const summary = await daily(ctx, input.day);
    const db = ctx.core.db.sqlite;
    const store = reportStore(db, ctx.core.storeId);
    const exported = db
      .prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'report.exported' AND entity_id = ?")
      .get(`daily:${input.day}`) as { n: number };
    const p = localParts(ctx.now, store.timeZone);
    const printedAt = `${p.year}-${two(p.month)}-${two(p.day)} ${two(p.hour)}:${two(p.minute)}`;
    const bytes =
      input.format === 'csv'
        ? summaryCsv(summary, store.locale)
        : await summaryPdf(summary, { storeName: store.name, locale: store.locale, printedAt, reprint: exported.n > 0 });
    db.transaction(() => audit(ctx, 'report.exported', input.day, { format: input.format, bytes: bytes.length }))();
    return {
      fileName: `counterdesk-daily-${input.day}.${input.format}`,
      mime: input.format === 'csv' ? 'text/csv;charset=utf-8' : 'application/pdf',
      base64: bytes.toString('base64'),
      bytes: bytes.length,
    };
  },
};
