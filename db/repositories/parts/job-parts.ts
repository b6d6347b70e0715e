/** Parts booked onto jobs (`repair_parts`): the lines with the part's name, and their totals. */
import { eq, sql } from 'drizzle-orm';
import type { DbClient } from '../../client';
import { repairParts, spareParts } from '../../schema';
import { prepared } from '../statements';

/** Adds a part line to a job; returns its id. */
export function insertJobPart(
  db: DbClient,
  p: {
    jobId: string;
    partSku: string;
    qty: number;
    unitCostMinor: number;
    unitPriceMinor: number;
    at: number;
    staffId: number | null;
  },
): number {
  const row = prepared(db, 'parts.insertJobPart', (orm) =>
    orm
      .insert(repairParts)
      .values({
        jobId: sql.placeholder('jobId'),
        partSku: sql.placeholder('partSku'),
        qty: sql.placeholder('qty'),
        unitCostMinor: sql.placeholder('unitCostMinor'),
        unitPriceMinor: sql.placeholder('unitPriceMinor'),
        at: sql.placeholder('at'),
        staffId: sql.placeholder('staffId'),
      })
      .returning({ id: repairParts.id })
      .prepare(),
  ).get(p);
  if (!row) throw new Error('repair part insert returned no id');
  return row.id;
}

/** The part lines of a job with the part's name, in booking order. */
export function partsOfJob(db: DbClient, jobId: string) {
  return prepared(db, 'parts.ofJob', (orm) =>
    orm
      .select({
        id: repairParts.id,
        sku: repairParts.partSku,
        name: spareParts.name,
        qty: repairParts.qty,
        unitCostMinor: repairParts.unitCostMinor,
        unitPriceMinor: repairParts.unitPriceMinor,
        at: repairParts.at,
        staffId: repairParts.staffId,
      })
      .from(repairParts)
      .innerJoin(spareParts, eq(spareParts.sku, repairParts.partSku))
      .where(eq(repairParts.jobId, sql.placeholder('jobId')))
      .orderBy(repairParts.id)
      .prepare(),
  ).all({ jobId });
}

/** Sum of parts on a job: price (charged) and cost (for margins), minor units. */
export function partsTotals(db: DbClient, jobId: string): { priceMinor: number; costMinor: number } {
  const row = prepared(db, 'parts.totals', (orm) =>
    orm
      .select({
        priceMinor: sql<number>`coalesce(sum(${repairParts.qty} * ${repairParts.unitPriceMinor}), 0)`,
        costMinor: sql<number>`coalesce(sum(${repairParts.qty} * ${repairParts.unitCostMinor}), 0)`,
      })
      .from(repairParts)
      .where(eq(repairParts.jobId, sql.placeholder('jobId')))
      .prepare(),
  ).get({ jobId });
  return row ?? { priceMinor: 0, costMinor: 0 };
}

/** Staff who booked parts onto a job. */
export function staffWhoBookedParts(db: DbClient, jobId: string): (number | null)[] {
  return prepared(db, 'parts.staffOfJob', (orm) =>
    orm
      .selectDistinct({ id: repairParts.staffId })
      .from(repairParts)
      .where(eq(repairParts.jobId, sql.placeholder('jobId')))
      .prepare(),
  )
    .all({ jobId })
    .map((r) => r.id);
}
