/**
 * A crash in the middle of a print job: a worker in a child process claims the job (attempt
 * 'started' committed), sends its status query to a TCP printer that never answers, and is killed
 * with SIGKILL. On the next start the job is requeued, the unfinished attempt stays in the history
 * as 'interrupted', and the slip prints once.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type Socket } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { getPrintJob } from '../../../core/printing/job-view';
import { sampleRefundSlip } from '../../unit/receipt/sample-refund-slip';
import { waitFor } from '../../helpers/wait-for';
import { attemptsOf, enqueuePrint, jobOf, queueFixture, type QueueFixture } from './queue-fixture';

const ROOT = join(__dirname, '..', '..', '..');
const CHILD = join(__dirname, 'fixtures', 'crash-worker-child.ts');

let q: QueueFixture | undefined;
const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
  await q?.close();
  q = undefined;
});

describe('print queue after a crash', () => {
  it('requeues a job a killed worker left printing; the attempt stays recorded; it prints once', async () => {
    q = await queueFixture({ start: false });
    const fx = q;
    const id = enqueuePrint(
      fx.db,
      { kind: 'return_slip', docRef: 'R-20261123-0007', layout: sampleRefundSlip(80) },
      fx.now(),
    );

    // A network printer that accepts the connection and then never answers.
    let received = 0;
    const sockets = new Set<Socket>();
    const server = createServer((s) => {
      sockets.add(s);
      s.on('data', (chunk) => {
        received += chunk.length;
      });
      s.on('error', () => undefined);
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    cleanups.push(async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    });
    const port = (server.address() as { port: number }).port;

    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, fx.f.core.ctx.db.path, String(port)], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (t: string) => (stderr += t));
    const exited = once(child, 'exit');
    cleanups.push(() => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    });

    // Mid-job: the attempt is committed and the printer has the four DLE EOT queries (12 bytes).
    await waitFor(
      () => attemptsOf(fx.db, id).length === 1 && received >= 12,
      `the child to claim the job and query the printer (stderr: ${stderr})`,
      15_000,
    );
    expect(jobOf(fx.db, id).status).toBe('printing');
    child.kill('SIGKILL');
    const [, signal] = await exited;
    expect(signal).toBe('SIGKILL');

    // What the crash left behind.
    expect(jobOf(fx.db, id)).toMatchObject({ status: 'printing', attempts: 1 });
    expect(attemptsOf(fx.db, id)).toEqual([{ outcome: 'started', error: null }]);

    // Restart: recovery, then the job prints on the (working) printer.
    expect(fx.worker.start()).toEqual([id]);
    expect(jobOf(fx.db, id)).toMatchObject({ status: 'queued', last_error: 'PRINT_INTERRUPTED' });
    expect(fx.changes[0]).toMatchObject({
      jobId: id,
      status: 'queued',
      error: { code: 'PRINT_INTERRUPTED' },
    });
    expect(await fx.worker.runDue()).toBe(1);
    const job = getPrintJob(fx.client, id);
    expect(job).toMatchObject({ status: 'done', attempts: 2 });
    expect(job.attemptLog?.map((a) => [a.outcome, a.error?.code ?? null, a.device])).toEqual([
      ['interrupted', 'PRINT_INTERRUPTED', `tcp:127.0.0.1:${port}`],
      ['done', null, 'memory:host'],
    ]);
    expect(job.attemptLog?.[0]?.finishedAt).not.toBeNull();
    expect(fx.sim.screen().filter((l) => /退款合计\s+￥359\.10/.test(l))).toHaveLength(2);

    // A later restart finds nothing to recover.
    await fx.worker.stop();
    expect(fx.worker.start()).toEqual([]);
  });
});
