/** Creates a staff member with a peppered, hashed PIN (and optional badge), audited. */
import { appendAudit } from '../../db/audit/chain';
import type { DbClient } from '../../db/client';
import { insertStaff } from '../../db/repositories/staff/staff';
import type { Role } from '../../shared/contract/permissions';
import { dirname } from 'node:path';
import { AppError } from '../../shared/contract/errors';
import { hashBadge, hashPin, pinPepper } from '../services/auth/pin-hash';

/** Managers and admins approve overrides and change settings: their PIN has at least 6 digits. */
export function minPinLength(role: Role): number {
  return role === 'manager' || role === 'admin' ? 6 : 4;
}

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
  const min = minPinLength(s.role);
  if (!/^\d+$/.test(s.pin) || s.pin.length < min || s.pin.length > 8) {
    throw new AppError('STAFF_PIN_TOO_SHORT', { role: s.role, min });
  }
  // The pepper lives beside the database file, in its data directory's keys/ folder.
  const pinHash = hashPin(s.pin, pinPepper(dirname(db.path)));
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
