/**
 * Sign-in history read back from the audit log (the rows are written by core/services/auth with the
 * counter change): a staff member's lockouts in the last 24 h (escalation) and a terminal's recent
 * failures and alerts (the per-terminal limit). Both read by entity, on the `audit_entity` index.
 */
import { and, eq, gte, sql } from 'drizzle-orm';
import type { DbClient } from '../../client';
import { auditLog, staff } from '../../schema';
import { prepared } from '../statements';

const ph = sql.placeholder;

/** Audit rows of one entity since `since` (action and time), oldest first. */
export function entityEventsSince(
  db: DbClient,
  entityType: string,
  entityId: string,
  since: number,
): { action: string; at: number; data: string }[] {
  return prepared(db, 'staff.entityEventsSince', (orm) =>
    orm
      .select({ action: auditLog.action, at: auditLog.at, data: auditLog.data })
      .from(auditLog)
      .where(
        and(
          eq(auditLog.entityType, ph('entityType')),
          eq(auditLog.entityId, ph('entityId')),
          gte(auditLog.at, ph('since')),
        ),
      )
      .orderBy(auditLog.id)
      .prepare(),
  ).all({ entityType, entityId, since });
}

/** Replaces a staff member's PIN hash (the format upgrade after a good sign-in). */
export function setPinHash(db: DbClient, id: number, pinHash: string): void {
  prepared(db, 'staff.setPinHash', (orm) =>
    orm
      .update(staff)
      .set({ pinHash: sql`${ph('pinHash')}` })
      .where(eq(staff.id, ph('id')))
      .prepare(),
  ).run({ id, pinHash });
}
