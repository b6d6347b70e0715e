/**
 * The only writer of print jobs. A job is checked (job-request.ts), marked the one way when it is a
 * reprint (reprint-mark.ts) and serialised by `preparePrintJob`; `enqueuePrintJob` inserts it
 * INSIDE the caller's transaction, so a committed refund always has its slip queued and a
 * rolled-back one never prints. A hot path (the return commit) prepares its job before taking the
 * write lock and enqueues the prepared job inside. After the commit the caller hands the job ids to
 * `announcePrintJobs`, which publishes `print.job` ('queued') and wakes the queue's worker, so the
 * paper does not wait for the poll interval.
 */
import type { DbClient } from '../../db/client';
import { findPrintJob, insertPrintJob } from '../../db/repositories/print-jobs/jobs';
import type { ReceiptDocument } from '../../shared/domain/receipt/layout';
import type { CoreContext } from '../context';
import { validateJob, type PrintJobRequest, type ValidJob } from './job-request';
import type { PrintKind } from './kinds';
import { markReprint } from './reprint-mark';

/** A job that passed the checks, with its document as it will print and that document's JSON. */
export class PreparedPrintJob {
  private constructor(
    readonly job: ValidJob,
    readonly layoutJson: string,
  ) {}

  /** Checks `request` (throws PRINT_JOB_INVALID / RECEIPT_INVALID) and lays it out for the queue. */
  static of(request: PrintJobRequest): PreparedPrintJob {
    const job = validateJob(request);
    const document = job.reprint ? markReprint(job.document) : job.document;
    return new PreparedPrintJob({ ...job, document }, JSON.stringify(document));
  }
}

/** A job written to the queue: its id and the document as it will print. */
export interface QueuedPrint {
  id: number;
  kind: PrintKind;
  docRef: string | null;
  document: ReceiptDocument;
}

/** Checks a job before its transaction (see PreparedPrintJob). */
export function preparePrintJob(request: PrintJobRequest): PreparedPrintJob {
  return PreparedPrintJob.of(request);
}

/** Checks and queues one job in the caller's transaction (throws before writing anything). */
export function enqueuePrintJob(
  db: DbClient,
  request: PrintJobRequest | PreparedPrintJob,
  now: number,
): QueuedPrint {
  const { job, layoutJson } = request instanceof PreparedPrintJob ? request : PreparedPrintJob.of(request);
  const id = insertPrintJob(db, {
    createdAt: now,
    kind: job.kind,
    docRef: job.docRef,
    role: job.role,
    layout: layoutJson,
    copies: job.copies,
    openDrawer: job.openDrawer,
    reprintOf: job.reprintOf,
    staffId: job.staffId,
  });
  return { id, kind: job.kind, docRef: job.docRef, document: job.document };
}

/** After the commit that queued them: `print.job` 'queued' for each job, then one kick of the worker. */
export function announcePrintJobs(core: CoreContext, jobIds: readonly number[]): void {
  if (jobIds.length === 0) return;
  const devices = core.services.devices;
  for (const jobId of jobIds) {
    const row = findPrintJob(core.db, jobId);
    if (!row) continue;
    devices.emitJob({
      jobId,
      status: row.status,
      kind: row.kind,
      docRef: row.docRef,
      attempts: row.attempts,
      nextAttemptAt: row.nextAttemptAt,
    });
  }
  devices.kickPrintQueue();
}

/** Queues one job in its own transaction and announces it (a print that is not part of another change). */
export function printNow(core: CoreContext, request: PrintJobRequest, now: number): QueuedPrint {
  const queued = core.db.transaction(() => enqueuePrintJob(core.db, request, now));
  announcePrintJobs(core, [queued.id]);
  return queued;
}
