/**
 * Manager override: a manager proves presence with PIN or badge for ONE action; the grant is a
 * short-lived one-time token that the action consumes inside its own transaction.
 */
import { createHash, randomBytes } from 'node:crypto';
import { appendAudit } from '../../../db/audit/chain';
import type { DbClient } from '../../../db/client';
import {
  insertOverride,
  markOverrideConsumed,
  overrideForConsumption,
} from '../../../db/repositories/staff/overrides';
import { permissionsOf } from '../../../db/repositories/staff/staff';
import { readSettings } from '../../../db/repositories/store/settings';
import { AppError } from '../../../shared/contract/errors';
import type { MethodHandlers } from '../../dispatch/handlers';
import { requireSession } from '../../dispatch/handlers';
import { approvalHash } from '../returns/approval';
import { checkCredential } from './credentials';

export const OVERRIDE_TTL_MS = 2 * 60_000;

/** The action whose grant is bound to its request (core/services/returns/commit.ts RETURNS_OVERRIDE_ACTION). */
const BOUND_ACTION = 'returns.commit';

const tokenHash = (t: string) => createHash('sha256').update(t).digest('hex');

export const overrideHandlers: MethodHandlers<'auth.requestOverride'> = {
  'auth.requestOverride': (input, ctx) => {
    const requester = requireSession(ctx);
    const { core, now } = ctx;
    const cred = input.badge
      ? { badge: input.badge }
      : { code: input.managerCode ?? '', pin: input.pin ?? '' };
    const manager = checkCredential(core, cred, now, { purpose: 'override', revealAttempts: true });
    if (!permissionsOf(core.db, manager.role).has('override.approve')) {
      throw new AppError('OVERRIDE_NOT_MANAGER', { code: manager.code });
    }
    const bound = input.action === BOUND_ACTION;
    // A return's approval names the very request it pays: without it there is nothing to approve.
    if (bound && input.request === undefined) {
      throw new AppError('OVERRIDE_REQUEST_REQUIRED', { action: input.action });
    }
    const requestHash = bound && input.request ? approvalHash(input.request) : null;
    const expectedTotalMinor = bound && input.request ? input.request.expectedTotalMinor : null;
    const selfApproved = manager.id === requester.staffId;
    if (selfApproved && bound && readSettings(core.db, core.storeId).approvalFourEyes) {
      throw new AppError('OVERRIDE_SELF_APPROVAL', { code: manager.code });
    }
    const token = randomBytes(24).toString('base64url');
    const expiresAt = now + OVERRIDE_TTL_MS;
    const { db } = core;
    const overrideId = db.transaction(() => {
      const id = insertOverride(db, {
        at: now,
        storeId: core.storeId,
        action: input.action,
        managerId: manager.id,
        requestedBy: requester.staffId,
        reasonCode: input.reasonCode,
        note: input.note,
        tokenHash: tokenHash(token),
        expiresAt,
        requestHash,
        expectedTotalMinor,
        selfApproved: selfApproved ? 1 : 0,
      });
      appendAudit(db, {
        at: now,
        storeId: core.storeId,
        staffId: requester.staffId,
        action: 'override.granted',
        entityType: 'override',
        entityId: String(id),
        data: {
          action: input.action,
          managerId: manager.id,
          reasonCode: input.reasonCode,
          note: input.note,
          requestHash,
          expectedTotalMinor,
          selfApproved,
        },
      });
      return id;
    });
    return {
      overrideId,
      token,
      expiresAt,
      selfApproved,
      manager: { id: manager.id, code: manager.code, name: manager.name, role: manager.role },
    };
  },
};

export interface ConsumedOverride {
  id: number;
  managerId: number;
  requestedBy: number;
  reasonCode: string;
  note: string;
  selfApproved: boolean;
}

/** What a bound grant must match when consumed: the request's hash and who commits it. */
export interface OverrideBinding {
  requestHash: string;
  staffId: number;
}

/**
 * Consumes a grant for `action` inside the caller's transaction (the action's audit row should
 * name the override id). Throws OVERRIDE_INVALID / OVERRIDE_EXPIRED / OVERRIDE_USED, and with a
 * `binding` OVERRIDE_NOT_FOR_THIS_REQUEST when the grant was given for another request (changed
 * lines, quantities, fee waiver, total…), for another clerk, or bound to nothing.
 */
export function consumeOverride(
  db: DbClient,
  token: string,
  action: string,
  entity: { type: string; id: string },
  now: number,
  binding?: OverrideBinding,
): ConsumedOverride {
  const row = overrideForConsumption(db, tokenHash(token));
  if (!row || row.action !== action) throw new AppError('OVERRIDE_INVALID', { action });
  if (row.consumedAt !== null) throw new AppError('OVERRIDE_USED', { overrideId: row.id });
  if (row.expiresAt < now) throw new AppError('OVERRIDE_EXPIRED', { overrideId: row.id });
  if (
    binding !== undefined &&
    (row.requestHash === null ||
      row.requestHash !== binding.requestHash ||
      row.requestedBy !== binding.staffId)
  ) {
    throw new AppError('OVERRIDE_NOT_FOR_THIS_REQUEST', { overrideId: row.id });
  }
  markOverrideConsumed(db, row.id, entity, now);
  return {
    id: row.id,
    managerId: row.managerId,
    requestedBy: row.requestedBy,
    reasonCode: row.reasonCode,
    note: row.note,
    selfApproved: row.selfApproved === 1,
  };
}
