/**
 * Warranty at intake, from the database: finds the sale (receipt number, else the serial on a sale
 * line), the policy profile of the sold item's category, the device's earlier repairs, then asks
 * the pure rule (shared/domain/repairs/warranty.ts). Also reports an open job for the same serial.
 */
import { clientOfHandle } from '../../../db/client';
import type { SqliteDb } from '../../../db/open';
import { findSaleByReceipt } from '../../../db/repositories/sales/sale-by-receipt';
import { AppError } from '../../../shared/contract/errors';
import { cnSanbaoProfile, genericRetailProfile, type PolicyProfile } from '../../../shared/domain/policy';
import { repairCategory } from '../../../shared/domain/repairs/categories';
import { promisedFor } from '../../../shared/domain/repairs/promised-date';
import { TERMINAL_STATUSES } from '../../../shared/domain/repairs/statuses';
import {
  decideRepairWarranty,
  type PreviousRepair,
  type WarrantyDecision,
} from '../../../shared/domain/repairs/warranty';
import { businessDay } from '../../../shared/domain/time/business-day';
import type { WarrantySnapshot } from './job-record';
import type { StoreInfo } from './store-info';

const PROFILES: Record<string, PolicyProfile> = {
  [cnSanbaoProfile.id]: cnSanbaoProfile,
  [genericRetailProfile.id]: genericRetailProfile,
};

/** The profile a category's row names (三包 for unknown categories: the store is in China). */
export function profileForCategory(db: SqliteDb, categoryCode: string | null): PolicyProfile {
  const row = categoryCode
    ? (db.prepare('SELECT policy_profile AS p FROM categories WHERE code = ?').get(categoryCode) as
        { p: string } | undefined)
    : undefined;
  return (row ? PROFILES[row.p] : undefined) ?? cnSanbaoProfile;
}

interface SaleMatch {
  id: string;
  receiptNo: string;
  soldAt: number;
  lineName: string;
  lineNetMinor: number;
  categoryCode: string | null;
}

/** The sale (and line) the device came from: by receipt, else by serial; null when none. */
export function findSale(
  db: SqliteDb,
  storeId: number,
  q: { receiptNo?: string; serial: string | null; categoryCode: string },
): SaleMatch | null {
  if (q.receiptNo) {
    const sale = findSaleByReceipt(clientOfHandle(db), storeId, q.receiptNo.trim());
    if (!sale) throw new AppError('SALE_NOT_FOUND', { receiptNo: q.receiptNo });
    const line =
      sale.lines.find((l) => q.serial !== null && l.serial === q.serial) ??
      sale.lines.find((l) => l.categoryCode === q.categoryCode) ??
      sale.lines[0];
    if (!line) return null;
    return {
      id: sale.id,
      receiptNo: sale.receiptNo,
      soldAt: sale.soldAt,
      lineName: line.name,
      lineNetMinor: Math.max(0, line.unitPriceMinor * line.qty - line.lineDiscountMinor),
      categoryCode: line.categoryCode,
    };
  }
  if (!q.serial) return null;
  const row = db
    .prepare(
      `SELECT s.id, s.receipt_no AS receiptNo, s.sold_at AS soldAt, l.name AS lineName,
              max(0, l.unit_price_minor * l.qty - l.line_discount_minor) AS lineNetMinor, cat.code AS categoryCode
       FROM sale_lines l JOIN sales s ON s.id = l.sale_id
       LEFT JOIN products p ON p.id = l.product_id LEFT JOIN categories cat ON cat.id = p.category_id
       WHERE l.serial = ? AND s.store_id = ? ORDER BY s.sold_at DESC LIMIT 1`,
    )
    .get(q.serial, storeId) as SaleMatch | undefined;
  return row ?? null;
}

/** Earlier jobs of a serial that were picked up repaired. */
export function previousRepairs(db: SqliteDb, storeId: number, serial: string | null): PreviousRepair[] {
  if (!serial) return [];
  return db
    .prepare(
      `SELECT id, fault_code AS faultCode, created_at AS createdAt, picked_up_at AS pickedUpAt,
              repair_warranty_days AS repairWarrantyDays
       FROM repair_jobs WHERE serial = ? AND store_id = ? AND status = 'picked_up' ORDER BY created_at DESC`,
    )
    .all(serial, storeId) as PreviousRepair[];
}

/** An open (not ended) job of the same serial, if any. */
export function openJobForSerial(db: SqliteDb, storeId: number, serial: string | null): string | null {
  if (!serial) return null;
  const placeholders = TERMINAL_STATUSES.map(() => '?').join(', ');
  const row = db
    .prepare(
      `SELECT id FROM repair_jobs WHERE serial = ? AND store_id = ? AND status NOT IN (${placeholders}) LIMIT 1`,
    )
    .get(serial, storeId, ...TERMINAL_STATUSES) as { id: string } | undefined;
  return row?.id ?? null;
}

export interface WarrantyCheck {
  decision: WarrantyDecision;
  snapshot: WarrantySnapshot;
  sale: SaleMatch | null;
  openJobId: string | null;
  promisedDay: string;
  promisedAt: number;
  slaBusinessDays: number;
}

/** Everything the intake screen needs before committing: sale, warranty, repeats, open job, promise. */
export function checkWarranty(
  db: SqliteDb,
  store: StoreInfo,
  q: {
    categoryCode: string;
    faultCode: string;
    serial: string | null;
    receiptNo?: string;
    voidReason: string | null;
  },
  now: number,
): WarrantyCheck {
  const category = repairCategory(q.categoryCode);
  const sale = findSale(db, store.id, {
    receiptNo: q.receiptNo,
    serial: q.serial,
    categoryCode: q.categoryCode,
  });
  const profile = sale ? profileForCategory(db, sale.categoryCode ?? q.categoryCode) : null;
  const decision = decideRepairWarranty({
    profile,
    categoryCode: sale?.categoryCode ?? q.categoryCode,
    sale: sale
      ? { id: sale.id, receiptNo: sale.receiptNo, soldAt: sale.soldAt, lineNetMinor: sale.lineNetMinor }
      : null,
    now,
    timeZone: store.timeZone,
    faultCode: q.faultCode,
    previousRepairs: previousRepairs(db, store.id, q.serial),
    manufacturerWarrantyMonths: category.manufacturerWarrantyMonths,
    voidReason: q.voidReason,
  });
  const promise = promisedFor(now, store.timeZone, category.slaBusinessDays);
  return {
    decision,
    snapshot: {
      kind: decision.kind,
      reasons: decision.reasons,
      options: decision.options,
      coveredUntil: decision.coveredUntil,
      sale: sale
        ? {
            id: sale.id,
            receiptNo: sale.receiptNo,
            soldAt: sale.soldAt,
            purchasedOn: businessDay(sale.soldAt, store.timeZone),
            lineName: sale.lineName,
          }
        : null,
      voidReason: q.voidReason,
    },
    sale,
    openJobId: openJobForSerial(db, store.id, q.serial),
    promisedDay: promise.promisedDay,
    promisedAt: promise.promisedAt,
    slaBusinessDays: category.slaBusinessDays,
  };
}
