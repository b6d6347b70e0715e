/**
 * `counterdesk report daily --date YYYY-MM-DD --format escpos|pdf|csv|json [--out F]` and
 * `counterdesk report kpi --from D --to D --format csv|json [--out F]`: the same summary, slip,
 * PDF and CSV the Reports screen makes, computed on this process's connection. Without --out the
 * output goes to stdout (binary formats need --out).
 */
import { writeFileSync } from 'node:fs';
import { AppError } from '../../../shared/contract/errors';
import type { DailySummary, KpiReport } from '../../../shared/contract/methods/reports';
import { isBusinessDay } from '../../../shared/domain/time/business-day';
import { storeFacts } from '../../../db/repositories/store/store-facts';
import { encodeJob } from '../../printing/job-bytes';
import { csvDocument } from '../../../shared/domain/csv/csv';
import { runReportTask } from '../../services/reports/report-task';
import { summaryCsv } from '../../services/reports/summary-csv';
import { summaryPdf } from '../../services/reports/summary-pdf';
import { summaryReceipt } from '../../printing/documents/daily-summary';
import { flagString, type ParsedArgs } from '../args';
import { EXIT } from '../exit-codes';
import type { Out } from '../output';
import { openCore } from '../session';

const USAGE =
  'report daily --date YYYY-MM-DD --format escpos|pdf|csv|json [--out F] | report kpi --from D --to D --format csv|json [--out F]';

function dayFlag(args: ParsedArgs, name: string): string {
  const v = flagString(args, name);
  if (!v || !/^\d{4}-\d{2}-\d{2}$/.test(v) || !isBusinessDay(v))
    throw new AppError('CLI_USAGE', { usage: USAGE });
  return v;
}

function emit(args: ParsedArgs, out: Out, bytes: Buffer | string, binary: boolean): void {
  const file = flagString(args, 'out');
  if (file) {
    writeFileSync(file, bytes);
    out.print(file);
  } else if (binary) throw new AppError('CLI_USAGE', { usage: USAGE });
  else process.stdout.write(bytes);
}

function kpiCsv(k: KpiReport): string {
  const rows: (string | number | null)[][] = [['kpi', 'value']];
  for (const key of [
    'responseTimeHours',
    'turnaroundHours',
    'onTimeRate',
    'firstTimeFixRate',
    'repeatRate',
    'csatAvg',
    'nps',
    'surveys',
    'jobsReceived',
    'jobsCompleted',
  ] as const)
    rows.push([key, k[key]]);
  for (const c of k.returnRateByCategory) rows.push([`returnRate.${c.key}`, c.rate]);
  for (const t of k.technicians) {
    rows.push([`completed.${t.name}`, t.completed]);
    rows.push([`onTimeRate.${t.name}`, t.onTimeRate], [`firstTimeFixRate.${t.name}`, t.firstTimeFixRate]);
  }
  for (const c of k.byCategory)
    rows.push([`onTimeRate.${c.key}`, c.onTimeRate], [`firstTimeFixRate.${c.key}`, c.firstTimeFixRate]);
  return csvDocument(rows);
}

/** The report command. */
export async function reportCommand(args: ParsedArgs, out: Out): Promise<number> {
  const what = args.positionals[1];
  const format = flagString(args, 'format') ?? 'json';
  const core = openCore(args);
  try {
    const db = core.ctx.db;
    const storeId = core.ctx.storeId;
    if (what === 'daily') {
      const day = dayFlag(args, 'date');
      const s = runReportTask(db, storeId, { kind: 'daily', day }) as DailySummary;
      const store = storeFacts(db, storeId);
      if (format === 'json') emit(args, out, `${JSON.stringify(s, null, 2)}\n`, false);
      else if (format === 'csv') emit(args, out, summaryCsv(s, store.locale), false);
      else if (format === 'escpos') {
        const doc = summaryReceipt(s, {
          storeName: store.name,
          locale: store.locale,
          paper: store.paper,
          printedAt: core.ctx.now(),
        });
        emit(
          args,
          out,
          Buffer.from(encodeJob(doc, { paper: store.paper, copies: 1, openDrawer: false })),
          true,
        );
      } else if (format === 'pdf') {
        const printedAt = new Date(core.ctx.now()).toISOString().slice(0, 16).replace('T', ' ');
        emit(
          args,
          out,
          await summaryPdf(s, {
            storeName: store.name,
            locale: store.locale,
            printedAt: `${printedAt} UTC`,
            reprint: false,
          }),
          true,
        );
      } else throw new AppError('CLI_USAGE', { usage: USAGE });
      return EXIT.OK;
    }
    if (what === 'kpi') {
      const from = dayFlag(args, 'from');
      const to = dayFlag(args, 'to');
      if (from > to) throw new AppError('REPORT_RANGE_INVALID', { from, to, maxDays: 366 });
      const k = runReportTask(db, storeId, { kind: 'kpis', from, to }) as KpiReport;
      if (format === 'json') emit(args, out, `${JSON.stringify(k, null, 2)}\n`, false);
      else if (format === 'csv') emit(args, out, kpiCsv(k), false);
      else throw new AppError('CLI_USAGE', { usage: USAGE });
      return EXIT.OK;
    }
    throw new AppError('CLI_USAGE', { usage: USAGE });
  } finally {
    core.close();
  }
}
