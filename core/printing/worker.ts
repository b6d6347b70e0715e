/**
 * The print queue worker: takes due jobs one at a time, records the attempt ('started') before
 * any byte is sent, encodes the layout for the store's paper width, and prints through the
 * printer driver (which checks the printer's status before and after the job). Outcomes:
 *
 * - printed → job 'done';
 * - refused before anything printed (offline, paper out, cover open, no reply, cannot connect,
 *   no printer for the role) → back to 'queued', retried after 5 s, 15 s, 45 s, … ≤ 5 min;
 * - failed during/after the job (it may have printed partly) or a broken layout → 'failed':
 *   a person decides (retry, reprint or cancel).
 *
 * `start()` first requeues jobs a crash left 'printing'. After `stop()`/`halt()` the worker never
 * touches the database again, even if a printer call it was waiting on finishes later.
 */
import type { DbClient } from '../../db/client';
import { dueJobIds, findPrintJob } from '../../db/repositories/print-jobs/jobs';
import { AppError, isAppError } from '../../shared/contract/errors';
import type { PrintJobStatus } from '../../shared/contract/methods/devices';
import type { PaperWidth } from '../../shared/domain/receipt/layout';
import { encodeJob } from './job-bytes';
import {
  claimPrintJob,
  markFailed,
  markPrinted,
  printBackoffMs,
  recoverInterruptedJobs,
  type AttemptPhase,
  type QueuedJob,
} from './queue';

/** Where a job's bytes go: the printer for a role. */
export interface PrinterTarget {
  deviceId: number;
  /** Recorded with each attempt, e.g. `tcp:10.0.0.5:9100`. */
  label: string;
  /** Prints one job (status before and after); rejects with the driver's AppError. */
  print(bytes: Uint8Array): Promise<unknown>;
}

/** A job's change, as the `print.job` event carries it. */
export interface PrintJobChange {
  jobId: number;
  status: PrintJobStatus;
  kind: string;
  docRef: string | null;
  attempts: number;
  nextAttemptAt?: number;
  error?: { code: string; messageKey: string };
}

export interface PrintWorkerOptions {
  db: DbClient;
  now: () => number;
  /** The store's receipt paper width (settings.receiptWidth). */
  paperWidth: () => PaperWidth;
  printerFor: (role: string) => PrinterTarget | undefined;
  onJobChange?: (change: PrintJobChange) => void;
  /** After each attempt: the printer's outcome (null = printed), for device status. */
  onPrintOutcome?: (target: PrinterTarget, error: AppError | null) => void;
  /** Automatic loop interval (ms); 0 = no loop, call runDue() (tests with a fake clock). Default 1000. */
  pollMs?: number;
}

interface Failure {
  code: string;
  phase: AttemptPhase | null;
  retry: boolean;
}

/** Whether a printing error means "nothing printed, try again later" or "a person must look". */
export function classifyPrintFailure(e: unknown): Failure {
  if (!isAppError(e)) return { code: 'PRINT_FAILED', phase: null, retry: false };
  const raw = e.details.phase;
  const phase: AttemptPhase | null =
    raw === 'connect' || raw === 'before' || raw === 'during' || raw === 'after' ? raw : null;
  if (e.code === 'PRINT_NO_PRINTER') return { code: e.code, phase: 'connect', retry: true };
  if (phase === 'connect' || phase === 'before') return { code: e.code, phase, retry: true };
  return { code: e.code, phase, retry: false };
}

function messageKey(code: string): { code: string; messageKey: string } {
  return { code, messageKey: `errors.${code}` };
}

export class PrintWorker {
  private readonly opts: PrintWorkerOptions;
  private stopped = true;
  private running: Promise<number> | null = null;
  private rerun = false;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(options: PrintWorkerOptions) {
    this.opts = options;
  }

  /** Requeues jobs a crash left 'printing' (returns their ids) and starts the loop. */
  start(): number[] {
    this.stopped = false;
    const now = this.opts.now();
    const recovered = recoverInterruptedJobs(this.opts.db, now);
    for (const id of recovered) this.emitRow(id);
    this.schedule(0);
    return recovered;
  }

  /** Stops at once: no more database writes; a printer call in flight is abandoned. */
  halt(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Stops and waits for the job in flight (if any) to come back from the printer. */
  async stop(): Promise<void> {
    this.halt();
    await this.running?.catch(() => undefined);
  }

  /** Looks for due jobs now (after enqueue, retry, or a printer coming back). */
  kick(): void {
    if (this.stopped) return;
    this.schedule(0);
  }

  /** Prints every job due now, one at a time (nothing before start() or after stop()); resolves with the attempts made. */
  runDue(): Promise<number> {
    if (this.running) {
      this.rerun = true;
      return this.running;
    }
    const run = this.drain().finally(() => {
      this.running = null;
    });
    this.running = run;
    return run;
  }

  private schedule(delayMs: number): void {
    const poll = this.opts.pollMs ?? 1000;
    if (this.stopped || poll <= 0) return; // manual mode: the caller drives runDue()
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.runDue().finally(() => this.schedule(poll));
    }, delayMs);
    this.timer.unref?.();
  }

  private async drain(): Promise<number> {
    let attempts = 0;
    do {
      this.rerun = false;
      for (;;) {
        if (this.stopped) return attempts;
        const [next] = dueJobIds(this.opts.db, this.opts.now(), 1);
        if (next === undefined) break;
        await this.printOne(next);
        attempts++;
      }
    } while (this.rerun);
    return attempts;
  }

  private async printOne(jobId: number): Promise<void> {
    const { db } = this.opts;
    const claimedAt = this.opts.now();
    const stored = findPrintJob(db, jobId);
    const target = stored ? this.opts.printerFor(stored.role) : undefined;
    const claim = claimPrintJob(db, jobId, claimedAt, target?.label ?? null);
    if (!claim) return;
    const { job, attemptId } = claim;
    this.emit(job, 'printing');
    let bytes: Uint8Array;
    try {
      if (!job.layout) throw new AppError('RECEIPT_INVALID', { jobId });
      bytes = encodeJob(job.layout, {
        paper: this.opts.paperWidth(),
        copies: job.copies,
        openDrawer: job.openDrawer,
      });
    } catch (e) {
      const code = isAppError(e) ? e.code : 'RECEIPT_INVALID';
      this.fail(job, attemptId, { code, phase: null, retry: false });
      return;
    }
    if (!target) {
      this.fail(job, attemptId, { code: 'PRINT_NO_PRINTER', phase: 'connect', retry: true });
      return;
    }
    let error: unknown = null;
    try {
      await target.print(bytes);
    } catch (e) {
      error = e;
    }
    if (this.stopped) return; // halted mid-job: left 'printing', requeued at the next start
    this.opts.onPrintOutcome?.(target, error === null ? null : isAppError(error) ? error : null);
    if (error === null) {
      markPrinted(db, job.id, attemptId, this.opts.now());
      this.emit(job, 'done');
    } else {
      this.fail(job, attemptId, classifyPrintFailure(error));
    }
  }

  private fail(job: QueuedJob, attemptId: number, failure: Failure): void {
    const now = this.opts.now();
    const retryAt = failure.retry ? now + printBackoffMs(job.attempts) : null;
    markFailed(this.opts.db, job.id, attemptId, now, failure, retryAt);
    this.emit(job, retryAt === null ? 'failed' : 'queued', failure.code, retryAt ?? undefined);
  }

  private emit(job: QueuedJob, status: PrintJobStatus, code?: string, nextAttemptAt?: number): void {
    const change: PrintJobChange = {
      jobId: job.id,
      status,
      kind: job.kind,
      docRef: job.docRef,
      attempts: job.attempts,
      ...(nextAttemptAt !== undefined ? { nextAttemptAt } : {}),
      ...(code ? { error: messageKey(code) } : {}),
    };
    try {
      this.opts.onJobChange?.(change);
    } catch {
      // a broken listener must not stop the queue
    }
  }

  private emitRow(jobId: number): void {
    const row = findPrintJob(this.opts.db, jobId);
    if (!row) return;
    try {
      this.opts.onJobChange?.({
        jobId,
        status: 'queued',
        kind: row.kind,
        docRef: row.docRef,
        attempts: row.attempts,
        nextAttemptAt: row.nextAttemptAt,
        ...(row.lastError ? { error: messageKey(row.lastError) } : {}),
      });
    } catch {
      // ignore listener errors
    }
  }
}
