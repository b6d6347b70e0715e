/** Spare parts (`spare_parts`): the stock list, one part, taking stock, and the opening stock of the demo. */
import { and, eq, gte, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { DbClient } from '../../client';
import { spareParts } from '../../schema';
import { prepared } from '../statements';

const PART_FIELDS = {
  sku: spareParts.sku,
  name: spareParts.name,
  categoryCode: spareParts.categoryCode,
  stockQty: spareParts.stockQty,
  lowStockAt: spareParts.lowStockAt,
  costMinor: spareParts.costMinor,
  priceMinor: spareParts.priceMinor,
};

export interface SparePart {
  sku: string;
  name: string;
  categoryCode: string | null;
  stockQty: number;
  lowStockAt: number;
  costMinor: number;
  priceMinor: number;
}

/** The stock list, optionally for one category (plus parts of no category) or only the low ones. */
export function sparePartRows(db: DbClient, q: { categoryCode?: string; lowOnly: boolean }): SparePart[] {
  const shape = `${q.categoryCode ? 1 : 0}:${q.lowOnly ? 1 : 0}`;
  return prepared(db, `parts.list:${shape}`, (orm) => {
    const where: SQL[] = [];
    if (q.categoryCode) {
      const of = or(
        eq(spareParts.categoryCode, sql.placeholder('categoryCode')),
        isNull(spareParts.categoryCode),
      );
      if (of) where.push(of);
    }
    if (q.lowOnly) where.push(lte(spareParts.stockQty, spareParts.lowStockAt));
    return orm
      .select(PART_FIELDS)
      .from(spareParts)
      .where(and(...where))
      .orderBy(spareParts.categoryCode, spareParts.sku)
      .prepare();
  }).all({ categoryCode: q.categoryCode });
}

/** One part, or undefined. */
export function sparePartBySku(db: DbClient, sku: string): SparePart | undefined {
  return prepared(db, 'parts.bySku', (orm) =>
    orm
      .select(PART_FIELDS)
      .from(spareParts)
      .where(eq(spareParts.sku, sql.placeholder('sku')))
      .prepare(),
  ).get({ sku });
}

/** Takes `qty` off the stock when that much is there; false when it is not. */
export function takeStock(db: DbClient, sku: string, qty: number): boolean {
  const taken = prepared(db, 'parts.take', (orm) =>
    orm
      .update(spareParts)
      .set({ stockQty: sql`${spareParts.stockQty} - ${sql.placeholder('qty')}` })
      .where(
        and(eq(spareParts.sku, sql.placeholder('sku')), gte(spareParts.stockQty, sql.placeholder('qty'))),
      )
      .returning({ sku: spareParts.sku })
      .prepare(),
  ).all({ sku, qty });
  return taken.length > 0;
}

/** Adds a part to the list with its opening stock. */
export function insertSparePart(db: DbClient, part: SparePart): void {
  prepared(db, 'parts.insert', (orm) =>
    orm
      .insert(spareParts)
      .values({
        sku: sql.placeholder('sku'),
        name: sql.placeholder('name'),
        categoryCode: sql.placeholder('categoryCode'),
        stockQty: sql.placeholder('stockQty'),
        lowStockAt: sql.placeholder('lowStockAt'),
        costMinor: sql.placeholder('costMinor'),
        priceMinor: sql.placeholder('priceMinor'),
      })
      .prepare(),
  ).run({ ...part });
}
