/**
 * Spare parts (备件): the stock list, and booking a part onto a job — stock −qty with a stock move
 * (bucket `spare_parts`), the part on the job at its cost and price, timeline and audit rows, all in
 * one transaction. Out of stock is a typed refusal; a stock at or under its low mark comes back as a
 * warning with the answer.
 */
import { appendAudit } from '../../../db/audit/chain';
import type { SqliteDb } from '../../../db/open';
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

export interface SparePartRow {
  sku: string;
  name: string;
  categoryCode: string | null;
  stockQty: number;
  lowStockAt: number;
  low: boolean;
  costMinor: number;
  priceMinor: number;
}

const SELECT = `SELECT sku, name, category_code AS categoryCode, stock_qty AS stockQty, low_stock_at AS lowStockAt,
  cost_minor AS costMinor, price_minor AS priceMinor FROM spare_parts`;

type Raw = Omit<SparePartRow, 'low'>;
const withLow = (r: Raw): SparePartRow => ({ ...r, low: r.stockQty <= r.lowStockAt });

/** The stock list, optionally for one category (plus parts of no category) or only the low ones. */
export function listParts(db: SqliteDb, q: { categoryCode?: string; lowOnly: boolean }): SparePartRow[] {
  const where: string[] = [];
  const args: string[] = [];
  if (q.categoryCode) {
    where.push('(category_code = ? OR category_code IS NULL)');
    args.push(q.categoryCode);
  }
  if (q.lowOnly) where.push('stock_qty <= low_stock_at');
  const sql = `${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY category_code, sku`;
  return (db.prepare(sql).all(...args) as Raw[]).map(withLow);
}

/** One part or REPAIR_PART_NOT_FOUND. */
export function partBySku(db: SqliteDb, sku: string): SparePartRow {
  const row = db.prepare(`${SELECT} WHERE sku = ?`).get(sku) as Raw | undefined;
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
  db: SqliteDb,
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
  const taken = db
    .prepare('UPDATE spare_parts SET stock_qty = stock_qty - ? WHERE sku = ? AND stock_qty >= ?')
    .run(qty, sku, qty);
  if (taken.changes === 0) {
    throw new AppError('REPAIR_PART_OUT_OF_STOCK', {
      sku,
      name: part.name,
      requested: qty,
      available: part.stockQty,
    });
  }
  const stockLeft = part.stockQty - qty;
  const move = db
    .prepare(
      `INSERT INTO stock_moves (at, store_id, product_id, sku, qty_delta, bucket, reason, ref_type, ref_id, staff_id)
       VALUES (?, ?, NULL, ?, ?, 'spare_parts', 'repair_part', 'repair_job', ?, ?)`,
    )
    .run(now, storeId, sku, -qty, job.id, actor.staffId);
  const moveId = Number(move.lastInsertRowid);
  appendAudit(db, {
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
  const line = db
    .prepare(
      `INSERT INTO repair_parts (job_id, part_sku, qty, unit_cost_minor, unit_price_minor, at, staff_id)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(job.id, sku, qty, part.costMinor, part.priceMinor, now, actor.staffId);
  const lineId = Number(line.lastInsertRowid);
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
  appendAudit(db, {
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
