/** Manager override grants: stored when approved, consumed once by the action they were given for. */
import { eq, sql } from 'drizzle-orm';
import type { DbClient } from '../../client';
import { overrides } from '../../schema';
import { prepared } from '../statements';

const ph = sql.placeholder;

export interface NewOverride {
  at: number;
  storeId: number;
  action: string;
  managerId: number;
  requestedBy: number;
  reasonCode: string;
  note: string;
  tokenHash: string;
  expiresAt: number;
  /** Hash of the approved request (null: not bound to a request). */
  requestHash: string | null;
  expectedTotalMinor: number | null;
  /** 1 when the manager approved their own request. */
  selfApproved: 0 | 1;
}

export function insertOverride(db: DbClient, o: NewOverride): number {
  const info = prepared(db, 'overrides.insert', (orm) =>
    orm
      .insert(overrides)
      .values({
        at: ph('at'),
        storeId: ph('storeId'),
        action: ph('action'),
        managerId: ph('managerId'),
        requestedBy: ph('requestedBy'),
        reasonCode: ph('reasonCode'),
        note: ph('note'),
        tokenHash: ph('tokenHash'),
        expiresAt: ph('expiresAt'),
        requestHash: ph('requestHash'),
        expectedTotalMinor: ph('expectedTotalMinor'),
        selfApproved: ph('selfApproved'),
      })
      .prepare(),
  ).run({ ...o });
  return Number(info.lastInsertRowid);
}

/** The grant with this token hash; only inside the consuming action's transaction (throws otherwise). */
export function overrideForConsumption(db: DbClient, tokenHash: string) {
  if (!db.sqlite.inTransaction) throw new Error('consumeOverride must run inside the action transaction');
  return prepared(db, 'overrides.byTokenHash', (orm) =>
    orm
      .select({
        id: overrides.id,
        action: overrides.action,
        managerId: overrides.managerId,
        requestedBy: overrides.requestedBy,
        reasonCode: overrides.reasonCode,
        note: overrides.note,
        expiresAt: overrides.expiresAt,
        consumedAt: overrides.consumedAt,
        requestHash: overrides.requestHash,
        expectedTotalMinor: overrides.expectedTotalMinor,
        selfApproved: overrides.selfApproved,
      })
      .from(overrides)
      .where(eq(overrides.tokenHash, ph('tokenHash')))
      .prepare(),
  ).get({ tokenHash });
}

export function markOverrideConsumed(
  db: DbClient,
  id: number,
  entity: { type: string; id: string },
  now: number,
): void {
  prepared(db, 'overrides.consume', (orm) =>
    orm
      .update(overrides)
      .set({
        consumedAt: sql`${ph('now')}`,
        entityType: sql`${ph('entityType')}`,
        entityId: sql`${ph('entityId')}`,
      })
      .where(eq(overrides.id, ph('id')))
      .prepare(),
  ).run({ id, now, entityType: entity.type, entityId: entity.id });
}
