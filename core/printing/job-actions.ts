/**
 * What a person does with a job on the queue screen (print.retry / print.cancel / print.reprint):
 * each checks the caller may see the job and its state, and changes it in one transaction, audited.
 * The handlers announce the change and kick the worker after the commit.
 */
import { appendAudit } from '../../db/audit/chain';
import type { DbClient } from '../../db/client';
import { requeueJob, setJobCancelled } from '../../db/repositories/print-jobs/job-state';
import { AppError } from '../../shared/contract/errors';
import type { PrintJobView } from '../../shared/contract/methods/devices';
import { enqueuePrintJob } from './enqueue';
import { getPrintJob, parseLayout, requireJob, requireVisibleJob, type JobViewer } from './job-view';
import { isPrintKind } from './kinds';

/** Checks the viewer may see the job (FORBIDDEN otherwise), else just that it exists. */
function jobFor(db: DbClient, jobId: number, viewer: JobViewer | undefined) {
  return viewer ? requireVisibleJob(db, jobId, viewer) : requireJob(db, jobId);
}

/** Makes a queued or failed job due now, audited. AppError PRINT_JOB_NOT_RETRYABLE otherwise. */
export function retryPrintJob(
  db: DbClient,
  jobId: number,
  now: number,
  by?: { storeId: number; staffId: number | null; viewer?: JobViewer },
): PrintJobView {
  return db.transaction(() => {
    const row = jobFor(db, jobId, by?.viewer);
    if (row.status !== 'queued' && row.status !== 'failed')
      throw new AppError('PRINT_JOB_NOT_RETRYABLE', { jobId, status: row.status });
    requeueJob(db, jobId, now);
    if (by) {
      appendAudit(db, {
        at: now,
        storeId: by.storeId,
        staffId: by.staffId,
        action: 'print.retried',
        entityType: 'print_job',
        entityId: String(jobId),
        data: { kind: row.kind, docRef: row.docRef, previousStatus: row.status, attempts: row.attempts },
      });
    }
    return getPrintJob(db, jobId);
  });
}

/** Cancels a queued or failed job, audited. AppError PRINT_JOB_NOT_CANCELLABLE when printing/done/cancelled. */
export function cancelPrintJob(
  db: DbClient,
  jobId: number,
  by: { storeId: number; staffId: number | null; viewer?: JobViewer },
  now: number,
): PrintJobView {
  return db.transaction(() => {
    const row = jobFor(db, jobId, by.viewer);
    if (row.status !== 'queued' && row.status !== 'failed')
      throw new AppError('PRINT_JOB_NOT_CANCELLABLE', { jobId, status: row.status });
    setJobCancelled(db, jobId);
    appendAudit(db, {
      at: now,
      storeId: by.storeId,
      staffId: by.staffId,
      action: 'print.cancelled',
      entityType: 'print_job',
      entityId: String(jobId),
      data: { kind: row.kind, docRef: row.docRef, previousStatus: row.status, attempts: row.attempts },
    });
    return getPrintJob(db, jobId);
  });
}

/**
 * Queues a job's document again as a reprint (`reprint_of` = the original, marked on paper, no
 * drawer kick), audited. Any job can be reprinted except one still queued or printing
 * (PRINT_JOB_NOT_REPRINTABLE).
 */
export function reprintPrintJob(
  db: DbClient,
  jobId: number,
  by: { storeId: number; staffId: number | null; copies?: number; viewer?: JobViewer },
  now: number,
): PrintJobView {
  return db.transaction(() => {
    const row = jobFor(db, jobId, by.viewer);
    if (row.status === 'queued' || row.status === 'printing')
      throw new AppError('PRINT_JOB_NOT_REPRINTABLE', { jobId, status: row.status });
    if (!isPrintKind(row.kind)) throw new AppError('PRINT_JOB_INVALID', { field: 'kind' });
    const { id } = enqueuePrintJob(
      db,
      {
        kind: row.kind,
        docRef: row.docRef,
        role: row.role,
        document: parseLayout(row.layout, jobId),
        copies: by.copies ?? 1,
        staffId: by.staffId,
        reprint: { of: jobId },
      },
      now,
    );
    appendAudit(db, {
      at: now,
      storeId: by.storeId,
      staffId: by.staffId,
      action: 'print.reprinted',
      entityType: 'print_job',
      entityId: String(id),
      data: { reprintOf: jobId, kind: row.kind, docRef: row.docRef, originalStatus: row.status },
    });
    return getPrintJob(db, id);
  });
}
