/**
 * Print jobs (`print_jobs`): inserting a job, reading one or a page of them, and the look-ups the
 * print queue's worker makes (due jobs, the next due time). Written only through core/printing.
 */
import { and, asc, desc, eq, gte, inArray, isNull, lt, lte, min, sql, type SQL } from 'drizzle-orm';
import { PRINT_JOB_STATUSES, type PrintJobStatus } from '../../../shared/contract/methods/devices';
import type { DbClient } from '../../client';
import { printJobs } from '../../schema';
import { prepared } from '../statements';

/** A stored print job (`layout` is the receipt layout's JSON text). */
export interface PrintJobRow {
  id: number;
  createdAt: number;
  kind: string;
  docRef: string | null;
  role: string;
  layout: string;
  copies: number;
  openDrawer: boolean;
  status: PrintJobStatus;
  attempts: number;
  nextAttemptAt: number;
  lastError: string | null;
  printedAt: number | null;
  reprintOf: number | null;
  staffId: number | null;
}

/** What a new job stores (it starts 'queued', due at `createdAt`). */
export interface NewPrintJob {
  createdAt: number;
  kind: string;
  docRef: string | null;
  role: string;
  layout: string;
  copies: number;
  openDrawer: boolean;
  reprintOf: number | null;
  staffId: number | null;
}

/** A status as stored; an unknown value (a damaged row) reads as 'failed' so a person looks at it. */
export function toStatus(value: string): PrintJobStatus {
  return PRINT_JOB_STATUSES.find((s) => s === value) ?? 'failed';
}

function toRow(r: typeof printJobs.$inferSelect): PrintJobRow {
  return { ...r, status: toStatus(r.status) };
}

/** Inserts a queued job and returns its id (inside the caller's transaction). */
export function insertPrintJob(db: DbClient, job: NewPrintJob): number {
  const info = prepared(db, 'printJobs.insert', (orm) =>
    orm
      .insert(printJobs)
      .values({
        createdAt: sql.placeholder('createdAt'),
        kind: sql.placeholder('kind'),
        docRef: sql.placeholder('docRef'),
        role: sql.placeholder('role'),
        layout: sql.placeholder('layout'),
        copies: sql.placeholder('copies'),
        openDrawer: sql.placeholder('openDrawer'),
        status: 'queued',
        attempts: 0,
        nextAttemptAt: sql.placeholder('createdAt'),
        reprintOf: sql.placeholder('reprintOf'),
        staffId: sql.placeholder('staffId'),
      })
      .prepare(),
  ).run({ ...job });
  return Number(info.lastInsertRowid);
}

/** One job, or undefined. */
export function findPrintJob(db: DbClient, id: number): PrintJobRow | undefined {
  const row = prepared(db, 'printJobs.byId', (orm) =>
    orm
      .select()
      .from(printJobs)
      .where(eq(printJobs.id, sql.placeholder('id')))
      .prepare(),
  ).get({ id });
  return row ? toRow(row) : undefined;
}

/** The first job printed for a document that is not itself a reprint (its original slip). */
export function findOriginalJob(db: DbClient, docRef: string): PrintJobRow | undefined {
  const row = prepared(db, 'printJobs.originalOfDoc', (orm) =>
    orm
      .select()
      .from(printJobs)
      .where(and(eq(printJobs.docRef, sql.placeholder('docRef')), isNull(printJobs.reprintOf)))
      .orderBy(asc(printJobs.id))
      .limit(1)
      .prepare(),
  ).get({ docRef });
  return row ? toRow(row) : undefined;
}

export interface PrintJobFilter {
  status?: readonly PrintJobStatus[];
  kind?: string;
  docRef?: string;
  since?: number;
  until?: number;
  beforeId?: number;
  limit?: number;
  /** Only these kinds (the caller's readable documents); empty = none. */
  kinds?: readonly string[];
  /** Only the jobs this staff member queued. */
  staffId?: number;
}

/**
 * Jobs newest first, filtered; `beforeId` pages back through history. The filter's shape varies
 * per call (the queue screen), so this one query is built per call rather than prepared.
 */
export function listPrintJobRows(db: DbClient, filter: PrintJobFilter = {}): PrintJobRow[] {
  const where: SQL[] = [];
  if (filter.status?.length) where.push(inArray(printJobs.status, [...filter.status]));
  if (filter.kind !== undefined) where.push(eq(printJobs.kind, filter.kind));
  if (filter.docRef !== undefined) where.push(eq(printJobs.docRef, filter.docRef));
  if (filter.since !== undefined) where.push(gte(printJobs.createdAt, filter.since));
  if (filter.until !== undefined) where.push(lt(printJobs.createdAt, filter.until));
  if (filter.beforeId !== undefined) where.push(lt(printJobs.id, filter.beforeId));
  if (filter.kinds !== undefined) {
    if (filter.kinds.length === 0) return [];
    where.push(inArray(printJobs.kind, [...filter.kinds]));
  }
  if (filter.staffId !== undefined) where.push(eq(printJobs.staffId, filter.staffId));
  return db.orm
    .select()
    .from(printJobs)
    .where(and(...where))
    .orderBy(desc(printJobs.id))
    .limit(filter.limit ?? 50)
    .all()
    .map(toRow);
}

/** Ids of queued jobs due at `now`, oldest first. */
export function dueJobIds(db: DbClient, now: number, limit = 20): number[] {
  return prepared(db, 'printJobs.due', (orm) =>
    orm
      .select({ id: printJobs.id })
      .from(printJobs)
      .where(and(eq(printJobs.status, 'queued'), lte(printJobs.nextAttemptAt, sql.placeholder('now'))))
      .orderBy(asc(printJobs.nextAttemptAt), asc(printJobs.id))
      .limit(sql.placeholder('limit'))
      .prepare(),
  )
    .all({ now, limit })
    .map((r) => r.id);
}

/** When the next queued job falls due (epoch ms), or undefined when nothing is queued. */
export function nextDueAt(db: DbClient): number | undefined {
  const row = prepared(db, 'printJobs.nextDue', (orm) =>
    orm
      .select({ at: min(printJobs.nextAttemptAt) })
      .from(printJobs)
      .where(eq(printJobs.status, 'queued'))
      .prepare(),
  ).get();
  return row?.at ?? undefined;
}

/** Ids of the jobs left 'printing' (by a crash, at start-up). */
export function printingJobIds(db: DbClient): number[] {
  return prepared(db, 'printJobs.printing', (orm) =>
    orm.select({ id: printJobs.id }).from(printJobs).where(eq(printJobs.status, 'printing')).prepare(),
  )
    .all()
    .map((r) => r.id);
}
