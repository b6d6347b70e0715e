/**
 * Committed returns read back: the header with its sale and customer, lines with their inspection,
 * tenders, exchange lines, store credit, override, print jobs, a sale's returns, the audit rows of a
 * return and its override grant, staff summaries and a customer's store credit balance.
 */
import { and, asc, eq, or, sql } from 'drizzle-orm';
import type { Role } from '../../../shared/contract/permissions';
import { isRefundTender } from '../../../shared/domain/money/tenders';
import type { DbClient } from '../../client';
import {
  auditLog,
  customers,
  exchangeLines,
  overrides,
  printJobs,
  refundTenders,
  returnInspections,
  returnLines,
  returns,
  sales,
  staff,
  storeCreditLedger,
} from '../../schema';
import { prepared } from '../statements';

const ph = <K extends string>(k: K) => sql.placeholder(k);

/** A return's header in the store (with its sale's receipt number and its customer), or undefined. */
export function returnHeader(db: DbClient, storeId: number, returnId: string) {
  return prepared(db, 'returns.header', (orm) =>
    orm
      .select({
        id: returns.id,
        kind: returns.kind,
        status: returns.status,
        saleId: returns.saleId,
        receiptNo: sales.receiptNo,
        customerId: returns.customerId,
        customerName: customers.name,
        customerPhone: customers.phone,
        createdAt: returns.createdAt,
        businessDay: returns.businessDay,
        staffId: returns.staffId,
        reasonCode: returns.reasonCode,
        overrideId: returns.overrideId,
        currency: returns.currency,
        refundTotalMinor: returns.refundTotalMinor,
        restockingFeeMinor: returns.restockingFeeMinor,
        exchangeDueMinor: returns.exchangeDueMinor,
        idDocument: returns.idDocument,
        note: returns.note,
      })
      .from(returns)
      .leftJoin(sales, eq(sales.id, returns.saleId))
      .leftJoin(customers, eq(customers.id, returns.customerId))
      .where(and(eq(returns.id, ph('returnId')), eq(returns.storeId, ph('storeId'))))
      .prepare(),
  ).get({ returnId, storeId });
}

/** Whether the store has a return with this id. */
export function returnExists(db: DbClient, storeId: number, returnId: string): boolean {
  return (
    prepared(db, 'returns.exists', (orm) =>
      orm
        .select({ id: returns.id })
        .from(returns)
        .where(and(eq(returns.id, ph('returnId')), eq(returns.storeId, ph('storeId'))))
        .prepare(),
    ).get({ returnId, storeId }) !== undefined
  );
}

/** A return's lines in written order, each with its inspection (null fields when it has none). */
export function returnLinesWithInspection(db: DbClient, returnId: string) {
  return prepared(db, 'returns.linesWithInspection', (orm) =>
    orm
      .select({
        id: returnLines.id,
        saleLineNo: returnLines.saleLineNo,
        productId: returnLines.productId,
        sku: returnLines.sku,
        name: returnLines.name,
        qty: returnLines.qty,
        unitPriceMinor: returnLines.unitPriceMinor,
        grossMinor: returnLines.grossMinor,
        discountShareMinor: returnLines.discountShareMinor,
        taxMinor: returnLines.taxMinor,
        restockingFeeMinor: returnLines.restockingFeeMinor,
        refundMinor: returnLines.refundMinor,
        grade: returnLines.grade,
        disposition: returnLines.disposition,
        policyOutcome: returnLines.policyOutcome,
        policyRule: returnLines.policyRule,
        serial: returnLines.serial,
        inspChecklist: returnInspections.checklist,
        inspGrade: returnInspections.grade,
        inspNotes: returnInspections.notes,
        inspectorId: returnInspections.inspectorId,
      })
      .from(returnLines)
      .leftJoin(returnInspections, eq(returnInspections.returnLineId, returnLines.id))
      .where(eq(returnLines.returnId, ph('returnId')))
      .orderBy(asc(returnLines.id))
      .prepare(),
  ).all({ returnId });
}

/** A return's tenders in order. */
export function returnTenders(db: DbClient, returnId: string) {
  return prepared(db, 'returns.tenders', (orm) =>
    orm
      .select({
        seq: refundTenders.seq,
        tender: refundTenders.tender,
        amountMinor: refundTenders.amountMinor,
        ref: refundTenders.ref,
      })
      .from(refundTenders)
      .where(eq(refundTenders.returnId, ph('returnId')))
      .orderBy(asc(refundTenders.seq))
      .prepare(),
  )
    .all({ returnId })
    .map((t) => {
      // Only the returns commit (and migration 0006) write these rows, always with a REFUND_TENDERS key.
      if (!isRefundTender(t.tender)) throw new Error(`return ${returnId}: unknown refund tender ${t.tender}`);
      return { ...t, tender: t.tender };
    });
}

/** The new items an exchange handed out, in written order. */
export function returnExchangeLines(db: DbClient, returnId: string) {
  return prepared(db, 'returns.exchangeLines', (orm) =>
    orm
      .select({
        productId: exchangeLines.productId,
        sku: exchangeLines.sku,
        name: exchangeLines.name,
        qty: exchangeLines.qty,
        unitPriceMinor: exchangeLines.unitPriceMinor,
        serial: exchangeLines.serial,
      })
      .from(exchangeLines)
      .where(eq(exchangeLines.returnId, ph('returnId')))
      .orderBy(asc(exchangeLines.id))
      .prepare(),
  ).all({ returnId });
}

/** The balance of a store credit code issued by returns, or undefined when none was. */
export function returnCreditByCode(db: DbClient, code: string) {
  return prepared(db, 'returns.creditByCode', (orm) =>
    orm
      .select({
        code: sql<string>`${storeCreditLedger.creditCode}`,
        amountMinor: sql<number>`sum(${storeCreditLedger.amountMinor})`,
      })
      .from(storeCreditLedger)
      .where(and(eq(storeCreditLedger.creditCode, ph('code')), eq(storeCreditLedger.refType, 'return')))
      .groupBy(storeCreditLedger.creditCode)
      .prepare(),
  ).get({ code });
}

/** A customer's store credit balance (sum of the ledger): the one ledger, `store-credit/`. */
export { customerCreditBalance as storeCreditBalance } from '../store-credit/ledger';

/** A manager override grant, or undefined. */
export function overrideById(db: DbClient, id: number) {
  return prepared(db, 'returns.override', (orm) =>
    orm
      .select({
        id: overrides.id,
        managerId: overrides.managerId,
        requestedBy: overrides.requestedBy,
        reasonCode: overrides.reasonCode,
        note: overrides.note,
        at: overrides.at,
      })
      .from(overrides)
      .where(eq(overrides.id, ph('id')))
      .prepare(),
  ).get({ id });
}

/** A staff member's id, code, name and role, or undefined. */
export function staffById(db: DbClient, id: number) {
  return prepared(db, 'returns.staffSummary', (orm) =>
    orm
      // staff.role only ever holds one of ROLES (auth writes it)
      .select({ id: staff.id, code: staff.code, name: staff.name, role: sql<Role>`${staff.role}` })
      .from(staff)
      .where(eq(staff.id, ph('id')))
      .prepare(),
  ).get({ id });
}

/** The print jobs of a document, oldest first. */
export function printJobsOfDocument(db: DbClient, docRef: string) {
  return prepared(db, 'returns.printJobs', (orm) =>
    orm
      .select({
        id: printJobs.id,
        kind: printJobs.kind,
        status: printJobs.status,
        attempts: printJobs.attempts,
        createdAt: printJobs.createdAt,
        printedAt: printJobs.printedAt,
        reprintOf: printJobs.reprintOf,
        openDrawer: printJobs.openDrawer,
        lastError: printJobs.lastError,
      })
      .from(printJobs)
      .where(eq(printJobs.docRef, ph('docRef')))
      .orderBy(asc(printJobs.id))
      .prepare(),
  ).all({ docRef });
}

/** The returns of a sale in the store, oldest first, with their clerk's name. */
export function returnsOfSale(db: DbClient, storeId: number, saleId: string) {
  return prepared(db, 'returns.ofSale', (orm) =>
    orm
      .select({
        id: returns.id,
        kind: returns.kind,
        status: returns.status,
        createdAt: returns.createdAt,
        refundTotalMinor: returns.refundTotalMinor,
        exchangeDueMinor: returns.exchangeDueMinor,
        staffName: staff.name,
      })
      .from(returns)
      .leftJoin(staff, eq(staff.id, returns.staffId))
      .where(and(eq(returns.saleId, ph('saleId')), eq(returns.storeId, ph('storeId'))))
      .orderBy(asc(returns.createdAt), asc(returns.id))
      .prepare(),
  ).all({ saleId, storeId });
}

/** The lines of every return of a sale in the store, in written order. */
export function returnLinesOfSale(db: DbClient, storeId: number, saleId: string) {
  return prepared(db, 'returns.linesOfSale', (orm) =>
    orm
      .select({
        returnId: returnLines.returnId,
        lineNo: returnLines.saleLineNo,
        sku: returnLines.sku,
        qty: returnLines.qty,
      })
      .from(returns)
      .innerJoin(returnLines, eq(returnLines.returnId, returns.id))
      .where(and(eq(returns.saleId, ph('saleId')), eq(returns.storeId, ph('storeId'))))
      .orderBy(asc(returnLines.id))
      .prepare(),
  ).all({ saleId, storeId });
}

/** The audit rows of a return and of its override grant (`overrideId` '' when none), in order. */
export function returnAuditRows(db: DbClient, returnId: string, overrideId: string) {
  return prepared(db, 'returns.auditRows', (orm) =>
    orm
      .select({
        auditId: auditLog.id,
        at: auditLog.at,
        action: auditLog.action,
        staffId: auditLog.staffId,
        data: auditLog.data,
      })
      .from(auditLog)
      .where(
        or(
          and(eq(auditLog.entityType, 'return'), eq(auditLog.entityId, ph('returnId'))),
          and(eq(auditLog.entityType, 'override'), eq(auditLog.entityId, ph('overrideId'))),
        ),
      )
      .orderBy(asc(auditLog.id))
      .prepare(),
  ).all({ returnId, overrideId });
}
