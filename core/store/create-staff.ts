/** Creates a staff member with a hashed PIN (and optional badge), audited. */
import { appendAudit } from '../../db/audit/chain';
import type { DbClient } from '../../db/client';
import { insertStaff } from '../../db/repositories/staff/staff';
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
  db: DbClient,
  storeId: number,
  s: NewStaff,
  now: number,
  byStaffId: number | null,
): number {
  const pinHash = hashPin(s.pin);
  return db.transaction(() => {
    const id = insertStaff(db, {
      storeId,
      code: s.code,
      name: s.name,
      role: s.role,
      pinHash,
      badgeHash: s.badge ? hashBadge(s.badge) : null,
      createdAt: now,
    });
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
  });
}
