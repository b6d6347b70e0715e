/**
 * The durable print queue on a real SQLite file, printing through the real ESC/POS driver to the
 * simulated printer over an in-memory pair. Time is an injected clock: backoff is checked by
 * moving the clock, never by sleeping.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cancelPrintJob, reprintPrintJob, retryPrintJob } from '../../../core/printing/job-actions';
import { listPrintJobs } from '../../../core/printing/job-view';
import { printBackoffMs } from '../../../core/printing/queue';
import { writeSettings } from '../../../db/repositories/store/settings';
import { verifyAudit } from '../../../db/audit/chain';
import { AppError } from '../../../shared/contract/errors';
import type { ReceiptDocument } from '../../../shared/domain/receipt/layout';
import { sampleRefundSlip } from '../../unit/receipt/sample-refund-slip';
import { attemptsOf, enqueuePrint, jobOf, queueFixture, T0, type QueueFixture } from './queue-fixture';

let q: QueueFixture | undefined;
afterEach(async () => {
  await q?.close();
  q = undefined;
});

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
  throw new Error('expected an AppError');
}

const pickup: ReceiptDocument = {
  paper: 80,
  locale: 'zh-CN',
  blocks: [
    { kind: 'text', text: '取机单 J-20261123-0003', align: 'center' },
    { kind: 'text', text: '保修 90 天' },
  ],
};

function queueSlip(fx: QueueFixture, extra: { openDrawer?: boolean; copies?: number } = {}): number {
  // As a service does it: inside its own transaction.
  return fx.db.transaction(() =>
    enqueuePrint(
      fx.db,
      { kind: 'return_slip', docRef: 'R-20261123-0007', layout: sampleRefundSlip(80), staffId: 1, ...extra },
      fx.now(),
    ),
  )();
}

const count = (lines: string[], re: RegExp): number => lines.filter((l) => re.test(l)).length;

describe('print queue', () => {
  it('prints a queued refund slip exactly once; the paper carries the slip text; the attempt is recorded', async () => {
    q = await queueFixture();
    const id = queueSlip(q);
    expect(jobOf(q.db, id)).toMatchObject({ status: 'queued', attempts: 0, next_attempt_at: T0 });

    expect(await q.worker.runDue()).toBe(1);
    expect(jobOf(q.db, id)).toMatchObject({ status: 'done', attempts: 1, printed_at: T0, last_error: null });
    expect(attemptsOf(q.db, id)).toEqual([{ outcome: 'done', error: null }]);

    const paper = q.sim.screen();
    // Store copy + customer copy of journey 1's slip, each once.
    expect(count(paper, /退货单/)).toBe(2);
    expect(count(paper, /\*\*\* 门店联 \*\*\*/)).toBe(1);
    expect(count(paper, /\*\*\* 顾客联 \*\*\*/)).toBe(1);
    expect(count(paper, /退款合计\s+￥359\.10\s*$/)).toBe(2);
    expect(count(paper, /JBL Flip 6 蓝牙音箱/)).toBe(2);
    expect(paper.filter((l) => l === '[QR R-20261123-0007]')).toHaveLength(2);
    expect(paper.filter((l) => l === '[CUT partial]')).toHaveLength(2);

    // Nothing more to do: a second run prints nothing again.
    const printedBefore = q.sim.printed.length;
    expect(await q.worker.runDue()).toBe(0);
    expect(q.sim.printed.length).toBe(printedBefore);
    expect(q.changes.map((c) => c.status)).toEqual(['printing', 'done']);
  });

  it('queues a slip only when the service transaction commits', async () => {
    q = await queueFixture();
    const fx = q;
    expect(() =>
      fx.db.transaction(() => {
        queueSlip(fx);
        throw new Error('refund refused after all');
      })(),
    ).toThrow('refund refused');
    expect(listPrintJobs(fx.client)).toEqual([]);
    expect(await fx.worker.runDue()).toBe(0);
    expect(fx.sim.bytes.length).toBe(0);
  });

  it('paper out: the job stays queued with PRINTER_PAPER_OUT and prints after the backoff once paper is back', async () => {
    q = await queueFixture();
    q.sim.setCondition({ paperOut: true });
    const id = queueSlip(q);

    expect(await q.worker.runDue()).toBe(1);
    expect(jobOf(q.db, id)).toMatchObject({
      status: 'queued',
      attempts: 1,
      last_error: 'PRINTER_PAPER_OUT',
      next_attempt_at: T0 + 5_000,
    });
    expect(attemptsOf(q.db, id)).toEqual([{ outcome: 'failed', error: 'PRINTER_PAPER_OUT@before' }]);
    // Only the four DLE EOT status queries (3 bytes each) went to the printer: no slip bytes.
    expect(q.sim.bytes.length).toBe(12);
    expect(q.changes.at(-1)).toMatchObject({
      jobId: id,
      status: 'queued',
      nextAttemptAt: T0 + 5_000,
      error: { code: 'PRINTER_PAPER_OUT', messageKey: 'errors.PRINTER_PAPER_OUT' },
    });

    q.advance(4_999);
    expect(await q.worker.runDue()).toBe(0);

    q.advance(1); // still no paper: second failure, 15 s
    expect(await q.worker.runDue()).toBe(1);
    expect(jobOf(q.db, id)).toMatchObject({ status: 'queued', next_attempt_at: T0 + 5_000 + 15_000 });

    q.sim.setCondition({ paperOut: false });
    q.advance(14_999);
    expect(await q.worker.runDue()).toBe(0);
    q.advance(1);
    expect(await q.worker.runDue()).toBe(1);
    expect(jobOf(q.db, id)).toMatchObject({ status: 'done', attempts: 3, last_error: null });
    expect(attemptsOf(q.db, id).map((a) => a.outcome)).toEqual(['failed', 'failed', 'done']);
    expect(count(q.sim.screen(), /退款合计\s+￥359\.10/)).toBe(2);
  });

  it('backs off 5 s, 15 s, 45 s, 135 s, then every 5 minutes while the cover stays open', async () => {
    expect([1, 2, 3, 4, 5, 6, 50].map(printBackoffMs)).toEqual([
      5_000, 15_000, 45_000, 135_000, 300_000, 300_000, 300_000,
    ]);
    q = await queueFixture();
    q.sim.setCondition({ coverOpen: true });
    const id = queueSlip(q);
    const gaps: number[] = [];
    for (let i = 0; i < 6; i++) {
      expect(await q.worker.runDue()).toBe(1);
      const next = jobOf(q.db, id).next_attempt_at;
      gaps.push(next - q.now());
      q.advance(next - q.now());
    }
    expect(gaps).toEqual([5_000, 15_000, 45_000, 135_000, 300_000, 300_000]);
    expect(jobOf(q.db, id)).toMatchObject({ status: 'queued', last_error: 'PRINTER_COVER_OPEN' });
  });

  it('offline printer and no printer for the role: the job waits, then prints', async () => {
    q = await queueFixture();
    q.setPrinterPresent(false);
    const id = queueSlip(q);
    await q.worker.runDue();
    expect(jobOf(q.db, id)).toMatchObject({ status: 'queued', last_error: 'PRINT_NO_PRINTER' });
    expect(attemptsOf(q.db, id)).toEqual([{ outcome: 'failed', error: 'PRINT_NO_PRINTER@connect' }]);

    q.setPrinterPresent(true);
    q.sim.setCondition({ offline: true });
    q.advance(5_000);
    await q.worker.runDue();
    expect(jobOf(q.db, id)).toMatchObject({ status: 'queued', last_error: 'PRINTER_OFFLINE' });

    q.sim.setCondition({ offline: false });
    q.advance(15_000);
    await q.worker.runDue();
    expect(jobOf(q.db, id).status).toBe('done');
  });

  it('the printer vanishing mid-job fails the job without an automatic retry; a clerk retry prints it', async () => {
    q = await queueFixture({ writeChunkBytes: 64 });
    const fx = q;
    let received = 0;
    const off = fx.printerEnd.onData((chunk) => {
      received += chunk.length;
      if (received > 300) {
        off();
        fx.printerEnd.unplug();
      }
    });
    const id = queueSlip(fx);
    await fx.worker.runDue();
    expect(jobOf(fx.db, id)).toMatchObject({ status: 'failed', last_error: 'PRINTER_WRITE_FAILED' });
    expect(attemptsOf(fx.db, id)).toEqual([{ outcome: 'failed', error: 'PRINTER_WRITE_FAILED@during' }]);
    fx.advance(3_600_000);
    expect(await fx.worker.runDue()).toBe(0); // a person decides: it may be half printed

    fx.printerEnd.plug();
    await fx.printerEnd.open();
    fx.sim.clearPaper();
    expect(retryPrintJob(fx.client, id, fx.now()).status).toBe('queued');
    await fx.worker.runDue();
    expect(jobOf(fx.db, id).status).toBe('done');
    expect(count(fx.sim.screen(), /退款合计\s+￥359\.10/)).toBe(2);
  });

  it('prints every copy with a cut and kicks the drawer once, first', async () => {
    q = await queueFixture();
    const id = enqueuePrint(q.db, { kind: 'pickup', layout: pickup, copies: 2, openDrawer: true }, T0);
    await q.worker.runDue();
    expect(jobOf(q.db, id).status).toBe('done');
    const kinds = q.sim.printed.map((i) => i.kind).filter((k) => k !== 'init');
    expect(kinds[0]).toBe('drawer-kick');
    expect(kinds.filter((k) => k === 'drawer-kick')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'cut')).toHaveLength(2);
    expect(count(q.sim.screen(), /取机单 J-20261123-0003/)).toBe(2);
    expect(q.sim.condition.drawerOpen).toBe(true);
  });

  it('lays the job out on the store receipt width (58 mm = 32 columns)', async () => {
    q = await queueFixture({ columns: 32 });
    writeSettings(q.f.core.ctx.db, q.f.core.ctx.storeId, { receiptWidth: 58 }, T0);
    queueSlip(q);
    await q.worker.runDue();
    const paper = q.sim.screen();
    expect(paper).toContain('='.repeat(32));
    expect(paper).not.toContain('='.repeat(48));
    expect(count(paper, /退款合计\s+￥359\.10/)).toBe(2);
  });

  it('a damaged stored layout fails with RECEIPT_INVALID and sends nothing', async () => {
    q = await queueFixture();
    const id = queueSlip(q);
    q.db
      .prepare('UPDATE print_jobs SET layout = ? WHERE id = ?')
      .run('{"paper":80,"blocks":[{"kind":"qr"}]}', id);
    const other = queueSlip(q);
    q.db.prepare('UPDATE print_jobs SET layout = ? WHERE id = ?').run('not json', other);
    await q.worker.runDue();
    expect(jobOf(q.db, id)).toMatchObject({ status: 'failed', last_error: 'RECEIPT_INVALID' });
    expect(jobOf(q.db, other)).toMatchObject({ status: 'failed', last_error: 'RECEIPT_INVALID' });
    expect(q.sim.bytes.length).toBe(0);
  });

  it('refuses bad jobs at enqueue time', async () => {
    q = await queueFixture();
    const fx = q;
    expect(
      codeOf(() => enqueuePrint(fx.db, { kind: 'return_slip', layout: { paper: 57 } as never }, T0)),
    ).toBe('RECEIPT_INVALID');
    expect(codeOf(() => enqueuePrint(fx.db, { kind: 'return_slip', layout: pickup, copies: 0 }, T0))).toBe(
      'PRINT_JOB_INVALID',
    );
    expect(codeOf(() => enqueuePrint(fx.db, { kind: 'Return Slip', layout: pickup }, T0))).toBe(
      'PRINT_JOB_INVALID',
    );
    expect(codeOf(() => enqueuePrint(fx.db, { kind: 'pickup', layout: pickup, role: '../lp0' }, T0))).toBe(
      'PRINT_JOB_INVALID',
    );
    expect(listPrintJobs(fx.client)).toEqual([]);
  });

  it('cancel and reprint: allowed states, the new job, no drawer kick on a reprint, audited', async () => {
    q = await queueFixture();
    const fx = q;
    const by = { storeId: fx.f.core.ctx.storeId, staffId: 4 };
    const a = enqueuePrint(fx.db, { kind: 'pickup', layout: pickup, openDrawer: true, docRef: 'J-1' }, T0);
    const b = enqueuePrint(fx.db, { kind: 'pickup', layout: pickup, docRef: 'J-2' }, T0);
    expect(cancelPrintJob(fx.client, b, by, T0).status).toBe('cancelled');
    await fx.worker.runDue();
    expect(jobOf(fx.db, a).status).toBe('done');
    expect(jobOf(fx.db, b).status).toBe('cancelled');
    expect(count(fx.sim.screen(), /取机单/)).toBe(1);

    expect(codeOf(() => cancelPrintJob(fx.client, a, by, T0))).toBe('PRINT_JOB_NOT_CANCELLABLE');
    expect(codeOf(() => retryPrintJob(fx.client, a, T0))).toBe('PRINT_JOB_NOT_RETRYABLE');
    expect(codeOf(() => cancelPrintJob(fx.client, 999, by, T0))).toBe('PRINT_JOB_NOT_FOUND');

    fx.sim.clearPaper();
    fx.advance(60_000);
    const again = reprintPrintJob(fx.client, a, { ...by, copies: 1 }, fx.now());
    expect(again).toMatchObject({
      reprintOf: a,
      openDrawer: false,
      status: 'queued',
      docRef: 'J-1',
      staffId: 4,
    });
    expect(codeOf(() => reprintPrintJob(fx.client, again.id, by, fx.now()))).toBe(
      'PRINT_JOB_NOT_REPRINTABLE',
    );
    await fx.worker.runDue();
    expect(jobOf(fx.db, again.id).status).toBe('done');
    expect(fx.sim.printed.filter((i) => i.kind === 'drawer-kick')).toHaveLength(0);
    expect(count(fx.sim.screen(), /取机单/)).toBe(1);
    // A cancelled job can be printed again as a new job, too.
    expect(reprintPrintJob(fx.client, b, by, fx.now()).reprintOf).toBe(b);

    const audit = fx.db
      .prepare(
        `SELECT action, entity_id AS entityId, staff_id AS staffId FROM audit_log WHERE action LIKE 'print.%' ORDER BY id`,
      )
      .all();
    expect(audit).toEqual([
      { action: 'print.cancelled', entityId: String(b), staffId: 4 },
      { action: 'print.reprinted', entityId: String(again.id), staffId: 4 },
      { action: 'print.reprinted', entityId: String(again.id + 1), staffId: 4 },
    ]);
    expect(verifyAudit(fx.db).ok).toBe(true);
  });

  it('lists jobs newest first with filters and pages back with beforeId', async () => {
    q = await queueFixture({ start: false });
    const ids: number[] = [];
    for (let i = 0; i < 5; i++)
      ids.push(
        enqueuePrint(
          q.db,
          { kind: i % 2 ? 'pickup' : 'return_slip', docRef: `D-${i}`, layout: pickup },
          T0 + i,
        ),
      );
    cancelPrintJob(q.client, ids[1] as number, { storeId: q.f.core.ctx.storeId, staffId: null }, T0);
    expect(listPrintJobs(q.client).map((j) => j.id)).toEqual([...ids].reverse());
    expect(listPrintJobs(q.client, { kind: 'pickup' }).map((j) => j.docRef)).toEqual(['D-3', 'D-1']);
    expect(listPrintJobs(q.client, { status: ['cancelled'] }).map((j) => j.docRef)).toEqual(['D-1']);
    expect(listPrintJobs(q.client, { docRef: 'D-4' })).toHaveLength(1);
    expect(listPrintJobs(q.client, { since: T0 + 3 }).map((j) => j.docRef)).toEqual(['D-4', 'D-3']);
    const page1 = listPrintJobs(q.client, { limit: 2 });
    const page2 = listPrintJobs(q.client, { limit: 2, beforeId: page1.at(-1)?.id });
    expect([...page1, ...page2].map((j) => j.docRef)).toEqual(['D-4', 'D-3', 'D-2', 'D-1']);
    expect(listPrintJobs(q.client, { docRef: 'D-1', withAttempts: true })[0]?.attemptLog).toEqual([]);
  });
});
