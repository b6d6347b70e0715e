/**
 * Print attempts (`print_attempts`): one row per try, written 'started' before any byte goes to the
 * printer and finished as done / failed / interrupted. `error` holds `CODE@phase`.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { DbClient } from '../../client';
import { printAttempts } from '../../schema';
import { prepared } from '../statements';

export type AttemptOutcome = 'started' | 'done' | 'failed' | 'interrupted';

export interface PrintAttemptRow {
  id: number;
  jobId: number;
  startedAt: number;
  finishedAt: number | null;
  outcome: AttemptOutcome;
  error: string | null;
  device: string | null;
}

const OUTCOMES: readonly AttemptOutcome[] = ['started', 'done', 'failed', 'interrupted'];

/** An outcome as stored; an unknown value reads as 'interrupted' (the slip may have printed). */
function toOutcome(value: string): AttemptOutcome {
  return OUTCOMES.find((o) => o === value) ?? 'interrupted';
}

/** Records a started attempt; returns its id. */
export function insertAttempt(db: DbClient, jobId: number, startedAt: number, device: string | null): number {
  const info = prepared(db, 'printAttempts.insert', (orm) =>
    orm
      .insert(printAttempts)
      .values({
        jobId: sql.placeholder('jobId'),
        startedAt: sql.placeholder('startedAt'),
        outcome: 'started',
        device: sql.placeholder('device'),
      })
      .prepare(),
  ).run({ jobId, startedAt, device });
  return Number(info.lastInsertRowid);
}

/** Finishes an attempt as done (`error` null) or failed (`error` = `CODE@phase`). */
export function finishAttempt(
  db: DbClient,
  id: number,
  now: number,
  outcome: 'done' | 'failed',
  error: string | null,
): void {
  prepared(db, 'printAttempts.finish', (orm) =>
    orm
      .update(printAttempts)
      .set({
        outcome: sql`${sql.placeholder('outcome')}`,
        finishedAt: sql`${sql.placeholder('now')}`,
        error: sql`${sql.placeholder('error')}`,
      })
      .where(eq(printAttempts.id, sql.placeholder('id')))
      .prepare(),
  ).run({ id, now, outcome, error });
}

/** Marks the job's unfinished attempts 'interrupted' (a crash mid-print). */
export function interruptAttempts(db: DbClient, jobId: number, now: number): void {
  prepared(db, 'printAttempts.interrupt', (orm) =>
    orm
      .update(printAttempts)
      .set({ outcome: 'interrupted', finishedAt: sql`${sql.placeholder('now')}`, error: 'PRINT_INTERRUPTED' })
      .where(and(eq(printAttempts.jobId, sql.placeholder('jobId')), eq(printAttempts.outcome, 'started')))
      .prepare(),
  ).run({ jobId, now });
}

/** A job's attempts, oldest first. */
export function attemptsOf(db: DbClient, jobId: number): PrintAttemptRow[] {
  return prepared(db, 'printAttempts.ofJob', (orm) =>
    orm
      .select()
      .from(printAttempts)
      .where(eq(printAttempts.jobId, sql.placeholder('jobId')))
      .orderBy(asc(printAttempts.id))
      .prepare(),
  )
    .all({ jobId })
    .map((a) => ({ ...a, outcome: toOutcome(a.outcome) }));
}
