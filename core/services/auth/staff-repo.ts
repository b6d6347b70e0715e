/** Staff rows and role permissions, as core needs them for sign-in and permission checks. */
import type { SqliteDb } from '../../../db/open';
import { PERMISSIONS, type Permission, type Role } from '../../../shared/contract/permissions';

export interface StaffRow {
  id: number;
  code: string;
  name: string;
  role: Role;
  pinHash: string;
  failedAttempts: number;
  lockedUntil: number | null;
  active: number;
}

const COLS = `id, code, name, role, pin_hash AS pinHash, failed_attempts AS failedAttempts,
  locked_until AS lockedUntil, active`;

export function staffByCode(db: SqliteDb, storeId: number, code: string): StaffRow | undefined {
  return db.prepare(`SELECT ${COLS} FROM staff WHERE store_id = ? AND code = ?`).get(storeId, code) as
    StaffRow | undefined;
}

export function staffByBadgeHash(db: SqliteDb, storeId: number, badgeHash: string): StaffRow | undefined {
  return db
    .prepare(`SELECT ${COLS} FROM staff WHERE store_id = ? AND badge_hash = ?`)
    .get(storeId, badgeHash) as StaffRow | undefined;
}

export function activeStaff(db: SqliteDb, storeId: number): StaffRow[] {
  return db
    .prepare(`SELECT ${COLS} FROM staff WHERE store_id = ? AND active = 1 ORDER BY role, code`)
    .all(storeId) as StaffRow[];
}

export function recordFailedAttempt(db: SqliteDb, id: number, lockedUntil: number | null): void {
  db.prepare('UPDATE staff SET failed_attempts = failed_attempts + 1, locked_until = ? WHERE id = ?').run(
    lockedUntil,
    id,
  );
}

export function resetFailedAttempts(db: SqliteDb, id: number): void {
  db.prepare('UPDATE staff SET failed_attempts = 0, locked_until = NULL WHERE id = ?').run(id);
}

export function permissionsOf(db: SqliteDb, role: Role): Set<Permission> {
  const rows = db.prepare('SELECT permission FROM role_permissions WHERE role = ?').all(role) as {
    permission: string;
  }[];
  const known = new Set<string>(PERMISSIONS);
  return new Set(rows.map((r) => r.permission).filter((p): p is Permission => known.has(p)));
}
