/** Lists and searches of repair jobs: the queue (status, technician, overdue) and find by number / phone / serial. */
import type { DbClient } from '../../../db/client';
import { queueRows, searchRows, type QueueFilter } from '../../../db/repositories/repairs/queries';
import type { StoreFacts } from '../../../db/repositories/store/store-facts';
import type { RepairJobSummary } from '../../../shared/contract/methods/repairs';
import { phoneRev } from '../../../db/repositories/customers/phone';
import { toSummaries } from './job-view';

export type QueueQuery = QueueFilter;

/** The queue, soonest promise first. Without statuses: open jobs (all jobs with includeClosed). */
export function listJobs(db: DbClient, store: StoreFacts, q: QueueQuery, now: number): RepairJobSummary[] {
  return toSummaries(queueRows(db, store.id, q, now), store, now);
}

/** Jobs by job number (whole, or its last digits), customer phone (or its last digits) or serial; newest first. */
export function findJobs(
  db: DbClient,
  store: StoreFacts,
  q: { jobId?: string; phone?: string; serial?: string; limit: number },
  now: number,
): RepairJobSummary[] {
  const rows = searchRows(db, store.id, {
    jobId: q.jobId,
    phoneRevPrefix: q.phone === undefined ? undefined : phoneRev(q.phone),
    serial: q.serial,
    limit: q.limit,
  });
  return toSummaries(rows, store, now);
}
