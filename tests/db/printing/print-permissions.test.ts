/**
 * A print job carries its document's permission: a clerk cannot read, preview, retry, cancel or
 * reprint the manager's daily report (FORBIDDEN), sees only the jobs they queued in `print.jobs`,
 * and cannot steer a colleague's slip; a manager (print.manage) sees and steers every job.
 * Retry and cancel leave an audit row.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { enqueuePrintJob } from '../../../core/printing/enqueue';
import type { PrintKind } from '../../../core/printing/kinds';
import type { ReceiptDocument } from '../../../shared/domain/receipt/layout';
import { contractApi, makeCore, type CoreFixture } from '../../helpers/core-fixture';

let f: CoreFixture | null = null;
afterEach(() => {
  f?.close();
  f = null;
});

const doc: ReceiptDocument = {
  paper: 80,
  locale: 'zh-CN',
  blocks: [{ kind: 'text', text: '日结 2026-11-23 营业额 ¥12,345.00', align: 'center' }],
};

function staffId(fx: CoreFixture, code: string): number {
  return (fx.core.ctx.db.sqlite.prepare('SELECT id FROM staff WHERE code = ?').get(code) as { id: number })
    .id;
}

function queue(fx: CoreFixture, kind: PrintKind, docRef: string, by: number): number {
  return enqueuePrintJob(fx.core.ctx.db, { kind, docRef, document: doc, staffId: by }, Date.now()).id;
}

function setStatus(fx: CoreFixture, id: number, status: string): void {
  fx.core.ctx.db.sqlite.prepare('UPDATE print_jobs SET status = ? WHERE id = ?').run(status, id);
}

function audits(fx: CoreFixture, action: string): { entity_id: string; data: string }[] {
  return fx.core.ctx.db.sqlite
    .prepare('SELECT entity_id, data FROM audit_log WHERE action = ? ORDER BY id')
    .all(action) as { entity_id: string; data: string }[];
}

describe('print jobs carry their document permission', () => {
  it('a clerk cannot read, preview, retry, cancel or reprint the daily report', async () => {
    f = makeCore();
    const { ok, code } = contractApi(f);
    const clerk = await f.as('C001');
    const manager = await f.as('M001');
    const report = queue(f, 'daily_report', 'D-20261123', staffId(f, 'M001'));
    setStatus(f, report, 'failed');

    const seen = await ok(clerk, 'print.jobs', {});
    expect(seen.jobs.map((j) => j.id)).not.toContain(report);
    expect((await ok(clerk, 'print.jobs', { kind: 'daily_report' })).jobs).toEqual([]);
    expect(await code(clerk, 'print.preview', { jobId: report })).toBe('FORBIDDEN');
    expect(await code(clerk, 'print.reprint', { jobId: report })).toBe('FORBIDDEN');
    expect(await code(clerk, 'print.retry', { jobId: report })).toBe('FORBIDDEN');
    expect(await code(clerk, 'print.cancel', { jobId: report })).toBe('FORBIDDEN');
    // Nothing changed: still failed, no reprint queued.
    expect((await ok(manager, 'print.jobs', {})).jobs.map((j) => [j.id, j.status])).toEqual([
      [report, 'failed'],
    ]);

    // Even a clerk's own daily report stays the manager's document.
    const own = queue(f, 'daily_report', 'D-20261124', staffId(f, 'C001'));
    expect(await code(clerk, 'print.preview', { jobId: own })).toBe('FORBIDDEN');

    expect((await ok(manager, 'print.preview', { jobId: report })).html).toContain('额');
  });

  it('print.jobs shows a clerk only their own jobs; a manager sees all', async () => {
    f = makeCore();
    const { ok, code } = contractApi(f);
    const clerk = await f.as('C001');
    const manager = await f.as('M001');
    const mine = queue(f, 'return_slip', 'R-20261123-0001', staffId(f, 'C001'));
    const theirs = queue(f, 'pickup', 'J-20261123-0002', staffId(f, 'T001'));
    const nobody = queue(f, 'test', 'printer-1', staffId(f, 'M001'));
    setStatus(f, theirs, 'failed');

    expect((await ok(clerk, 'print.jobs', {})).jobs.map((j) => j.id)).toEqual([mine]);
    // Paging through someone else's jobs by id finds nothing either.
    expect((await ok(clerk, 'print.jobs', { beforeId: nobody + 1, limit: 1 })).jobs.map((j) => j.id)).toEqual(
      [mine],
    );
    expect(await code(clerk, 'print.preview', { jobId: theirs })).toBe('FORBIDDEN');
    expect(await code(clerk, 'print.cancel', { jobId: theirs })).toBe('FORBIDDEN');
    expect(await code(clerk, 'print.preview', { jobId: mine })).toBe('ok');

    expect((await ok(manager, 'print.jobs', {})).jobs.map((j) => j.id)).toEqual([nobody, theirs, mine]);
  });

  it('retry and cancel are audited', async () => {
    f = makeCore();
    const { ok } = contractApi(f);
    const manager = await f.as('M001');
    const a = queue(f, 'pickup', 'J-20261123-0003', staffId(f, 'T001'));
    const b = queue(f, 'pickup', 'J-20261123-0004', staffId(f, 'T001'));
    setStatus(f, a, 'failed');
    setStatus(f, b, 'failed');
    await ok(manager, 'print.retry', { jobId: a });
    await ok(manager, 'print.cancel', { jobId: b });
    const retried = audits(f, 'print.retried');
    expect(retried.map((r) => r.entity_id)).toEqual([String(a)]);
    expect(JSON.parse(retried[0]?.data ?? '{}')).toMatchObject({ previousStatus: 'failed' });
    expect(audits(f, 'print.cancelled').map((r) => r.entity_id)).toEqual([String(b)]);
  });
});
