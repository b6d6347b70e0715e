/** Staff as the repair side sees them: references for views, technicians with their load, skills. */
import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import type { Role } from '../../../shared/contract/permissions';
import { WORK_STATUSES } from '../../../shared/domain/repairs/statuses';
import type { DbClient } from '../../client';
import { repairJobs, staff } from '../../schema';
import { prepared } from '../statements';
import { typed } from './columns';

export interface StaffRef {
  id: number;
  code: string;
  name: string;
}

/** id, code and name of a staff member, or undefined. */
export function staffRef(db: DbClient, id: number): StaffRef | undefined {
  return prepared(db, 'repairs.staffRef', (orm) =>
    orm
      .select({ id: staff.id, code: staff.code, name: staff.name })
      .from(staff)
      .where(eq(staff.id, sql.placeholder('id')))
      .prepare(),
  ).get({ id });
}

/** An active staff member of the store with their role, or undefined. */
export function activeStaff(
  db: DbClient,
  storeId: number,
  id: number,
): (StaffRef & { role: Role }) | undefined {
  return prepared(db, 'repairs.activeStaff', (orm) =>
    orm
      .select({ id: staff.id, code: staff.code, name: staff.name, role: typed<Role>(staff.role) })
      .from(staff)
      .where(
        and(
          eq(staff.id, sql.placeholder('id')),
          eq(staff.storeId, sql.placeholder('storeId')),
          eq(staff.active, true),
        ),
      )
      .prepare(),
  ).get({ id, storeId });
}

/** The staff id of a code in the store, or undefined. */
export function staffIdByCode(db: DbClient, storeId: number, code: string): number | undefined {
  return prepared(db, 'repairs.staffIdByCode', (orm) =>
    orm
      .select({ id: staff.id })
      .from(staff)
      .where(and(eq(staff.storeId, sql.placeholder('storeId')), eq(staff.code, sql.placeholder('code'))))
      .prepare(),
  ).get({ storeId, code })?.id;
}

const working = inArray(repairJobs.status, [...WORK_STATUSES]);
const overdue = lt(repairJobs.promisedAt, sql.placeholder('now'));

/** Active technicians with their open and overdue job counts, by staff id. */
export function technicianRows(db: DbClient, storeId: number, now: number) {
  return prepared(db, 'repairs.technicianRows', (orm) =>
    orm
      .select({
        id: staff.id,
        code: staff.code,
        name: staff.name,
        role: typed<Role>(staff.role),
        openJobs: sql<number>`count(CASE WHEN ${working} THEN 1 END)`,
        overdueJobs: sql<number>`count(CASE WHEN ${working} AND ${overdue} THEN 1 END)`,
      })
      .from(staff)
      .leftJoin(repairJobs, eq(repairJobs.assignedTo, staff.id))
      .where(
        and(
          eq(staff.storeId, sql.placeholder('storeId')),
          eq(staff.active, true),
          eq(staff.role, 'technician'),
        ),
      )
      .groupBy(staff.id)
      .orderBy(staff.id)
      .prepare(),
  ).all({ storeId, now });
}
