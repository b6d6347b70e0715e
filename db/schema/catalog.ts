import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const categories = sqliteTable('categories', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  code: text('code').notNull().unique(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  /** Policy profile id (shared/domain/policy); rules are data, not code paths. */
  policyProfile: text('policy_profile').notNull(),
});

export const products = sqliteTable(
  'products',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    sku: text('sku').notNull().unique(),
    gtin: text('gtin'),
    name: text('name').notNull(),
    categoryId: integer('category_id').references(() => categories.id),
    priceMinor: integer('price_minor').notNull(),
    taxRateBp: integer('tax_rate_bp').notNull(),
    serialized: integer('serialized', { mode: 'boolean' }).notNull().default(false),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
  },
  (t) => [index('products_gtin').on(t.gtin), index('products_category').on(t.categoryId)],
);

export const customers = sqliteTable(
  'customers',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    phone: text('phone'),
    /** Phone digits reversed, so "last 4 digits" is an indexed prefix search. */
    phoneRev: text('phone_rev'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    index('customers_phone_rev').on(t.phoneRev),
    index('customers_name').on(t.name),
    // LIKE 'prefix%' (case-insensitive, as typed at the counter) only uses a NOCASE index.
    index('customers_phone_rev_nocase').on(sql`${t.phoneRev} COLLATE NOCASE`),
    index('customers_name_nocase').on(sql`${t.name} COLLATE NOCASE`),
  ],
);
