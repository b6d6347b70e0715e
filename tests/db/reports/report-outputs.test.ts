/**
 * The daily summary through the contract as a manager uses it: on the report worker's read-only
 * connection, printed (the ESC/POS bytes decoded back to text; a second print says REPRINT),
 * exported as PDF (text extracted with pdftotext, Chinese included) and CSV (BOM, same numbers),
 * audited; clerks refused; a reversed KPI range refused in words.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeJob } from '../../../core/printing/job-bytes';
import { writeSettings } from '../../../db/repositories/store/settings';
import { decodeEscPos, decodedToPlainText } from '../../../core/hardware/printers/escpos-decoder';
import type { MethodName, MethodOutput } from '../../../shared/contract';
import type { Result } from '../../../shared/contract/errors';
import type { Connection } from '../../../core/context';
import { makeCore, type CoreFixture } from '../../helpers/core-fixture';
import { tempDir } from '../../helpers/temp-dir';
import { aReturn, HOUR, product, staffId } from './report-fixture';

const DAY_START = Date.UTC(2026, 10, 19, 16, 0, 0);

const typed =
  (f: CoreFixture) =>
  <K extends MethodName>(conn: Connection, m: K, input: unknown): Promise<Result<MethodOutput<K>>> =>
    f.core.dispatcher.call(conn, m, input) as Promise<Result<MethodOutput<K>>>;

function seed(f: CoreFixture): void {
  const db = f.core.ctx.db.sqlite;
  const p = product(db, 'audio', 'SPK-O');
  aReturn(db, { id: 'R-O1', day: '2026-11-20', at: DAY_START + HOUR, staff: staffId(db, 'C001'), reason: 'performance_fault',
    productId: p, sku: 'SPK-O', refund: 35910, disposition: 'restock', tenders: [['wechat', 35910]] });
  aReturn(db, { id: 'R-O2', day: '2026-11-20', at: DAY_START + 2 * HOUR, staff: staffId(db, 'C001'), reason: 'no_reason',
    productId: p, sku: 'SPK-O', refund: 6000, disposition: 'restock', tenders: [['cash', 6000]] });
}

describe('daily summary outputs', () => {
  it('prints on paper (REPRINT the second time), exports PDF and CSV with the same numbers, all audited', async () => {
    const f = makeCore({ now: Date.UTC(2026, 10, 20, 14, 0) });
    try {
      seed(f);
      const call = typed(f);
      const m = await f.as('M001');
      const daily = await call(m, 'reports.daily', { day: '2026-11-20' });
      expect(daily.ok && daily.value.returns.refundTotalMinor).toBe(41910); // 35910 + 6000
      expect(f.core.ctx.services.reports.mode).toBe('worker');

      const first = await call(m, 'reports.printDaily', { day: '2026-11-20' });
      const second = await call(m, 'reports.printDaily', { day: '2026-11-20' });
      if (!first.ok || !second.ok) throw new Error('print failed');
      expect([first.value.reprint, second.value.reprint]).toEqual([false, true]);
      const layout = (id: number) =>
        JSON.parse(
          (f.core.ctx.db.sqlite.prepare('SELECT layout FROM print_jobs WHERE id = ?').get(id) as { layout: string }).layout,
        );
      const paper = (id: number) =>
        decodedToPlainText(
          decodeEscPos(encodeJob(layout(id), { paper: 80, copies: 1, openDrawer: false })).items,
          48,
        ).join('\n');
      const p1 = paper(first.value.printJobId);
      expect(p1).toContain('售后日报');
      expect(p1).toContain('2026-11-20');
      expect(p1).toMatch(/退款合计\s+[¥￥]419\.10/);
      expect(p1).toMatch(/微信支付 ×1\s+[¥￥]359\.10/);
      expect(p1).not.toContain('重印');
      expect(paper(second.value.printJobId)).toContain('重印');

      const pdf = await call(m, 'reports.exportDaily', { day: '2026-11-20', format: 'pdf' });
      if (!pdf.ok) throw new Error(pdf.error.code);
      const file = join(tempDir(), 'daily.pdf');
      writeFileSync(file, Buffer.from(pdf.value.base64, 'base64'));
      const text = execFileSync('pdftotext', ['-layout', file, '-']).toString('utf8');
      expect(text).toContain('售后日报');
      expect(text).toMatch(/退款合计\s+[¥￥]419\.10/);
      expect(text).toContain('微信');
      const fonts = execFileSync('pdffonts', [file]).toString('utf8');
      expect(fonts).toMatch(/NotoSansSC/);
      expect(fonts).toMatch(/yes\s+yes/); // embedded, subset

      const csv = await call(m, 'reports.exportDaily', { day: '2026-11-20', format: 'csv' });
      if (!csv.ok) throw new Error(csv.error.code);
      const bytes = Buffer.from(csv.value.base64, 'base64');
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const rows = bytes.subarray(3).toString('utf8').trim().split('\r\n');
      expect(rows.some((r) => /^退换货,退款合计,[¥￥]419\.10,41910$/.test(r))).toBe(true);

      const audit = f.core.ctx.db.sqlite
        .prepare("SELECT action FROM audit_log WHERE entity_type = 'report' ORDER BY id")
        .all() as { action: string }[];
      expect(audit.map((a) => a.action)).toEqual(['report.printed', 'report.printed', 'report.exported', 'report.exported']);
    } finally {
      f.close();
    }
  });

  it('in en-US on 58 mm paper: English labels, amounts and REPRINT fit the 32 columns', async () => {
    const f = makeCore({ now: Date.UTC(2026, 10, 20, 14, 0) });
    try {
      seed(f);
      const db = f.core.ctx.db.sqlite;
      writeSettings(f.core.ctx.db, f.core.ctx.storeId, { locale: 'en-US', receiptWidth: 58 }, 0);
      const m = await f.as('M001');
      const first = await f.core.dispatcher.call(m, 'reports.printDaily', { day: '2026-11-20' });
      const second = await f.core.dispatcher.call(m, 'reports.printDaily', { day: '2026-11-20' });
      if (!first.ok || !second.ok) throw new Error('print failed');
      const paper = (id: number) => {
        const layout = JSON.parse((db.prepare('SELECT layout FROM print_jobs WHERE id = ?').get(id) as { layout: string }).layout);
        expect(layout.paper).toBe(58);
        return decodedToPlainText(decodeEscPos(encodeJob(layout, { paper: 58, copies: 1, openDrawer: false })).items, 32);
      };
      const lines = paper((first.value as { printJobId: number }).printJobId);
      const text = lines.join('\n');
      expect(text).toContain('After-sales daily summary');
      expect(text).toMatch(/Business day\s+2026-11-20/);
      // 35910 + 6000 = 41910 → 419.10 in the store currency; WeChat Pay 359.10, cash 60.00.
      expect(text).toMatch(/Refunds total\s+\S*419\.10/);
      expect(text).toMatch(/WeChat Pay ×1\s+\S*359\.10/);
      expect(text).toMatch(/Cash ×1\s+\S*60\.00/);
      expect(text).toMatch(/Cash out\s+\S*60\.00/);
      expect(text).not.toMatch(/[\u4e00-\u9fff]/); // no Chinese label left untranslated
      expect(text).not.toContain('REPRINT');
      expect(lines.every((l) => l.length <= 32)).toBe(true);
      expect(paper((second.value as { printJobId: number }).printJobId).join('\n')).toContain('*** REPRINT ***');
    } finally {
      f.close();
    }
  });

  it('clerks cannot open the daily summary; a reversed KPI range is refused in words', async () => {
    const f = makeCore();
    try {
      const c = await f.core.dispatcher.call(await f.as('C001'), 'reports.daily', { day: '2026-11-20' });
      expect(c.ok ? 'ok' : c.error.code).toBe('FORBIDDEN');
      const r = await f.core.dispatcher.call(await f.as('M001'), 'reports.kpis', { from: '2026-11-20', to: '2026-11-01' });
      expect(r.ok ? 'ok' : r.error.code).toBe('REPORT_RANGE_INVALID');
      const d = await f.core.dispatcher.call(await f.as('M001'), 'reports.daily', { day: '2026-13-45' });
      expect(d.ok ? 'ok' : d.error.code).toBe('INVALID_INPUT');
    } finally {
      f.close();
    }
  });
});
