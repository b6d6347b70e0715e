/**
 * Spare parts (备件): the stock list, and booking a part onto a job — stock −qty with a stock move
 * (bucket `spare_parts`), the part on the job at its cost and price, timeline and audit rows, all in
 * one transaction. Out of stock is a typed refusal; a stock at or under its low mark comes back as a
 * warning with the answer.
 */
import { appendRepairAudit } from '../../../db/repositories/repairs/audit';
import type { DbClient } from '../../../db/client';
import { insertJobPart } from '../../../db/repositories/parts/job-parts';
import {
  sparePartBySku,
  sparePartRows,
  takeStock,
  type SparePart,
} from '../../../db/repositories/parts/spare-parts';
import { insertSparePartMove } from '../../../db/repositories/parts/stock-moves';
import { AppError } from '../../../shared/contract/errors';
import { isTerminal, type RepairStatus } from '../../../shared/domain/repairs/statuses';
import type { JobRow } from './job-record';
import { recordEvent } from './repair-events';
import type { Actor } from './transition';

/** Statuses in which work happens and parts may be booked. */
export const PARTS_STATUSES: readonly RepairStatus[] = [
  'diagnosing',
  'awaiting_parts',
  'repairing',
  'testing',
];

export interface SparePartRow extends SparePart {
  low: boolean;
}

const withLow = (r: SparePart): SparePartRow => ({ ...r, low: r.stockQty <= r.lowStockAt });

/** The stock list, optionally for one category (plus parts of no category) or only the low ones. */
export function listParts(db: DbClient, q: { categoryCode?: string; lowOnly: boolean }): SparePartRow[] {
  return sparePartRows(db, q).map(withLow);
}

/** One part or REPAIR_PART_NOT_FOUND. */
export function partBySku(db: DbClient, sku: string): SparePartRow {
  const row = sparePartBySku(db, sku);
  if (!row) throw new AppError('REPAIR_PART_NOT_FOUND', { sku });
  return withLow(row);
}

export interface BookedPart {
  lineId: number;
  stockLeft: number;
  lowStock: {
    sku: string;
    name: string;
    left: number;
    lowStockAt: number;
    messageKey: 'repairs.lowStock';
  } | null;
}

/** Books `qty` of a part onto a job inside the caller's transaction. */
export function bookPart(
  db: DbClient,
  storeId: number,
  actor: Actor,
  job: JobRow,
  sku: string,
  qty: number,
  now: number,
): BookedPart {
  if (isTerminal(job.status)) throw new AppError('REPAIR_JOB_CLOSED', { jobId: job.id, status: job.status });
  if (!PARTS_STATUSES.includes(job.status))
    throw new AppError('REPAIR_PARTS_NOT_ALLOWED', { status: job.status });
  const part = partBySku(db, sku);
  if (!takeStock(db, sku, qty)) {
    throw new AppError('REPAIR_PART_OUT_OF_STOCK', {
      sku,
      name: part.name,
      requested: qty,
      available: part.stockQty,
    });
  }
  const stockLeft = part.stockQty - qty;
  const moveId = insertSparePartMove(db, {
    at: now,
    storeId,
    sku,
    qtyDelta: -qty,
    reason: 'repair_part',
    refType: 'repair_job',
    refId: job.id,
    staffId: actor.staffId,
  });
  appendRepairAudit(db, {
    at: now,
    storeId,
    staffId: actor.staffId,
    action: 'stock.move',
    entityType: 'stock_move',
    entityId: String(moveId),
    data: {
      sku,
      qtyDelta: -qty,
      bucket: 'spare_parts',
      reason: 'repair_part',
      refType: 'repair_job',
      refId: job.id,
      stockLeft,
    },
  });
  const lineId = insertJobPart(db, {
    jobId: job.id,
    partSku: sku,
    qty,
    unitCostMinor: part.costMinor,
    unitPriceMinor: part.priceMinor,
    at: now,
    staffId: actor.staffId,
  });
  recordEvent(db, {
    jobId: job.id,
    at: now,
    staffId: actor.staffId,
    from: job.status,
    to: job.status,
    kind: 'part',
    data: {
      sku,
      name: part.name,
      qty,
      unitCostMinor: part.costMinor,
      unitPriceMinor: part.priceMinor,
      stockMoveId: moveId,
    },
  });
  appendRepairAudit(db, {
    at: now,
    storeId,
    staffId: actor.staffId,
    action: 'repair.part_added',
    entityType: 'repair_job',
    entityId: job.id,
    data: {
      lineId,
      sku,
      qty,
      unitCostMinor: part.costMinor,
      unitPriceMinor: part.priceMinor,
      stockMoveId: moveId,
    },
  });
  return {
    lineId,
    stockLeft,
    lowStock:
      stockLeft <= part.lowStockAt
        ? {
            sku,
            name: part.name,
            left: stockLeft,
            lowStockAt: part.lowStockAt,
            messageKey: 'repairs.lowStock',
          }
        : null,
  };
}
