/** Lists and searches of repair jobs: the queue (status, technician, overdue) and find by number / phone / serial. */
import type { SqliteDb } from '../../../db/open';
import type { RepairJobSummary } from '../../../shared/contract/methods/repairs';
import { TERMINAL_STATUSES, WORK_STATUSES, type RepairStatus } from '../../../shared/domain/repairs/statuses';
import { likePrefix, phoneRev } from '../../../db/repositories/customers/phone';
import { SUMMARY_SELECT, toSummaries } from './job-view';
import type { StoreInfo } from './store-info';

export interface QueueQuery {
  statuses?: RepairStatus[];
  technicianId?: number;
  unassigned: boolean;
  overdue: boolean;
  includeClosed: boolean;
  limit: number;
}

const marks = (xs: readonly unknown[]): string => xs.map(() => '?').join(', ');

/** The queue, soonest promise first. Without statuses: open jobs (all jobs with includeClosed). */
export function listJobs(db: SqliteDb, store: StoreInfo, q: QueueQuery, now: number): RepairJobSummary[] {
  const where = ['j.store_id = ?'];
  const args: (string | number)[] = [store.id];
  if (q.statuses && q.statuses.length > 0) {
    where.push(`j.status IN (${marks(q.statuses)})`);
    args.push(...q.statuses);
  } else if (!q.includeClosed) {
    where.push(`j.status NOT IN (${marks(TERMINAL_STATUSES)})`);
    args.push(...TERMINAL_STATUSES);
  }
  if (q.technicianId !== undefined) {
    where.push('j.assigned_to = ?');
    args.push(q.technicianId);
  }
  if (q.unassigned) where.push('j.assigned_to IS NULL');
  if (q.overdue) {
    where.push(`j.status IN (${marks(WORK_STATUSES)}) AND j.promised_at < ?`);
    args.push(...WORK_STATUSES, now);
  }
  const rows = db
    .prepare(`${SUMMARY_SELECT} WHERE ${where.join(' AND ')} ORDER BY j.promised_at, j.id LIMIT ?`)
    .all(...args, q.limit);
  return toSummaries(rows, store, now);
}

/** Jobs by job number (whole, or its last digits), customer phone (or its last digits) or serial; newest first. */
export function findJobs(
  db: SqliteDb,
  store: StoreInfo,
  q: { jobId?: string; phone?: string; serial?: string; limit: number },
  now: number,
): RepairJobSummary[] {
  const where: string[] = [];
  const args: (string | number)[] = [];
  if (q.jobId !== undefined) {
    const id = q.jobId.trim().toUpperCase();
    where.push(`(j.id = ? OR j.id LIKE ? ESCAPE '\\')`);
    args.push(id, `%${id.replace(/[\\%_]/g, (m) => `\\${m}`)}`);
  }
  if (q.phone !== undefined) {
    where.push(`j.customer_id IN (SELECT id FROM customers WHERE phone_rev LIKE ? ESCAPE '\\' LIMIT 50)`);
    args.push(likePrefix(phoneRev(q.phone)));
  }
  if (q.serial !== undefined) {
    where.push('j.serial = ?');
    args.push(q.serial.trim());
  }
  const rows = db
    .prepare(
      `${SUMMARY_SELECT} WHERE j.store_id = ? AND (${where.join(' OR ')}) ORDER BY j.created_at DESC LIMIT ?`,
    )
    .all(store.id, ...args, q.limit);
  return toSummaries(rows, store, now);
}
