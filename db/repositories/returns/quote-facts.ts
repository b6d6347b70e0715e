/**
 * The facts a quote is decided on besides the sale: products by SKU or barcode, the lowest recent
 * selling price of a SKU, the no-receipt store credit a customer got
 * in a period, and the repairs of a serial that did not fix it.
 */
import { and, asc, desc, eq, gt, gte, isNotNull, isNull, lt, lte, sql } from 'drizzle-orm';
import type { DbClient } from '../../client';
import { categories, products, repairJobs, returns, saleLines, sales, storeCreditLedger } from '../../schema';
import { prepared } from '../statements';

const productFields = {
  id: products.id,
  sku: products.sku,
  name: products.name,
  priceMinor: products.priceMinor,
  taxRateBp: products.taxRateBp,
  serialized: products.serialized,
  active: products.active,
  categoryCode: categories.code,
  policyProfile: categories.policyProfile,
};

/** The product of a SKU (any active state), or undefined. */
export function productBySku(db: DbClient, sku: string) {
  return prepared(db, 'returns.productBySku', (orm) =>
    orm
      .select(productFields)
      .from(products)
      .leftJoin(categories, eq(categories.id, products.categoryId))
      .where(eq(products.sku, sql.placeholder('sku')))
      .prepare(),
  ).get({ sku });
}

export type ProductRow = NonNullable<ReturnType<typeof productBySku>>;

/** The product of a barcode (active products first, then the oldest), or undefined. */
export function productByGtin(db: DbClient, gtin: string): ProductRow | undefined {
  return prepared(db, 'returns.productByGtin', (orm) =>
    orm
      .select(productFields)
      .from(products)
      .leftJoin(categories, eq(categories.id, products.categoryId))
      .where(eq(products.gtin, sql.placeholder('gtin')))
      .orderBy(desc(products.active), asc(products.id))
      .limit(1)
      .prepare(),
  ).get({ gtin });
}

/**
 * Lowest unit price (line price after the line's own discount, per unit, integer division) the SKU
 * sold at in the store between two business days; null when it did not sell. Driven by the sales
 * day index (a business-day range), then each sale's lines by its key.
 */
export function lowestUnitPrice(
  db: DbClient,
  q: { storeId: number; sku: string; fromDay: string; toDay: string },
): number | null {
  const row = prepared(db, 'returns.lowestUnitPrice', (orm) =>
    orm
      .select({
        price: sql<
          number | null
        >`min((${saleLines.qty} * ${saleLines.unitPriceMinor} - ${saleLines.lineDiscountMinor}) / ${saleLines.qty})`,
      })
      .from(sales)
      .innerJoin(saleLines, eq(saleLines.saleId, sales.id))
      .where(
        and(
          gte(sales.businessDay, sql.placeholder('fromDay')),
          lte(sales.businessDay, sql.placeholder('toDay')),
          eq(sales.storeId, sql.placeholder('storeId')),
          eq(saleLines.sku, sql.placeholder('sku')),
          gt(saleLines.qty, 0),
        ),
      )
      .prepare(),
  ).get(q);
  return row?.price ?? null;
}

/** Store credit issued to the customer by completed no-receipt returns created in [start, end). */
export function noReceiptCreditIssued(db: DbClient, customerId: number, start: number, end: number): number {
  const row = prepared(db, 'returns.noReceiptCredit', (orm) =>
    orm
      .select({ used: sql<number>`coalesce(sum(${storeCreditLedger.amountMinor}), 0)` })
      .from(returns)
      .innerJoin(
        storeCreditLedger,
        and(
          eq(storeCreditLedger.creditCode, returns.id),
          eq(storeCreditLedger.refType, 'return'),
          eq(storeCreditLedger.refId, returns.id),
        ),
      )
      .where(
        and(
          eq(returns.customerId, sql.placeholder('customerId')),
          gte(returns.createdAt, sql.placeholder('start')),
          lt(returns.createdAt, sql.placeholder('end')),
          isNull(returns.saleId),
          eq(returns.status, 'completed'),
          gt(storeCreditLedger.amountMinor, 0),
        ),
      )
      .prepare(),
  ).get({ customerId, start, end });
  return row?.used ?? 0;
}

/**
 * No-receipt store credit issued in [start, end) against this ID document, whoever's phone it was
 * given under. `normalisedId` is trimmed, upper-cased, without spaces or hyphens; the stored
 * number (as typed) is normalised the same way here.
 */
export function noReceiptCreditIssuedToIdDocument(
  db: DbClient,
  normalisedId: string,
  start: number,
  end: number,
): number {
  const row = prepared(db, 'returns.noReceiptCreditById', (orm) =>
    orm
      .select({ used: sql<number>`coalesce(sum(${storeCreditLedger.amountMinor}), 0)` })
      .from(returns)
      .innerJoin(
        storeCreditLedger,
        and(
          eq(storeCreditLedger.creditCode, returns.id),
          eq(storeCreditLedger.refType, 'return'),
          eq(storeCreditLedger.refId, returns.id),
        ),
      )
      .where(
        and(
          sql`upper(replace(replace(replace(trim(${returns.idDocument}), ' ', ''), '-', ''), char(12288), '')) = ${sql.placeholder('id')}`,
          gte(returns.createdAt, sql.placeholder('start')),
          lt(returns.createdAt, sql.placeholder('end')),
          isNull(returns.saleId),
          eq(returns.status, 'completed'),
          gt(storeCreditLedger.amountMinor, 0),
        ),
      )
      .prepare(),
  ).get({ id: normalisedId, start, end });
  return row?.used ?? 0;
}

/** Repairs of this serial that did not fix it (a later job names them as the job it repeats). */
export function failedRepairsOfSerial(db: DbClient, serial: string): number {
  const row = prepared(db, 'returns.failedRepairs', (orm) =>
    orm
      .select({ n: sql<number>`count(DISTINCT ${repairJobs.repeatOfJobId})` })
      .from(repairJobs)
      .where(and(eq(repairJobs.serial, sql.placeholder('serial')), isNotNull(repairJobs.repeatOfJobId)))
      .prepare(),
  ).get({ serial });
  return row?.n ?? 0;
}
