/** Products and categories as the sales import (and the demo catalog) find and create them. */
import { eq, or, sql } from 'drizzle-orm';
import type { DbClient } from '../../client';
import { categories, products } from '../../schema';
import { prepared } from '../statements';

const ph = sql.placeholder;

export function productIdBySku(db: DbClient, sku: string): number | null {
  const row = prepared(db, 'catalog.productBySku', (orm) =>
    orm
      .select({ id: products.id })
      .from(products)
      .where(eq(products.sku, ph('sku')))
      .prepare(),
  ).get({ sku });
  return row?.id ?? null;
}

export interface NewProduct {
  sku: string;
  gtin: string | null;
  name: string;
  categoryId: number | null;
  priceMinor: number;
  taxRateBp: number;
  serialized: boolean;
}

/** Stores an active product; returns its id. */
export function insertProduct(db: DbClient, p: NewProduct): number {
  const info = prepared(db, 'catalog.insertProduct', (orm) =>
    orm
      .insert(products)
      .values({
        sku: ph('sku'),
        gtin: ph('gtin'),
        name: ph('name'),
        categoryId: ph('categoryId'),
        priceMinor: ph('priceMinor'),
        taxRateBp: ph('taxRateBp'),
        serialized: ph('serialized'),
        active: true,
      })
      .prepare(),
  ).run({ ...p, serialized: p.serialized ? 1 : 0 });
  return Number(info.lastInsertRowid);
}

/** The category whose code (preferred), Chinese or English name is `text`, or null. */
export function categoryIdByCodeOrName(db: DbClient, text: string): number | null {
  const row = prepared(db, 'catalog.categoryByCodeOrName', (orm) =>
    orm
      .select({ id: categories.id })
      .from(categories)
      .where(or(eq(categories.code, ph('c')), eq(categories.nameZh, ph('c')), eq(categories.nameEn, ph('c'))))
      .orderBy(sql`${categories.code} = ${ph('c')} DESC`, categories.id)
      .limit(1)
      .prepare(),
  ).get({ c: text });
  return row?.id ?? null;
}

export interface NewCategory {
  code: string;
  nameZh: string;
  nameEn: string;
  policyProfile: string;
}

export function insertCategory(db: DbClient, c: NewCategory): number {
  const info = prepared(db, 'catalog.insertCategory', (orm) =>
    orm
      .insert(categories)
      .values({
        code: ph('code'),
        nameZh: ph('nameZh'),
        nameEn: ph('nameEn'),
        policyProfile: ph('policyProfile'),
      })
      .prepare(),
  ).run({ ...c });
  return Number(info.lastInsertRowid);
}

/** Stores the category unless its code exists; true when it was added. */
export function insertCategoryIfAbsent(db: DbClient, c: NewCategory): boolean {
  const info = prepared(db, 'catalog.insertCategoryIfAbsent', (orm) =>
    orm
      .insert(categories)
      .values({
        code: ph('code'),
        nameZh: ph('nameZh'),
        nameEn: ph('nameEn'),
        policyProfile: ph('policyProfile'),
      })
      .onConflictDoNothing()
      .prepare(),
  ).run({ ...c });
  return info.changes > 0;
}

export function categoryIdByCode(db: DbClient, code: string): number | null {
  const row = prepared(db, 'catalog.categoryByCode', (orm) =>
    orm
      .select({ id: categories.id })
      .from(categories)
      .where(eq(categories.code, ph('code')))
      .prepare(),
  ).get({ code });
  return row?.id ?? null;
}

/** Stores an active product unless its SKU exists; true when it was added. */
export function insertProductIfAbsent(db: DbClient, p: NewProduct): boolean {
  const info = prepared(db, 'catalog.insertProductIfAbsent', (orm) =>
    orm
      .insert(products)
      .values({
        sku: ph('sku'),
        gtin: ph('gtin'),
        name: ph('name'),
        categoryId: ph('categoryId'),
        priceMinor: ph('priceMinor'),
        taxRateBp: ph('taxRateBp'),
        serialized: ph('serialized'),
        active: true,
      })
      .onConflictDoNothing()
      .prepare(),
  ).run({ ...p, serialized: p.serialized ? 1 : 0 });
  return info.changes > 0;
}
