/**
 * Manager override: a manager proves presence with PIN or badge for ONE action; the grant is a
 * short-lived one-time token that the action consumes inside its own transaction.
 */
import { createHash, randomBytes } from 'node:crypto';
import { appendAudit } from '../../../db/audit/chain';
import type { SqliteDb } from '../../../db/open';
import { AppError } from '../../../shared/contract/errors';
import type { MethodHandlers } from '../../dispatch/handlers';
import { requireSession } from '../../dispatch/handlers';
import { checkCredential } from './credentials';
import { permissionsOf } from './staff-repo';

export const OVERRIDE_TTL_MS = 2 * 60_000;

const tokenHash = (t: string) => createHash('sha256').update(t).digest('hex');

export const overrideHandlers: MethodHandlers<'auth.requestOverride'> = {
  'auth.requestOverride': (input, ctx) => {
    const requester = requireSession(ctx);
    const { core, now } = ctx;
    const cred = input.badge
      ? { badge: input.badge }
      : { code: input.managerCode ?? '', pin: input.pin ?? '' };
    const manager = checkCredential(core, cred, now);
    if (!permissionsOf(core.db.sqlite, manager.role).has('override.approve')) {
      throw new AppError('OVERRIDE_NOT_MANAGER', { code: manager.code });
    }
    const token = randomBytes(24).toString('base64url');
    const expiresAt = now + OVERRIDE_TTL_MS;
    const db = core.db.sqlite;
    const overrideId = db.transaction(() => {
      const info = db
        .prepare(
          `INSERT INTO overrides (at, store_id, action, manager_id, requested_by, reason_code, note, token_hash, expires_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          now,
          core.storeId,
          input.action,
          manager.id,
          requester.staffId,
          input.reasonCode,
          input.note,
          tokenHash(token),
          expiresAt,
        );
      const id = Number(info.lastInsertRowid);
      appendAudit(db, {
        at: now,
        storeId: core.storeId,
        staffId: requester.staffId,
        action: 'override.granted',
        entityType: 'override',
        entityId: String(id),
        data: { action: input.action, managerId: manager.id, reasonCode: input.reasonCode, note: input.note },
      });
      return id;
    })();
    return {
      overrideId,
      token,
      expiresAt,
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
}

/**
 * Consumes a grant for `action` inside the caller's transaction (the action's audit row should
 * name the override id). Throws OVERRIDE_INVALID / OVERRIDE_EXPIRED / OVERRIDE_USED.
 */
export function consumeOverride(
  db: SqliteDb,
  token: string,
  action: string,
  entity: { type: string; id: string },
  now: number,
): ConsumedOverride {
  if (!db.inTransaction) throw new Error('consumeOverride must run inside the action transaction');
  const row = db
    .prepare(
      `SELECT id, action, manager_id AS managerId, requested_by AS requestedBy, reason_code AS reasonCode, note,
              expires_at AS expiresAt, consumed_at AS consumedAt FROM overrides WHERE token_hash = ?`,
    )
    .get(tokenHash(token)) as
    (ConsumedOverride & { action: string; expiresAt: number; consumedAt: number | null }) | undefined;
  if (!row || row.action !== action) throw new AppError('OVERRIDE_INVALID', { action });
  if (row.consumedAt !== null) throw new AppError('OVERRIDE_USED', { overrideId: row.id });
  if (row.expiresAt < now) throw new AppError('OVERRIDE_EXPIRED', { overrideId: row.id });
  db.prepare('UPDATE overrides SET consumed_at = ?, entity_type = ?, entity_id = ? WHERE id = ?').run(
    now,
    entity.type,
    entity.id,
    row.id,
  );
  return {
    id: row.id,
    managerId: row.managerId,
    requestedBy: row.requestedBy,
    reasonCode: row.reasonCode,
    note: row.note,
  };
}
