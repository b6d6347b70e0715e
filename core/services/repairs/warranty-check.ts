/**
 * Warranty at intake, from the database: finds the sale (receipt number, else the serial on a sale
 * line), the policy profile of the sold item's category, the device's earlier repairs, then asks
 * the pure rule (shared/domain/repairs/warranty.ts). Also reports an open job for the same serial.
 */
import type { DbClient } from '../../../db/client';
import {
  categoryPolicyProfile,
  openJobIdOfSerial,
  pickedUpJobsOfSerial,
  saleLineBySerial,
} from '../../../db/repositories/repairs/warranty';
import type { StoreFacts } from '../../../db/repositories/store/store-facts';
import { findSaleByReceipt } from '../../../db/repositories/sales/sale-by-receipt';
import { AppError } from '../../../shared/contract/errors';
import { cnSanbaoProfile, genericRetailProfile, type PolicyProfile } from '../../../shared/domain/policy';
import { repairCategory } from '../../../shared/domain/repairs/categories';
import { promisedFor } from '../../../shared/domain/repairs/promised-date';
import {
  decideRepairWarranty,
  type PreviousRepair,
  type WarrantyDecision,
} from '../../../shared/domain/repairs/warranty';
import { businessDay } from '../../../shared/domain/time/business-day';
import type { WarrantySnapshot } from './job-record';

const PROFILES: Record<string, PolicyProfile> = {
  [cnSanbaoProfile.id]: cnSanbaoProfile,
  [genericRetailProfile.id]: genericRetailProfile,
};

/** The profile a category's row names (三包 for unknown categories: the store is in China). */
export function profileForCategory(db: DbClient, categoryCode: string | null): PolicyProfile {
  const profileId = categoryCode ? categoryPolicyProfile(db, categoryCode) : undefined;
  return (profileId !== undefined ? PROFILES[profileId] : undefined) ?? cnSanbaoProfile;
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
  db: DbClient,
  storeId: number,
  q: { receiptNo?: string; serial: string | null; categoryCode: string },
): SaleMatch | null {
  if (q.receiptNo) {
    const sale = findSaleByReceipt(db, storeId, q.receiptNo.trim());
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
  return saleLineBySerial(db, storeId, q.serial) ?? null;
}

/** Earlier jobs of a serial that were picked up repaired. */
export function previousRepairs(db: DbClient, storeId: number, serial: string | null): PreviousRepair[] {
  return serial ? pickedUpJobsOfSerial(db, storeId, serial) : [];
}

/** An open (not ended) job of the same serial, if any. */
export function openJobForSerial(db: DbClient, storeId: number, serial: string | null): string | null {
  return serial ? openJobIdOfSerial(db, storeId, serial) : null;
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
  db: DbClient,
  store: StoreFacts,
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
