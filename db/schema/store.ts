import { sql } from 'drizzle-orm';
import { integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { Role } from '../../shared/contract/permissions';

export const stores = sqliteTable('stores', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  timeZone: text('time_zone').notNull(),
  currency: text('currency').notNull(),
  locale: text('locale').notNull(),
  demo: integer('demo', { mode: 'boolean' }).notNull().default(false),
  createdAt: integer('created_at').notNull(),
});

export const settings = sqliteTable(
  'settings',
  {
    storeId: integer('store_id')
      .notNull()
      .references(() => stores.id),
    key: text('key').notNull(),
    value: text('value').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.storeId, t.key] })],
);

export const staff = sqliteTable(
  'staff',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    storeId: integer('store_id')
      .notNull()
      .references(() => stores.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    role: text('role').notNull().$type<Role>(),
    pinHash: text('pin_hash').notNull(),
    badgeHash: text('badge_hash'),
    failedAttempts: integer('failed_attempts').notNull().default(0),
    lockedUntil: integer('locked_until'),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [uniqueIndex('staff_store_code').on(t.storeId, t.code), uniqueIndex('staff_badge').on(t.badgeHash)],
);

export const rolePermissions = sqliteTable(
  'role_permissions',
  {
    role: text('role').notNull(),
    permission: text('permission').notNull(),
  },
  (t) => [primaryKey({ columns: [t.role, t.permission] })],
);

/** Gap-free document numbers per store, kind and business day (allocated inside the caller's transaction). */
export const numberSequences = sqliteTable(
  'number_sequences',
  {
    storeId: integer('store_id').notNull(),
    kind: text('kind').notNull(),
    day: text('day').notNull(),
    lastValue: integer('last_value').notNull(),
  },
  (t) => [primaryKey({ columns: [t.storeId, t.kind, t.day] })],
);

export const idempotencyKeys = sqliteTable('idempotency_keys', {
  key: text('key').primaryKey(),
  method: text('method').notNull(),
  staffId: integer('staff_id'),
  requestHash: text('request_hash').notNull(),
  result: text('result').notNull(),
  createdAt: integer('created_at')
    .notNull()
    .default(sql`(unixepoch() * 1000)`),
});
