/** Creates a staff member with a hashed PIN (and optional badge), audited. */
import { appendAudit } from '../../db/audit/chain';
import type { SqliteDb } from '../../db/open';
import type { Role } from '../../shared/contract/permissions';
import { hashBadge, hashPin } from '../services/auth/pin-hash';

export interface NewStaff {
  code: string;
  name: string;
  role: Role;
  pin: string;
  badge?: string;
}

export function createStaff(
  db: SqliteDb,
  storeId: number,
  s: NewStaff,
  now: number,
  byStaffId: number | null,
): number {
  const pinHash = hashPin(s.pin);
  return db.transaction(() => {
    const info = db
      .prepare(
        'INSERT INTO staff (store_id, code, name, role, pin_hash, badge_hash, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      )
      .run(storeId, s.code, s.name, s.role, pinHash, s.badge ? hashBadge(s.badge) : null, now);
    const id = Number(info.lastInsertRowid);
    appendAudit(db, {
      at: now,
      storeId,
      staffId: byStaffId,
      action: 'staff.created',
      entityType: 'staff',
      entityId: String(id),
      data: { code: s.code, name: s.name, role: s.role },
    });
    return id;
  })();
}
