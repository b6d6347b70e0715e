/** What the warranty check at intake reads: category profiles, the sale of a serial, earlier and open jobs. */
import { and, desc, eq, notInArray, sql } from 'drizzle-orm';
import { TERMINAL_STATUSES } from '../../../shared/domain/repairs/statuses';
import type { DbClient } from '../../client';
import { categories, products, repairJobs, saleLines, sales } from '../../schema';
import { prepared } from '../statements';

/** The policy profile id a category's row names, or undefined. */
export function categoryPolicyProfile(db: DbClient, categoryCode: string): string | undefined {
  return prepared(db, 'repairs.categoryPolicyProfile', (orm) =>
    orm
      .select({ p: categories.policyProfile })
      .from(categories)
      .where(eq(categories.code, sql.placeholder('code')))
      .prepare(),
  ).get({ code: categoryCode })?.p;
}

/** The category's names (zh, en), or undefined. */
export function categoryNames(db: DbClient, categoryCode: string): { zh: string; en: string } | undefined {
  return prepared(db, 'repairs.categoryNames', (orm) =>
    orm
      .select({ zh: categories.nameZh, en: categories.nameEn })
      .from(categories)
      .where(eq(categories.code, sql.placeholder('code')))
      .prepare(),
  ).get({ code: categoryCode });
}

/** The newest sale line of the store with this serial (and its sale), or undefined. */
export function saleLineBySerial(db: DbClient, storeId: number, serial: string) {
  return prepared(db, 'repairs.saleLineBySerial', (orm) =>
    orm
      .select({
        id: sales.id,
        receiptNo: sales.receiptNo,
        soldAt: sales.soldAt,
        lineName: saleLines.name,
        lineNetMinor: sql<number>`max(0, ${saleLines.unitPriceMinor} * ${saleLines.qty} - ${saleLines.lineDiscountMinor})`,
        categoryCode: categories.code,
      })
      .from(saleLines)
      .innerJoin(sales, eq(sales.id, saleLines.saleId))
      .leftJoin(products, eq(products.id, saleLines.productId))
      .leftJoin(categories, eq(categories.id, products.categoryId))
      .where(
        and(eq(saleLines.serial, sql.placeholder('serial')), eq(sales.storeId, sql.placeholder('storeId'))),
      )
      .orderBy(desc(sales.soldAt))
      .limit(1)
      .prepare(),
  ).get({ serial, storeId });
}

/** The latest laptop sold with a serial other than `exceptSerial` to a known customer (demo data). */
export function laptopSaleWithCustomer(db: DbClient, exceptSerial: string) {
  return prepared(db, 'repairs.laptopSaleWithCustomer', (orm) =>
    orm
      .select({ serial: saleLines.serial, name: saleLines.name, customerId: sales.customerId })
      .from(saleLines)
      .innerJoin(sales, eq(sales.id, saleLines.saleId))
      .innerJoin(products, eq(products.id, saleLines.productId))
      .innerJoin(categories, eq(categories.id, products.categoryId))
      .where(
        and(
          eq(categories.code, 'laptop'),
          sql`${saleLines.serial} IS NOT NULL`,
          sql`${saleLines.serial} <> ${sql.placeholder('exceptSerial')}`,
          sql`${sales.customerId} IS NOT NULL`,
        ),
      )
      .orderBy(desc(sales.soldAt), saleLines.id)
      .limit(1)
      .prepare(),
  ).get({ exceptSerial });
}

/** Earlier jobs of a serial that were picked up repaired, newest first. */
export function pickedUpJobsOfSerial(db: DbClient, storeId: number, serial: string) {
  return prepared(db, 'repairs.pickedUpJobsOfSerial', (orm) =>
    orm
      .select({
        id: repairJobs.id,
        faultCode: repairJobs.faultCode,
        createdAt: repairJobs.createdAt,
        pickedUpAt: repairJobs.pickedUpAt,
        repairWarrantyDays: repairJobs.repairWarrantyDays,
      })
      .from(repairJobs)
      .where(
        and(
          eq(repairJobs.serial, sql.placeholder('serial')),
          eq(repairJobs.storeId, sql.placeholder('storeId')),
          eq(repairJobs.status, 'picked_up'),
        ),
      )
      .orderBy(desc(repairJobs.createdAt))
      .prepare(),
  ).all({ serial, storeId });
}

/** An open (not ended) job of the serial, or null. */
export function openJobIdOfSerial(db: DbClient, storeId: number, serial: string): string | null {
  return (
    prepared(db, 'repairs.openJobOfSerial', (orm) =>
      orm
        .select({ id: repairJobs.id })
        .from(repairJobs)
        .where(
          and(
            eq(repairJobs.serial, sql.placeholder('serial')),
            eq(repairJobs.storeId, sql.placeholder('storeId')),
            notInArray(repairJobs.status, [...TERMINAL_STATUSES]),
          ),
        )
        .limit(1)
        .prepare(),
    ).get({ serial, storeId })?.id ?? null
  );
}
