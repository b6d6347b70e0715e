/** Contract handlers of `reports.*`: queries on the report worker, print and export audited. */
import { appendAudit } from '../../../db/audit/chain';
import { reportOutputCount } from '../../../db/repositories/reports/report-outputs';
import { storeFacts } from '../../../db/repositories/store/store-facts';
import { AppError } from '../../../shared/contract/errors';
import type { DailySummary, DrillOutput, KpiReport, MyShift } from '../../../shared/contract/methods/reports';
import { renderReceiptHtml } from '../../../shared/domain/receipt/render-html';
import { businessDay, daysBetween, localParts } from '../../../shared/domain/time/business-day';
import { findOriginalJob } from '../../../db/repositories/print-jobs/jobs';
import { summaryReceipt } from '../../printing/documents/daily-summary';
import { announcePrintJobs, enqueuePrintJob } from '../../printing/enqueue';
import { requireSession, type AreaHandlers, type CallContext } from '../../dispatch/handlers';
import { summaryCsv } from './summary-csv';
import { summaryPdf } from './summary-pdf';


export const MAX_KPI_DAYS = 366;

const daily = (ctx: CallContext, day: string) => ctx.core.services.reports.run<DailySummary>({ kind: 'daily', day });

function audit(ctx: CallContext, action: string, day: string, data: Record<string, unknown>): void {
  // appendAudit (db/audit) still takes the raw handle
  appendAudit(ctx.core.db, {
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

export const reportHandlers: AreaHandlers<'reports'> = {
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
    const day = businessDay(ctx.now, storeFacts(ctx.core.db, ctx.core.storeId).timeZone);
    return ctx.core.services.reports.run<MyShift>({ kind: 'shift', staffId, day });
  },
  'reports.printDaily': async (input, ctx) => {
    const summary = await daily(ctx, input.day);
    const db = ctx.core.db;
    const store = storeFacts(db, ctx.core.storeId);
    const result = db.transaction(() => {
      const docRef = `daily:${input.day}`;
      const reprint = reportOutputCount(db, 'report.printed', docRef) > 0;
      const queued = enqueuePrintJob(
        db,
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
          ...(reprint ? { reprint: { of: findOriginalJob(db, docRef)?.id ?? null } } : {}),
        },
        ctx.now,
      );
      const printJobId = queued.id;
      audit(ctx, 'report.printed', input.day, { printJobId, reprint, refundTotalMinor: summary.returns.refundTotalMinor });
      return { printJobId, reprint, document: queued.document };
    });
    announcePrintJobs(ctx.core, [result.printJobId]);
    return { printJobId: result.printJobId, reprint: result.reprint, html: await renderReceiptHtml(result.document) };
  },
  'reports.exportDaily': async (input, ctx) => {
    const summary = await daily(ctx, input.day);
    const db = ctx.core.db;
    const store = storeFacts(db, ctx.core.storeId);
    const exported = reportOutputCount(db, 'report.exported', `daily:${input.day}`);
    const p = localParts(ctx.now, store.timeZone);
    const printedAt = `${p.year}-${two(p.month)}-${two(p.day)} ${two(p.hour)}:${two(p.minute)}`;
    const bytes =
      input.format === 'csv'
        ? summaryCsv(summary, store.locale)
        : await summaryPdf(summary, { storeName: store.name, locale: store.locale, printedAt, reprint: exported > 0 });
    db.transaction(() => audit(ctx, 'report.exported', input.day, { format: input.format, bytes: bytes.length }));
    return {
      fileName: `counterdesk-daily-${input.day}.${input.format}`,
      mime: input.format === 'csv' ? 'text/csv;charset=utf-8' : 'application/pdf',
      base64: bytes.toString('base64'),
      bytes: bytes.length,
    };
  },
};
