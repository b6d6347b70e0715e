/**
 * The rows a return commit reads and writes inside its transaction: the idempotency record, the
 * day's last return number, the return header, its lines and their inspections, tenders, exchange
 * lines, stock moves and store credit, and its audit row. One prepared insert per table; no reads
 * between the writes.
 */
import { and, eq, sql } from 'drizzle-orm';
import { appendAudit, type AuditEntry } from '../../audit/chain';
import type { DbClient } from '../../client';
import { formatDocumentNumber, nextSequence } from '../../sequences';
import {
  exchangeLines,
  idempotencyKeys,
  numberSequences,
  refundTenders,
  returnInspections,
  returnLines,
  returns,
  staff,
  stockMoves,
} from '../../schema';
import { prepared } from '../statements';
import { creditStoreCredit } from '../store-credit/ledger';

const ph = <K extends string>(k: K) => sql.placeholder(k);

/** The stored result of an earlier request with this idempotency key, or undefined. */
export function idempotencyRecord(db: DbClient, key: string) {
  return prepared(db, 'returns.idempotencyByKey', (orm) =>
    orm
      .select({
        method: idempotencyKeys.method,
        requestHash: idempotencyKeys.requestHash,
        result: idempotencyKeys.result,
      })
      .from(idempotencyKeys)
      .where(eq(idempotencyKeys.key, ph('key')))
      .prepare(),
  ).get({ key });
}

/** Records a commit's result under its idempotency key (method `returns.commit`). */
export function insertIdempotencyRecord(
  db: DbClient,
  r: { key: string; staffId: number; requestHash: string; result: string; createdAt: number },
): void {
  prepared(db, 'returns.insertIdempotency', (orm) =>
    orm
      .insert(idempotencyKeys)
      .values({
        key: ph('key'),
        method: 'returns.commit',
        staffId: ph('staffId'),
        requestHash: ph('requestHash'),
        result: ph('result'),
        createdAt: ph('createdAt'),
      })
      .prepare(),
  ).run(r);
}

/** A staff member's name ('' when unknown). */
export function staffName(db: DbClient, id: number): string {
  return (
    prepared(db, 'returns.staffName', (orm) =>
      orm
        .select({ name: staff.name })
        .from(staff)
        .where(eq(staff.id, ph('id')))
        .prepare(),
    ).get({ id })?.name ?? ''
  );
}

/** The return number the store's business day would draw next (read only; the commit draws it). */
export function peekReturnNumber(db: DbClient, storeId: number, day: string): string {
  const last = prepared(db, 'returns.lastNumber', (orm) =>
    orm
      .select({ lastValue: numberSequences.lastValue })
      .from(numberSequences)
      .where(
        and(
          eq(numberSequences.storeId, ph('storeId')),
          eq(numberSequences.kind, 'R'),
          eq(numberSequences.day, ph('day')),
        ),
      )
      .prepare(),
  ).get({ storeId, day });
  return formatDocumentNumber('R', day, (last?.lastValue ?? 0) + 1);
}

/** Draws the business day's next return number (inside the commit's transaction: no gaps on rollback). */
export function drawReturnNumber(db: DbClient, storeId: number, day: string): string {
  return formatDocumentNumber('R', day, nextSequence(db, storeId, 'R', day));
}

export type ReturnHeaderInsert = Required<Omit<typeof returns.$inferInsert, 'status'>>;

/** The return's header row (status completed). */
export function insertReturn(db: DbClient, r: ReturnHeaderInsert): void {
  prepared(db, 'returns.insertReturn', (orm) =>
    orm
      .insert(returns)
      .values({
        id: ph('id'),
        storeId: ph('storeId'),
        saleId: ph('saleId'),
        customerId: ph('customerId'),
        kind: ph('kind'),
        status: 'completed',
        createdAt: ph('createdAt'),
        businessDay: ph('businessDay'),
        staffId: ph('staffId'),
        reasonCode: ph('reasonCode'),
        overrideId: ph('overrideId'),
        currency: ph('currency'),
        refundTotalMinor: ph('refundTotalMinor'),
        restockingFeeMinor: ph('restockingFeeMinor'),
        exchangeDueMinor: ph('exchangeDueMinor'),
        idempotencyKey: ph('idempotencyKey'),
        idDocument: ph('idDocument'),
        note: ph('note'),
      })
      .prepare(),
  ).run(r);
}

export type ReturnLineInsert = Required<Omit<typeof returnLines.$inferInsert, 'id'>>;

/** One returned line; its row id (for the inspection). */
export function insertReturnLine(db: DbClient, l: ReturnLineInsert): number {
  return Number(
    prepared(db, 'returns.insertLine', (orm) =>
      orm
        .insert(returnLines)
        .values({
          returnId: ph('returnId'),
          saleLineNo: ph('saleLineNo'),
          productId: ph('productId'),
          sku: ph('sku'),
          name: ph('name'),
          qty: ph('qty'),
          unitPriceMinor: ph('unitPriceMinor'),
          grossMinor: ph('grossMinor'),
          discountShareMinor: ph('discountShareMinor'),
          taxMinor: ph('taxMinor'),
          restockingFeeMinor: ph('restockingFeeMinor'),
          refundMinor: ph('refundMinor'),
          grade: ph('grade'),
          disposition: ph('disposition'),
          policyOutcome: ph('policyOutcome'),
          policyRule: ph('policyRule'),
          serial: ph('serial'),
        })
        .prepare(),
    ).run(l).lastInsertRowid,
  );
}

/** A returned line's inspection (checklist JSON, grade, notes, inspector). */
export function insertInspection(
  db: DbClient,
  i: Required<Omit<typeof returnInspections.$inferInsert, 'id'>>,
): void {
  prepared(db, 'returns.insertInspection', (orm) =>
    orm
      .insert(returnInspections)
      .values({
        returnLineId: ph('returnLineId'),
        checklist: ph('checklist'),
        grade: ph('grade'),
        notes: ph('notes'),
        inspectorId: ph('inspectorId'),
      })
      .prepare(),
  ).run(i);
}

/** One tender of the return (seq from 1; amount < 0 is money the customer paid in an exchange). */
export function insertTender(db: DbClient, t: Required<Omit<typeof refundTenders.$inferInsert, 'id'>>): void {
  prepared(db, 'returns.insertTender', (orm) =>
    orm
      .insert(refundTenders)
      .values({
        returnId: ph('returnId'),
        seq: ph('seq'),
        tender: ph('tender'),
        amountMinor: ph('amountMinor'),
        ref: ph('ref'),
      })
      .prepare(),
  ).run(t);
}

/** One new item handed out in an exchange. */
export function insertExchangeLine(
  db: DbClient,
  x: Required<Omit<typeof exchangeLines.$inferInsert, 'id'>>,
): void {
  prepared(db, 'returns.insertExchangeLine', (orm) =>
    orm
      .insert(exchangeLines)
      .values({
        returnId: ph('returnId'),
        productId: ph('productId'),
        sku: ph('sku'),
        name: ph('name'),
        qty: ph('qty'),
        unitPriceMinor: ph('unitPriceMinor'),
        serial: ph('serial'),
      })
      .prepare(),
  ).run(x);
}

/** A stock move caused by return `refId` (ref_type 'return'). */
export function insertReturnStockMove(
  db: DbClient,
  m: Required<Omit<typeof stockMoves.$inferInsert, 'id' | 'refType'>>,
): void {
  prepared(db, 'returns.insertStockMove', (orm) =>
    orm
      .insert(stockMoves)
      .values({
        at: ph('at'),
        storeId: ph('storeId'),
        productId: ph('productId'),
        sku: ph('sku'),
        qtyDelta: ph('qtyDelta'),
        bucket: ph('bucket'),
        reason: ph('reason'),
        refType: 'return',
        refId: ph('refId'),
        staffId: ph('staffId'),
      })
      .prepare(),
  ).run(m);
}

/** Store credit issued by return `refId` under credit code `creditCode` (ref_type 'return'): the one ledger, `store-credit/`. */
export function insertReturnStoreCredit(
  db: DbClient,
  c: { at: number; customerId: number | null; creditCode: string; amountMinor: number; refId: string },
): void {
  creditStoreCredit(db, { ...c, refType: 'return' });
}

/** The hash-chained audit row of a return's change (inside the change's transaction). */
export function appendReturnAudit(db: DbClient, entry: AuditEntry): void {
  appendAudit(db.sqlite, entry);
}
