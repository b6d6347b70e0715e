/** The stock moves repairs book (`stock_moves`, bucket `spare_parts`): a part used on a job, opening stock. */
import { sql } from 'drizzle-orm';
import type { DbClient } from '../../client';
import { stockMoves } from '../../schema';
import { prepared } from '../statements';

/** Books one move of a spare part; returns its id. */
export function insertSparePartMove(
  db: DbClient,
  m: {
    at: number;
    storeId: number;
    sku: string;
    qtyDelta: number;
    reason: string;
    refType: string;
    refId: string;
    staffId: number | null;
  },
): number {
  const row = prepared(db, 'parts.insertMove', (orm) =>
    orm
      .insert(stockMoves)
      .values({
        at: sql.placeholder('at'),
        storeId: sql.placeholder('storeId'),
        productId: null,
        sku: sql.placeholder('sku'),
        qtyDelta: sql.placeholder('qtyDelta'),
        bucket: 'spare_parts',
        reason: sql.placeholder('reason'),
        refType: sql.placeholder('refType'),
        refId: sql.placeholder('refId'),
        staffId: sql.placeholder('staffId'),
      })
      .returning({ id: stockMoves.id })
      .prepare(),
  ).get(m);
  if (!row) throw new Error('stock move insert returned no id');
  return row.id;
}
