import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Append-only, hash-chained audit log. Triggers (migration 0001) refuse UPDATE and DELETE.
 * hash = sha256(prevHash + canonical row); see db/audit/chain.ts.
 */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: integer('at').notNull(),
    storeId: integer('store_id').notNull(),
    staffId: integer('staff_id'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    data: text('data').notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  // Read by entity (a return's timeline) or walked in id order (verify); no index on `at` (migration
  // 0005 dropped audit_at: nothing reads by time, and every audited change paid a page for it).
  (t) => [index('audit_entity').on(t.entityType, t.entityId)],
);

/** The chain head, written in the same transaction as each audit row (detects a deleted tail). */
export const auditHead = sqliteTable('audit_head', {
  id: integer('id').primaryKey(),
  lastId: integer('last_id').notNull(),
  lastHash: text('last_hash').notNull(),
});

/** Manager overrides: who approved what, for whom, why; one-time grant consumed by the action. */
export const overrides = sqliteTable(
  'overrides',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: integer('at').notNull(),
    storeId: integer('store_id').notNull(),
    action: text('action').notNull(),
    managerId: integer('manager_id').notNull(),
    requestedBy: integer('requested_by').notNull(),
    reasonCode: text('reason_code').notNull(),
    note: text('note').notNull(),
    tokenHash: text('token_hash').notNull(),
    expiresAt: integer('expires_at').notNull(),
    consumedAt: integer('consumed_at'),
    entityType: text('entity_type'),
    entityId: text('entity_id'),
    /** sha256 of the canonical request the manager approved (null: an action without a bound request). */
    requestHash: text('request_hash'),
    /** The signed total the manager saw (null when not bound). */
    expectedTotalMinor: integer('expected_total_minor'),
    /** 1 when the approving manager is the staff member who asked (store's four-eyes rule off). */
    selfApproved: integer('self_approved').notNull().default(0),
  },
  (t) => [index('overrides_at').on(t.at)],
);
