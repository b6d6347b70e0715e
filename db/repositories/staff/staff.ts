/** Staff rows and role permissions, as sign-in, permission checks and store set-up need them. */
import { and, eq, sql } from 'drizzle-orm';
import { PERMISSIONS, type Permission, type Role } from '../../../shared/contract/permissions';
import type { DbClient, Orm } from '../../client';
import { rolePermissions, staff } from '../../schema';
import { prepared } from '../statements';

const ph = sql.placeholder;

const fields = {
  id: staff.id,
  code: staff.code,
  name: staff.name,
  role: staff.role,
  pinHash: staff.pinHash,
  failedAttempts: staff.failedAttempts,
  lockedUntil: staff.lockedUntil,
  active: staff.active,
};

const selectStaff = (orm: Orm) => orm.select(fields).from(staff);

export type StaffRow = NonNullable<ReturnType<ReturnType<typeof staffByCodeQuery>['get']>>;

function staffByCodeQuery(orm: Orm) {
  return selectStaff(orm)
    .where(and(eq(staff.storeId, ph('storeId')), eq(staff.code, ph('code'))))
    .prepare();
}

export function staffByCode(db: DbClient, storeId: number, code: string): StaffRow | undefined {
  return prepared(db, 'staff.byCode', staffByCodeQuery).get({ storeId, code });
}

export function staffByBadgeHash(db: DbClient, storeId: number, badgeHash: string): StaffRow | undefined {
  return prepared(db, 'staff.byBadge', (orm) =>
    selectStaff(orm)
      .where(and(eq(staff.storeId, ph('storeId')), eq(staff.badgeHash, ph('badgeHash'))))
      .prepare(),
  ).get({ storeId, badgeHash });
}

/** Active staff of the store, by role then code. */
export function activeStaff(db: DbClient, storeId: number): StaffRow[] {
  return prepared(db, 'staff.active', (orm) =>
    selectStaff(orm)
      .where(and(eq(staff.storeId, ph('storeId')), eq(staff.active, true)))
      .orderBy(staff.role, staff.code)
      .prepare(),
  ).all({ storeId });
}

export function recordFailedAttempt(db: DbClient, id: number, lockedUntil: number | null): void {
  prepared(db, 'staff.failedAttempt', (orm) =>
    orm
      .update(staff)
      .set({ failedAttempts: sql`${staff.failedAttempts} + 1`, lockedUntil: sql`${ph('lockedUntil')}` })
      .where(eq(staff.id, ph('id')))
      .prepare(),
  ).run({ id, lockedUntil });
}

export function resetFailedAttempts(db: DbClient, id: number): void {
  prepared(db, 'staff.resetAttempts', (orm) =>
    orm
      .update(staff)
      .set({ failedAttempts: 0, lockedUntil: null })
      .where(eq(staff.id, ph('id')))
      .prepare(),
  ).run({ id });
}

export interface NewStaffRow {
  storeId: number;
  code: string;
  name: string;
  role: Role;
  pinHash: string;
  badgeHash: string | null;
  createdAt: number;
}

/** Stores a staff member; returns the id. */
export function insertStaff(db: DbClient, s: NewStaffRow): number {
  const info = prepared(db, 'staff.insert', (orm) =>
    orm
      .insert(staff)
      .values({
        storeId: ph('storeId'),
        code: ph('code'),
        name: ph('name'),
        role: ph('role'),
        pinHash: ph('pinHash'),
        badgeHash: ph('badgeHash'),
        createdAt: ph('createdAt'),
      })
      .prepare(),
  ).run({ ...s });
  return Number(info.lastInsertRowid);
}

/** The permissions granted to a role (unknown stored names are ignored). */
export function permissionsOf(db: DbClient, role: Role): Set<Permission> {
  const rows = prepared(db, 'staff.permissionsOfRole', (orm) =>
    orm
      .select({ permission: rolePermissions.permission })
      .from(rolePermissions)
      .where(eq(rolePermissions.role, ph('role')))
      .prepare(),
  ).all({ role });
  const known = new Set<string>(PERMISSIONS);
  return new Set(rows.map((r) => r.permission).filter((p): p is Permission => known.has(p)));
}

/** Grants `permission` to `role` unless it has it. */
export function grantPermission(db: DbClient, role: Role, permission: Permission): void {
  prepared(db, 'staff.grantPermission', (orm) =>
    orm
      .insert(rolePermissions)
      .values({ role: ph('role'), permission: ph('permission') })
      .onConflictDoNothing()
      .prepare(),
  ).run({ role, permission });
}
