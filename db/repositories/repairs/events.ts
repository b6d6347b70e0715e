/** The job timeline (`repair_events`): one row per status change, assignment, part, QC, pickup, bench start … */
import { and, desc, eq, gt, sql } from 'drizzle-orm';
import type { RepairStatus } from '../../../shared/domain/repairs/statuses';
import type { DbClient } from '../../client';
import { repairEvents } from '../../schema';
import { prepared } from '../statements';
import { typed } from './columns';

export interface NewEvent {
  jobId: string;
  at: number;
  staffId: number | null;
  fromStatus: RepairStatus | null;
  toStatus: RepairStatus;
  note: string;
  /** JSON: `{ kind, …data }`. */
  data: string;
}

/** Appends one timeline row (inside the caller's transaction); returns its id. */
export function insertEvent(db: DbClient, e: NewEvent): number {
  const row = prepared(db, 'repairs.insertEvent', (orm) =>
    orm
      .insert(repairEvents)
      .values({
        jobId: sql.placeholder('jobId'),
        at: sql.placeholder('at'),
        staffId: sql.placeholder('staffId'),
        fromStatus: sql.placeholder('fromStatus'),
        toStatus: sql.placeholder('toStatus'),
        note: sql.placeholder('note'),
        data: sql.placeholder('data'),
      })
      .returning({ id: repairEvents.id })
      .prepare(),
  ).get({ ...e });
  if (!row) throw new Error('repair event insert returned no id');
  return row.id;
}

/** The whole timeline of a job, oldest first. */
export function eventsOfJob(db: DbClient, jobId: string) {
  return prepared(db, 'repairs.eventsOfJob', (orm) =>
    orm
      .select({
        id: repairEvents.id,
        at: repairEvents.at,
        staffId: repairEvents.staffId,
        fromStatus: typed<RepairStatus | null>(repairEvents.fromStatus),
        toStatus: typed<RepairStatus>(repairEvents.toStatus),
        note: repairEvents.note,
        data: repairEvents.data,
      })
      .from(repairEvents)
      .where(eq(repairEvents.jobId, sql.placeholder('jobId')))
      .orderBy(repairEvents.id)
      .prepare(),
  ).all({ jobId });
}

const kindOf = sql`json_extract(${repairEvents.data}, '$.kind')`;

/** The job's latest event of a kind (`bench_start`, `pickup` …), or undefined. */
export function latestEventOfKind(db: DbClient, jobId: string, kind: string) {
  return prepared(db, 'repairs.latestEventOfKind', (orm) =>
    orm
      .select({
        id: repairEvents.id,
        at: repairEvents.at,
        staffId: repairEvents.staffId,
        data: repairEvents.data,
      })
      .from(repairEvents)
      .where(
        and(eq(repairEvents.jobId, sql.placeholder('jobId')), sql`${kindOf} = ${sql.placeholder('kind')}`),
      )
      .orderBy(desc(repairEvents.id))
      .limit(1)
      .prepare(),
  ).get({ jobId, kind });
}

/** The job's latest event of a kind recorded after event `afterId`, or undefined. */
export function latestEventOfKindAfter(db: DbClient, jobId: string, kind: string, afterId: number) {
  return prepared(db, 'repairs.latestEventOfKindAfter', (orm) =>
    orm
      .select({ id: repairEvents.id, data: repairEvents.data })
      .from(repairEvents)
      .where(
        and(
          eq(repairEvents.jobId, sql.placeholder('jobId')),
          gt(repairEvents.id, sql.placeholder('afterId')),
          sql`${kindOf} = ${sql.placeholder('kind')}`,
        ),
      )
      .orderBy(desc(repairEvents.id))
      .limit(1)
      .prepare(),
  ).get({ jobId, kind, afterId });
}

/** Staff who moved the job into testing, or into repairing from diagnosis, parts or a failed test. */
export function staffWhoRepaired(db: DbClient, jobId: string): (number | null)[] {
  return prepared(db, 'repairs.staffWhoRepaired', (orm) =>
    orm
      .selectDistinct({ id: repairEvents.staffId })
      .from(repairEvents)
      .where(
        and(
          eq(repairEvents.jobId, sql.placeholder('jobId')),
          sql`${kindOf} = 'transition'`,
          sql`(${repairEvents.toStatus} = 'testing' OR (${repairEvents.toStatus} = 'repairing' AND ${repairEvents.fromStatus} IN ('diagnosing', 'awaiting_parts', 'testing')))`,
        ),
      )
      .prepare(),
  )
    .all({ jobId })
    .map((r) => r.id);
}
