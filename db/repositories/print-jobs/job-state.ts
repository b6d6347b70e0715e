/**
 * The print queue's state changes on `print_jobs` (queued → printing → done | queued | failed;
 * queued/failed → cancelled). Each only changes the row; the caller (core/printing/queue.ts) holds
 * the transaction and checks the job's state first.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { DbClient } from '../../client';
import { printJobs } from '../../schema';
import { prepared } from '../statements';

/** queued → printing, one attempt more. */
export function setJobPrinting(db: DbClient, id: number): void {
  prepared(db, 'printJobs.setPrinting', (orm) =>
    orm
      .update(printJobs)
      .set({ status: 'printing', attempts: sql`${printJobs.attempts} + 1` })
      .where(eq(printJobs.id, sql.placeholder('id')))
      .prepare(),
  ).run({ id });
}

/** printing → done at `now`. */
export function setJobDone(db: DbClient, id: number, now: number): void {
  prepared(db, 'printJobs.setDone', (orm) =>
    orm
      .update(printJobs)
      .set({ status: 'done', printedAt: sql`${sql.placeholder('now')}`, lastError: null })
      .where(and(eq(printJobs.id, sql.placeholder('id')), eq(printJobs.status, 'printing')))
      .prepare(),
  ).run({ id, now });
}

/** printing → failed with `code` (a person decides). */
export function setJobFailed(db: DbClient, id: number, code: string): void {
  prepared(db, 'printJobs.setFailed', (orm) =>
    orm
      .update(printJobs)
      .set({ status: 'failed', lastError: sql`${sql.placeholder('code')}` })
      .where(and(eq(printJobs.id, sql.placeholder('id')), eq(printJobs.status, 'printing')))
      .prepare(),
  ).run({ id, code });
}

/** printing → queued again at `retryAt`, remembering `code`. */
export function setJobRetry(db: DbClient, id: number, code: string, retryAt: number): void {
  prepared(db, 'printJobs.setRetry', (orm) =>
    orm
      .update(printJobs)
      .set({
        status: 'queued',
        lastError: sql`${sql.placeholder('code')}`,
        nextAttemptAt: sql`${sql.placeholder('retryAt')}`,
      })
      .where(and(eq(printJobs.id, sql.placeholder('id')), eq(printJobs.status, 'printing')))
      .prepare(),
  ).run({ id, code, retryAt });
}

/** Any state → queued, due at `now` (`lastError` kept unless given). */
export function requeueJob(db: DbClient, id: number, now: number): void {
  prepared(db, 'printJobs.requeue', (orm) =>
    orm
      .update(printJobs)
      .set({ status: 'queued', nextAttemptAt: sql`${sql.placeholder('now')}` })
      .where(eq(printJobs.id, sql.placeholder('id')))
      .prepare(),
  ).run({ id, now });
}

/** A job a crash left printing → queued, due at `now`, last error PRINT_INTERRUPTED. */
export function requeueInterruptedJob(db: DbClient, id: number, now: number): void {
  prepared(db, 'printJobs.requeueInterrupted', (orm) =>
    orm
      .update(printJobs)
      .set({
        status: 'queued',
        nextAttemptAt: sql`${sql.placeholder('now')}`,
        lastError: 'PRINT_INTERRUPTED',
      })
      .where(eq(printJobs.id, sql.placeholder('id')))
      .prepare(),
  ).run({ id, now });
}

/** → cancelled. */
export function setJobCancelled(db: DbClient, id: number): void {
  prepared(db, 'printJobs.setCancelled', (orm) =>
    orm
      .update(printJobs)
      .set({ status: 'cancelled' })
      .where(eq(printJobs.id, sql.placeholder('id')))
      .prepare(),
  ).run({ id });
}
