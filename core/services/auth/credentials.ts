/**
 * Checks a staff code + PIN (or a badge) with lockout after repeated failures. Used by sign-in
 * and by the manager override, so both lock the same way and both are audited.
 *
 * - Escalation: `lockoutAttempts` wrong PINs lock the account for `lockoutMinutes`; a second lockout
 *   within 24 h lasts 6 × that (30 min by default), a third or later one 24 h.
 * - Terminal limit: `terminalFailureLimit` wrong PINs on this terminal within 15 min, whatever the
 *   staff codes (one PIN sprayed over every code), pause PIN sign-in on the terminal for 5 min and
 *   record an `auth.terminalAlert` the managers see at their next sign-in. A terminal is this core
 *   instance's data directory (one counter PC: every window, socket and CLI on it share one count).
 *   Badges (long random secrets) still sign in during the pause.
 * - Every outcome is audited in the transaction of its counter change: `auth.signedIn`,
 *   `auth.signInFailed` (the staff code typed, never the PIN), `staff.locked`, `auth.terminalAlert`.
 * - `attemptsLeft` is told only to signed-in callers (the override dialog); a signed-out sign-in
 *   failure says only "wrong code or PIN".
 */
import { hostname } from 'node:os';
import { appendAudit } from '../../../db/audit/chain';
import { entityEventsSince, setPinHash } from '../../../db/repositories/staff/sign-in-events';
import {
  recordFailedAttempt,
  resetFailedAttempts,
  staffByBadgeHash,
  staffByCode,
  type StaffRow,
} from '../../../db/repositories/staff/staff';
import { readSettings } from '../../../db/repositories/store/settings';
import { AppError } from '../../../shared/contract/errors';
import type { StoreSettings } from '../../../shared/contract/methods/settings';
import type { CoreContext } from '../../context';
import { hashBadge, hashPin, needsUpgrade, pinPepper, verifyPin } from './pin-hash';

export type Credential = { code: string; pin: string } | { badge: string };

/** What the check is for: a sign-in (audited as such) or a manager override (audited by the override). */
export interface CheckOptions {
  purpose: 'signIn' | 'override';
  /** The caller is signed in, so it may learn how many attempts are left. */
  revealAttempts: boolean;
}

const DAY_MS = 24 * 60 * 60_000;
export const TERMINAL_WINDOW_MS = 15 * 60_000;
export const TERMINAL_PAUSE_MS = 5 * 60_000;

/** The terminal a failure is counted against (see the header). */
export function terminalId(): string {
  return hostname() || 'this-terminal';
}

/** Lockout length for the next lockout, given how many this staff member had in the last 24 h. */
export function lockoutMs(settings: StoreSettings, earlierLockouts: number): number {
  if (earlierLockouts <= 0) return settings.lockoutMinutes * 60_000;
  if (earlierLockouts === 1) return settings.lockoutMinutes * 6 * 60_000;
  return DAY_MS;
}

interface TerminalState {
  pausedUntil: number | null;
  failures: number;
}

function terminalState(core: CoreContext, now: number): TerminalState {
  const events = entityEventsSince(core.db, 'terminal', terminalId(), now - TERMINAL_WINDOW_MS);
  let failures = 0;
  let pausedUntil: number | null = null;
  for (const e of events) {
    if (e.action === 'auth.terminalAlert') {
      failures = 0; // the count starts again after each pause
      if (e.at + TERMINAL_PAUSE_MS > now) pausedUntil = e.at + TERMINAL_PAUSE_MS;
    } else if (e.action === 'auth.signInFailed') failures++;
  }
  return { pausedUntil, failures };
}

function pausedError(until: number, now: number): AppError {
  return new AppError('AUTH_TERMINAL_PAUSED', {
    minutes: Math.max(1, Math.ceil((until - now) / 60_000)),
    until,
  });
}

export function checkCredential(
  core: CoreContext,
  cred: Credential,
  now: number,
  opts: CheckOptions,
): StaffRow {
  const { db } = core;
  const settings = readSettings(db, core.storeId);
  if ('badge' in cred) {
    if (!settings.badgeSignIn) throw new AppError('AUTH_BADGE_DISABLED');
    const staff = staffByBadgeHash(db, core.storeId, hashBadge(cred.badge));
    if (!staff || !staff.active) throw new AppError('AUTH_BADGE_UNKNOWN');
    if (staff.lockedUntil && staff.lockedUntil > now) throw lockedError(staff, now);
    if (opts.purpose === 'signIn') db.transaction(() => auditSignedIn(core, staff, now, 'badge'));
    return staff;
  }
  const terminal = terminalState(core, now);
  if (terminal.pausedUntil) throw pausedError(terminal.pausedUntil, now);
  const pepper = pinPepper(core.dataDir);
  const staff = staffByCode(db, core.storeId, cred.code);
  const known = staff && staff.active ? staff : undefined;
  if (known?.lockedUntil && known.lockedUntil > now) throw lockedError(known, now);
  if (known && verifyPin(cred.pin, known.pinHash, pepper)) {
    const upgraded = needsUpgrade(known.pinHash) ? hashPin(cred.pin, pepper) : null;
    db.transaction(() => {
      if (known.failedAttempts > 0 || known.lockedUntil) resetFailedAttempts(db, known.id);
      if (upgraded) setPinHash(db, known.id, upgraded);
      if (opts.purpose === 'signIn') auditSignedIn(core, known, now, 'pin');
    });
    return known;
  }
  return failed(core, settings, cred.code, known, terminal, now, opts);
}

function auditSignedIn(core: CoreContext, staff: StaffRow, now: number, via: 'pin' | 'badge'): void {
  appendAudit(core.db, {
    at: now,
    storeId: core.storeId,
    staffId: staff.id,
    action: 'auth.signedIn',
    entityType: 'staff',
    entityId: String(staff.id),
    data: { code: staff.code, via },
  });
}

function failed(
  core: CoreContext,
  settings: StoreSettings,
  code: string,
  staff: StaffRow | undefined,
  terminal: TerminalState,
  now: number,
  opts: CheckOptions,
): never {
  const { db } = core;
  const term = terminalId();
  const expired = !!staff?.lockedUntil && staff.lockedUntil <= now;
  const failures = staff ? (expired ? 0 : staff.failedAttempts) + 1 : 0;
  const locks = !!staff && failures >= settings.lockoutAttempts;
  const earlier =
    staff && locks
      ? entityEventsSince(db, 'staff', String(staff.id), now - DAY_MS).filter(
          (e) => e.action === 'staff.locked',
        ).length
      : 0;
  const lockedUntil = locks ? now + lockoutMs(settings, earlier) : null;
  const alert = terminal.failures + 1 >= settings.terminalFailureLimit;
  db.transaction(() => {
    appendAudit(db, {
      at: now,
      storeId: core.storeId,
      staffId: staff?.id ?? null,
      action: 'auth.signInFailed',
      entityType: 'terminal',
      entityId: term,
      data: { code, purpose: opts.purpose, knownStaff: !!staff },
    });
    if (staff) {
      if (expired) resetFailedAttempts(db, staff.id);
      recordFailedAttempt(db, staff.id, lockedUntil);
    }
    if (staff && locks) {
      appendAudit(db, {
        at: now,
        storeId: core.storeId,
        staffId: staff.id,
        action: 'staff.locked',
        entityType: 'staff',
        entityId: String(staff.id),
        data: { failures, lockedUntil, lockoutsIn24h: earlier + 1 },
      });
    }
    if (alert) {
      appendAudit(db, {
        at: now,
        storeId: core.storeId,
        staffId: null,
        action: 'auth.terminalAlert',
        entityType: 'terminal',
        entityId: term,
        data: { failures: terminal.failures + 1, pausedUntil: now + TERMINAL_PAUSE_MS },
      });
    }
  });
  if (staff && locks) throw lockedError({ lockedUntil }, now);
  if (alert) throw pausedError(now + TERMINAL_PAUSE_MS, now);
  if (!opts.revealAttempts) throw new AppError('AUTH_FAILED');
  if (!staff) throw new AppError('AUTH_FAILED', { attemptsLeft: null });
  throw new AppError('AUTH_FAILED', { attemptsLeft: settings.lockoutAttempts - failures });
}

/** Terminal alerts of the last 24 h, for the managers' sign-in (newest last). */
export function recentTerminalAlerts(core: CoreContext, now: number): { at: number; failures: number }[] {
  return entityEventsSince(core.db, 'terminal', terminalId(), now - DAY_MS)
    .filter((e) => e.action === 'auth.terminalAlert')
    .map((e) => {
      const data = JSON.parse(e.data) as { failures?: unknown };
      return { at: e.at, failures: typeof data.failures === 'number' ? data.failures : 0 };
    });
}

function lockedError(staff: Pick<StaffRow, 'lockedUntil'>, now: number): AppError {
  const until = staff.lockedUntil ?? now;
  return new AppError('AUTH_LOCKED', { minutes: Math.max(1, Math.ceil((until - now) / 60_000)), until });
}
