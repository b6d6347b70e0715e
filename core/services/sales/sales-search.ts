/**
 * Finding a sale without its receipt: customer phone (full or last digits), customer name
 * prefix, a line's serial/IMEI, or business day + total. Every path is an indexed lookup.
 */
import type { SqliteDb } from '../../../db/open';
import { AppError } from '../../../shared/contract/errors';
import type { MethodHandlers } from '../../dispatch/handlers';

export interface SaleSearch {
  phone?: string;
  name?: string;
  serial?: string;
  day?: string;
  amountMinor?: number;
  limit: number;
}

const SELECT = `SELECT s.id, s.receipt_no AS receiptNo, s.sold_at AS soldAt, s.total_minor AS totalMinor,
  c.name AS customerName, (SELECT count(*) FROM sale_lines l WHERE l.sale_id = s.id) AS lineCount
  FROM sales s LEFT JOIN customers c ON c.id = s.customer_id`;

/** Escapes LIKE wildcards so a typed % or _ matches itself. */
export function likePrefix(text: string): string {
  return `${text.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
}

export function reversedDigits(phone: string): string {
  return phone.replace(/\D/g, '').split('').reverse().join('');
}

export function searchSales(db: SqliteDb, storeId: number, q: SaleSearch) {
  if (q.phone) {
    return db
      .prepare(
        `${SELECT} WHERE s.store_id = ? AND s.customer_id IN
           (SELECT id FROM customers WHERE phone_rev LIKE ? ESCAPE '\\' LIMIT 50)
         ORDER BY s.sold_at DESC LIMIT ?`,
      )
      .all(storeId, likePrefix(reversedDigits(q.phone)), q.limit);
  }
  if (q.name) {
    return db
      .prepare(
        `${SELECT} WHERE s.store_id = ? AND s.customer_id IN
           (SELECT id FROM customers WHERE name LIKE ? ESCAPE '\\' LIMIT 50)
         ORDER BY s.sold_at DESC LIMIT ?`,
      )
      .all(storeId, likePrefix(q.name.trim()), q.limit);
  }
  if (q.serial) {
    return db
      .prepare(
        `${SELECT} WHERE s.store_id = ? AND s.id IN (SELECT sale_id FROM sale_lines WHERE serial = ?) LIMIT ?`,
      )
      .all(storeId, q.serial.trim(), q.limit);
  }
  if (q.day) {
    if (q.amountMinor !== undefined) {
      return db
        .prepare(`${SELECT} WHERE s.business_day = ? AND s.total_minor = ? AND s.store_id = ? LIMIT ?`)
        .all(q.day, q.amountMinor, storeId, q.limit);
    }
    return db
      .prepare(`${SELECT} WHERE s.business_day = ? AND s.store_id = ? ORDER BY s.sold_at LIMIT ?`)
      .all(q.day, storeId, q.limit);
  }
  throw new AppError('SEARCH_NEEDS_CRITERIA');
}

export const salesSearchHandlers: MethodHandlers<'sales.search'> = {
  'sales.search': (input, { core }) =>
    searchSales(core.db.sqlite, core.storeId, input) as ReturnType<
      MethodHandlers<'sales.search'>['sales.search']
    >,
};
