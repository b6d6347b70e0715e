/**
 * Runs report queries off the main thread: a worker (report-worker.ts) with its own read-only
 * connection, started on first use, so a month of KPIs never blocks the counter's event loop.
 * Where a worker cannot start (a bundle without the worker file), the same queries run in-process
 * on the main connection — slower for the UI, same numbers — and the reason is logged once.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AppError, type AppErrorValue } from '../../../shared/contract/errors';
import type { CoreContext } from '../../context';
import { dbPath } from '../../data-dir';
import { runReportTask, type ReportTask } from './report-task';

interface Pending {
  task: ReportTask;
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
}

export class ReportRunner {
  private worker: Worker | null = null;
  private broken: string | null = null;
  private next = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly ctx: CoreContext) {}

  /** Where the last task ran: 'worker' or 'in-process' (with why). */
  get mode(): string {
    return this.broken ? `in-process (${this.broken})` : 'worker';
  }

  /** Computes `task`; resolves with its value. */
  run<T>(task: ReportTask): Promise<T> {
    const w = this.ensureWorker();
    if (!w) return Promise.resolve(runReportTask(this.ctx.db, this.ctx.storeId, task) as T);
    const id = this.next++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { task, resolve: resolve as (v: unknown) => void, reject });
      w.postMessage({ id, task });
    });
  }

  /** Stops the worker (core close). */
  close(): void {
    void this.worker?.terminate();
    this.worker = null;
  }

  private ensureWorker(): Worker | null {
    if (this.worker) return this.worker;
    if (this.broken) return null;
    const ts = new URL('./report-worker.ts', import.meta.url);
    const js = new URL('./report-worker.js', import.meta.url);
    const workerData = { dbFile: dbPath(this.ctx.dataDir), storeId: this.ctx.storeId };
    try {
      let w: Worker;
      if (js.protocol === 'file:' && existsSync(fileURLToPath(js))) {
        w = new Worker(js, { workerData });
      } else if (ts.protocol === 'file:' && existsSync(fileURLToPath(ts))) {
        // Sources run through tsx (web host, CLI, tests): register its loader inside the worker first.
        const boot = `import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(ts.href)}); })`;
        w = new Worker(boot, { eval: true, workerData });
      } else {
        this.broken = 'worker file not found';
        return null;
      }
      w.unref();
      w.on('message', (m: { id: number; ok: boolean; value?: unknown; error?: AppErrorValue }) => {
        const p = this.pending.get(m.id);
        if (!p) return;
        this.pending.delete(m.id);
        if (m.ok) p.resolve(m.value);
        else p.reject(new AppError(m.error?.code ?? 'INTERNAL', m.error?.details ?? {}));
      });
      w.on('error', (e) => this.fail(e instanceof Error ? e.message : String(e)));
      w.on('exit', (code) => code !== 0 && this.fail(`worker exited with ${code}`));
      this.worker = w;
      return w;
    } catch (e) {
      this.broken = e instanceof Error ? e.message : String(e);
      return null;
    }
  }

  /** The worker died: finish what it had in-process and stop using it. */
  private fail(reason: string): void {
    this.broken = reason;
    this.worker = null;
    for (const [id, p] of this.pending) {
      this.pending.delete(id);
      try {
        p.resolve(runReportTask(this.ctx.db, this.ctx.storeId, p.task));
      } catch (e) {
        p.reject(e);
      }
    }
  }
}
