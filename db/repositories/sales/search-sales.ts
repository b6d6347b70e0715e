/**
 * Finding a sale without its receipt: customer phone (full or last digits), customer name
 * prefix, a line's serial/IMEI, or business day (+ total). Every path is an indexed lookup.
 */
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { AppError } from '../../../shared/contract/errors';
import type { DbClient, Orm } from '../../client';
import { customers, saleLines, sales } from '../../schema';
import { customerIdsByNamePrefix, customerIdsByPhoneSuffix } from '../customers/customers';
import { likePrefix, phoneRev } from '../customers/phone';
import { prepared } from '../statements';

export interface SaleSearch {
  phone?: string;
  name?: string;
  serial?: string;
  day?: string;
  amountMinor?: number;
  limit: number;
}

const ph = sql.placeholder;

function found(orm: Orm) {
  return orm
    .select({
      id: sales.id,
      receiptNo: sales.receiptNo,
      soldAt: sales.soldAt,
      totalMinor: sales.totalMinor,
      customerName: customers.name,
      lineCount: sql<number>`(SELECT count(*) FROM ${saleLines} WHERE ${saleLines.saleId} = ${sales.id})`,
    })
    .from(sales)
    .leftJoin(customers, eq(customers.id, sales.customerId));
}

export type FoundSale = Awaited<ReturnType<ReturnType<typeof found>['all']>>[number];

/** The sales matching the first criterion given (phone, name, serial, day); SEARCH_NEEDS_CRITERIA without one. */
export function searchSales(db: DbClient, storeId: number, q: SaleSearch): FoundSale[] {
  const { limit } = q;
  if (q.phone) {
    return prepared(db, 'sales.searchByPhoneSuffix', (orm) =>
      found(orm)
        .where(
          and(
            eq(sales.storeId, ph('storeId')),
            inArray(sales.customerId, customerIdsByPhoneSuffix(orm, ph('pattern'))),
          ),
        )
        .orderBy(desc(sales.soldAt))
        .limit(ph('limit'))
        .prepare(),
    ).all({ storeId, pattern: likePrefix(phoneRev(q.phone)), limit });
  }
  if (q.name) {
    return prepared(db, 'sales.searchByNamePrefix', (orm) =>
      found(orm)
        .where(
          and(
            eq(sales.storeId, ph('storeId')),
            inArray(sales.customerId, customerIdsByNamePrefix(orm, ph('pattern'))),
          ),
        )
        .orderBy(desc(sales.soldAt))
        .limit(ph('limit'))
        .prepare(),
    ).all({ storeId, pattern: likePrefix(q.name.trim()), limit });
  }
  if (q.serial) {
    return prepared(db, 'sales.searchBySerial', (orm) =>
      found(orm)
        .where(
          and(
            eq(sales.storeId, ph('storeId')),
            inArray(
              sales.id,
              orm
                .select({ id: saleLines.saleId })
                .from(saleLines)
                .where(eq(saleLines.serial, ph('serial'))),
            ),
          ),
        )
        .limit(ph('limit'))
        .prepare(),
    ).all({ storeId, serial: q.serial.trim(), limit });
  }
  if (q.day) {
    if (q.amountMinor !== undefined) {
      return prepared(db, 'sales.searchByDayTotal', (orm) =>
        found(orm)
          .where(
            and(
              eq(sales.businessDay, ph('day')),
              eq(sales.totalMinor, ph('amountMinor')),
              eq(sales.storeId, ph('storeId')),
            ),
          )
          .limit(ph('limit'))
          .prepare(),
      ).all({ storeId, day: q.day, amountMinor: q.amountMinor, limit });
    }
    return prepared(db, 'sales.searchByDay', (orm) =>
      found(orm)
        .where(and(eq(sales.businessDay, ph('day')), eq(sales.storeId, ph('storeId'))))
        .orderBy(sales.soldAt)
        .limit(ph('limit'))
        .prepare(),
    ).all({ storeId, day: q.day, limit });
  }
  throw new AppError('SEARCH_NEEDS_CRITERIA');
}
