/**
 * Lists and searches of repair jobs as summaries (job, customer, technician, last timeline time).
 * The filters vary per call, so each combination of filters is its own prepared query (keyed by
 * its shape); the values are placeholders.
 */
import { and, asc, desc, eq, inArray, isNull, lt, notInArray, or, sql, type SQL } from 'drizzle-orm';
import type { WarrantyKind } from '../../../shared/domain/repairs/warranty';
import { TERMINAL_STATUSES, WORK_STATUSES, type RepairStatus } from '../../../shared/domain/repairs/statuses';
import type { DbClient, Orm } from '../../client';
import { customers, repairEvents, repairJobs, staff } from '../../schema';
import { prepared } from '../statements';
import { typed } from './columns';

const SUMMARY_FIELDS = {
  id: repairJobs.id,
  status: typed<RepairStatus>(repairJobs.status),
  categoryCode: repairJobs.categoryCode,
  brand: repairJobs.brand,
  model: repairJobs.model,
  serial: repairJobs.serial,
  faultCode: repairJobs.faultCode,
  customerId: repairJobs.customerId,
  customerName: customers.name,
  customerPhone: customers.phone,
  assignedTo: repairJobs.assignedTo,
  assignedCode: staff.code,
  assignedName: staff.name,
  warranty: typed<WarrantyKind>(repairJobs.warranty),
  promisedAt: repairJobs.promisedAt,
  createdAt: repairJobs.createdAt,
  updatedAt: sql<
    number | null
  >`(SELECT max(${repairEvents.at}) FROM ${repairEvents} WHERE ${repairEvents.jobId} = ${repairJobs.id})`,
};

function summaries(orm: Orm) {
  return orm
    .select(SUMMARY_FIELDS)
    .from(repairJobs)
    .leftJoin(customers, eq(customers.id, repairJobs.customerId))
    .leftJoin(staff, eq(staff.id, repairJobs.assignedTo));
}

/** One summary row. */
export type SummaryRow = Awaited<ReturnType<ReturnType<typeof summaries>['all']>>[number];

export interface QueueFilter {
  statuses?: readonly RepairStatus[];
  technicianId?: number;
  unassigned: boolean;
  overdue: boolean;
  includeClosed: boolean;
  limit: number;
}

/** The queue of a store, soonest promise first. Without statuses: open jobs (all with includeClosed). */
export function queueRows(db: DbClient, storeId: number, q: QueueFilter, now: number): SummaryRow[] {
  const statuses = q.statuses ?? [];
  const shape = [
    statuses.length,
    q.includeClosed ? 1 : 0,
    q.technicianId !== undefined ? 1 : 0,
    q.unassigned ? 1 : 0,
    q.overdue ? 1 : 0,
  ].join(':');
  const query = prepared(db, `repairs.queue:${shape}`, (orm) => {
    const where: SQL[] = [eq(repairJobs.storeId, sql.placeholder('storeId'))];
    if (statuses.length > 0) {
      where.push(
        inArray(
          repairJobs.status,
          statuses.map((_s, i) => sql.placeholder(`s${i}`)),
        ),
      );
    } else if (!q.includeClosed) {
      where.push(notInArray(repairJobs.status, [...TERMINAL_STATUSES]));
    }
    if (q.technicianId !== undefined) where.push(eq(repairJobs.assignedTo, sql.placeholder('technicianId')));
    if (q.unassigned) where.push(isNull(repairJobs.assignedTo));
    if (q.overdue) {
      where.push(inArray(repairJobs.status, [...WORK_STATUSES]));
      where.push(lt(repairJobs.promisedAt, sql.placeholder('now')));
    }
    return summaries(orm)
      .where(and(...where))
      .orderBy(asc(repairJobs.promisedAt), asc(repairJobs.id))
      .limit(sql.placeholder('limit'))
      .prepare();
  });
  const params: Record<string, unknown> = {
    storeId,
    technicianId: q.technicianId,
    now,
    limit: q.limit,
  };
  statuses.forEach((s, i) => (params[`s${i}`] = s));
  return query.all(params);
}

/** `text` as a LIKE pattern that matches it literally (escape `\`). */
const literal = (text: string): string => text.replace(/[\\%_]/g, (m) => `\\${m}`);

/**
 * Jobs of a store by job number (whole, or its last digits), by customer phone (prefix of the
 * reversed digits `phoneRevPrefix`, at most 50 customers) or by serial; newest first.
 */
export function searchRows(
  db: DbClient,
  storeId: number,
  q: { jobId?: string; phoneRevPrefix?: string; serial?: string; limit: number },
): SummaryRow[] {
  const shape = [q.jobId, q.phoneRevPrefix, q.serial].map((v) => (v === undefined ? 0 : 1)).join(':');
  const query = prepared(db, `repairs.search:${shape}`, (orm) => {
    const any: SQL[] = [];
    if (q.jobId !== undefined) {
      any.push(
        sql`(${repairJobs.id} = ${sql.placeholder('jobId')} OR ${repairJobs.id} LIKE ${sql.placeholder('jobIdTail')} ESCAPE '\\')`,
      );
    }
    if (q.phoneRevPrefix !== undefined) {
      const matching = orm
        .select({ id: customers.id })
        .from(customers)
        .where(sql`${customers.phoneRev} LIKE ${sql.placeholder('phoneRev')} ESCAPE '\\'`)
        .limit(50);
      any.push(inArray(repairJobs.customerId, matching));
    }
    if (q.serial !== undefined) any.push(eq(repairJobs.serial, sql.placeholder('serial')));
    return summaries(orm)
      .where(and(eq(repairJobs.storeId, sql.placeholder('storeId')), or(...any)))
      .orderBy(desc(repairJobs.createdAt))
      .limit(sql.placeholder('limit'))
      .prepare();
  });
  const jobId = q.jobId?.trim().toUpperCase();
  return query.all({
    storeId,
    jobId,
    jobIdTail: jobId === undefined ? undefined : `%${literal(jobId)}`,
    phoneRev: q.phoneRevPrefix === undefined ? undefined : `${literal(q.phoneRevPrefix)}%`,
    serial: q.serial?.trim(),
    limit: q.limit,
  });
}
