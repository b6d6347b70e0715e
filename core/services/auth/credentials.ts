/**
 * Checks a staff code + PIN (or a badge) with lockout after repeated failures. Used by sign-in
 * and by the manager override, so both lock the same way and both are audited.
 */
import { appendAudit } from '../../../db/audit/chain';
import {
  recordFailedAttempt,
  resetFailedAttempts,
  staffByBadgeHash,
  staffByCode,
  type StaffRow,
} from '../../../db/repositories/staff/staff';
import { readSettings } from '../../../db/repositories/store/settings';
import { AppError } from '../../../shared/contract/errors';
import type { CoreContext } from '../../context';
import { hashBadge, verifyPin } from './pin-hash';

export type Credential = { code: string; pin: string } | { badge: string };

export function checkCredential(core: CoreContext, cred: Credential, now: number): StaffRow {
  const { db } = core;
  const settings = readSettings(db, core.storeId);
  if ('badge' in cred) {
    if (!settings.badgeSignIn) throw new AppError('AUTH_BADGE_DISABLED');
    const staff = staffByBadgeHash(db, core.storeId, hashBadge(cred.badge));
    if (!staff || !staff.active) throw new AppError('AUTH_BADGE_UNKNOWN');
    if (staff.lockedUntil && staff.lockedUntil > now) throw lockedError(staff, now);
    return staff;
  }
  const staff = staffByCode(db, core.storeId, cred.code);
  if (!staff || !staff.active) throw new AppError('AUTH_FAILED', { attemptsLeft: null });
  if (staff.lockedUntil && staff.lockedUntil > now) throw lockedError(staff, now);
  if (verifyPin(cred.pin, staff.pinHash)) {
    if (staff.failedAttempts > 0) resetFailedAttempts(db, staff.id);
    return staff;
  }
  const failures = (staff.lockedUntil && staff.lockedUntil <= now ? 0 : staff.failedAttempts) + 1;
  const locks = failures >= settings.lockoutAttempts;
  const lockedUntil = locks ? now + settings.lockoutMinutes * 60_000 : null;
  db.transaction(() => {
    if (staff.lockedUntil && staff.lockedUntil <= now) resetFailedAttempts(db, staff.id);
    recordFailedAttempt(db, staff.id, lockedUntil);
    if (locks) {
      appendAudit(db, {
        at: now,
        storeId: core.storeId,
        staffId: staff.id,
        action: 'staff.locked',
        entityType: 'staff',
        entityId: String(staff.id),
        data: { failures, lockedUntil },
      });
    }
  });
  if (locks) throw lockedError({ ...staff, lockedUntil }, now);
  throw new AppError('AUTH_FAILED', { attemptsLeft: settings.lockoutAttempts - failures });
}

function lockedError(staff: Pick<StaffRow, 'lockedUntil'>, now: number): AppError {
  const until = staff.lockedUntil ?? now;
  return new AppError('AUTH_LOCKED', { minutes: Math.max(1, Math.ceil((until - now) / 60_000)), until });
}
