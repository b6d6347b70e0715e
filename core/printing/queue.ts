/**
 * The durable print queue's state machine (tables `print_jobs` and `print_attempts`, through
 * db/repositories/print-jobs). The worker (worker.ts) claims due jobs: an attempt row 'started' is
 * committed BEFORE any byte goes to the printer, so a crash mid-job leaves a visible unfinished
 * attempt; at startup such jobs go back to 'queued'.
 *
 * Job status: queued → printing → done | queued (retry after backoff) | failed; queued/failed →
 * cancelled. An attempt's `error` column holds `CODE@phase` (e.g. `PRINTER_PAPER_OUT@before`).
 */
import type { DbClient } from '../../db/client';
import { finishAttempt, insertAttempt, interruptAttempts } from '../../db/repositories/print-jobs/attempts';
import { findPrintJob, printingJobIds } from '../../db/repositories/print-jobs/jobs';
import {
  requeueInterruptedJob,
  setJobDone,
  setJobFailed,
  setJobPrinting,
  setJobRetry,
} from '../../db/repositories/print-jobs/job-state';
import type { ReceiptDocument } from '../../shared/domain/receipt/layout';
import { parseLayout } from './job-view';

export type AttemptPhase = 'connect' | 'before' | 'during' | 'after';

/** Backoff after the n-th failed attempt: 5 s, 15 s, 45 s, 135 s, then 5 min. */
export function printBackoffMs(failedAttempts: number): number {
  const n = Math.max(1, Math.floor(failedAttempts));
  return Math.min(300_000, 5_000 * 3 ** Math.min(n - 1, 10));
}

/** A job as the worker needs it. */
export interface QueuedJob {
  id: number;
  kind: string;
  docRef: string | null;
  role: string;
  /** Null when the stored layout is damaged (the worker fails the job with RECEIPT_INVALID). */
  layout: ReceiptDocument | null;
  copies: number;
  openDrawer: boolean;
  attempts: number;
}

/**
 * Claims a due job for printing and records the attempt, in one transaction, before any byte is
 * sent. Returns undefined when the job is no longer queued and due (cancelled, claimed, moved).
 */
export function claimPrintJob(
  db: DbClient,
  jobId: number,
  now: number,
  device: string | null,
): { job: QueuedJob; attemptId: number } | undefined {
  return db.transaction(() => {
    const row = findPrintJob(db, jobId);
    if (!row || row.status !== 'queued' || row.nextAttemptAt > now) return undefined;
    setJobPrinting(db, jobId);
    const attemptId = insertAttempt(db, jobId, now, device);
    let layout: ReceiptDocument | null = null;
    try {
      layout = parseLayout(row.layout, jobId);
    } catch {
      layout = null;
    }
    return {
      job: {
        id: row.id,
        kind: row.kind,
        docRef: row.docRef,
        role: row.role,
        layout,
        copies: row.copies,
        openDrawer: row.openDrawer,
        attempts: row.attempts + 1,
      },
      attemptId,
    };
  });
}

/** Marks the attempt and its job done. */
export function markPrinted(db: DbClient, jobId: number, attemptId: number, now: number): void {
  db.transaction(() => {
    finishAttempt(db, attemptId, now, 'done', null);
    setJobDone(db, jobId, now);
  });
}

/**
 * Records a failed attempt. With `retryAt` the job goes back to 'queued' for then (nothing was
 * printed); without it the job is 'failed' (it may have printed partly: a person decides).
 */
export function markFailed(
  db: DbClient,
  jobId: number,
  attemptId: number,
  now: number,
  failure: { code: string; phase: AttemptPhase | null },
  retryAt: number | null,
): void {
  db.transaction(() => {
    finishAttempt(
      db,
      attemptId,
      now,
      'failed',
      failure.phase ? `${failure.code}@${failure.phase}` : failure.code,
    );
    if (retryAt === null) setJobFailed(db, jobId, failure.code);
    else setJobRetry(db, jobId, failure.code, retryAt);
  });
}

/**
 * After a crash: jobs left 'printing' go back to 'queued' (due now) and their unfinished
 * attempts are marked 'interrupted' (kept, so the history shows the slip may have printed).
 * Returns the requeued job ids.
 */
export function recoverInterruptedJobs(db: DbClient, now: number): number[] {
  return db.transaction(() => {
    const ids = printingJobIds(db);
    for (const id of ids) {
      interruptAttempts(db, id, now);
      requeueInterruptedJob(db, id, now);
    }
    return ids;
  });
}
