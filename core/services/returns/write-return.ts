/**
 * Writes a committed return: header, lines with their inspection, tenders, exchange lines, stock
 * moves, store credit, the slip's print job and the audit row. Runs inside the commit transaction
 * (every statement is prepared once per connection; rows per line are single inserts, no reads).
 */
import { CanonicalFragment } from '../../../db/audit/canonical';
import type { DbClient } from '../../../db/client';
import { insertCustomer } from '../../../db/repositories/customers/customers';
import {
  appendReturnAudit,
  insertExchangeLine,
  insertIdempotencyRecord,
  insertInspection,
  insertReturn,
  insertReturnLine,
  insertReturnStockMove,
  insertReturnStoreCredit,
  insertTender,
} from '../../../db/repositories/returns/commit-rows';
import type { CommitResult, Quote } from '../../../shared/contract/methods/returns';
import { DISPOSITION_BUCKET } from '../../../shared/domain/returns/dispositions';
import { enqueuePrintJob, type PreparedPrintJob } from '../../printing/enqueue';
import type { PreparedReturn } from './assemble-quote';

export interface WriteArgs {
  db: DbClient;
  storeId: number;
  staffId: number;
  returnId: string;
  now: number;
  businessDay: string;
  prepared: PreparedReturn;
  idempotencyKey: string;
  requestHash: string;
  note: string;
  idDocument: string | null;
  override: { id: number; managerId: number; reasonCode: string; note: string } | null;
  /** The slip's print job (checked and laid out before the transaction when it could be). */
  slip: () => PreparedPrintJob;
  /** The audit row's parts that follow from the quote alone (serialised before the transaction when it could be). */
  auditParts?: AuditParts;
}

/** The lists of the `return.committed` audit row, as canonical JSON: they depend on the quote only. */
export interface AuditParts {
  tenders: CanonicalFragment;
  lines: CanonicalFragment;
  exchangeItems: CanonicalFragment;
  stockMoves: CanonicalFragment;
}

/** What a return moves in stock: each line into its disposition's bucket, exchanged-out items from sellable. */
function stockMoves(p: PreparedReturn): { sku: string; qtyDelta: number; bucket: string }[] {
  const q = p.quote;
  return [
    ...q.lines.map((l) => ({ sku: l.sku, qtyDelta: l.qty, bucket: DISPOSITION_BUCKET[l.disposition] })),
    ...(q.exchange?.items.map((x) => ({ sku: x.sku, qtyDelta: -x.qty, bucket: 'sellable' })) ?? []),
  ];
}

/** The audit row's lists for this prepared return (see AuditParts). */
export function auditParts(p: PreparedReturn): AuditParts {
  const q = p.quote;
  return {
    tenders: CanonicalFragment.of(q.tenders.map((t) => ({ tender: t.tender, amountMinor: t.amountMinor }))),
    lines: CanonicalFragment.of(
      q.lines.map((l) => ({
        lineNo: p.sale ? l.lineNo : null,
        sku: l.sku,
        qty: l.qty,
        reason: l.reason,
        grade: l.inspection.grade,
        disposition: l.disposition,
        outcome: l.decision.outcome,
        rule: l.decision.decidingRule,
        refundMinor: l.money.refundMinor,
      })),
    ),
    exchangeItems: CanonicalFragment.of(
      q.exchange?.items.map((x) => ({ sku: x.sku, qty: x.qty, totalMinor: x.totalMinor })) ?? [],
    ),
    stockMoves: CanonicalFragment.of(stockMoves(p)),
  };
}

/** The header's reason: the reason of the line worth most (ties: the first line). */
function headerReason(quote: Quote): string {
  let best = quote.lines[0];
  for (const l of quote.lines) if (best && l.money.refundMinor > best.money.refundMinor) best = l;
  return best?.reason ?? 'no_reason';
}

/** Kind of the return as stored: refund to tenders, store credit only, or exchange. */
export function returnKind(quote: Quote): CommitResult['kind'] {
  if (quote.resolution === 'exchange') return 'exchange';
  const money = quote.tenders.some((t) => t.tender !== 'store_credit' && t.amountMinor > 0);
  return quote.resolution === 'store_credit' || (!money && quote.totals.storeCreditIssuedMinor > 0)
    ? 'store_credit'
    : 'refund';
}

/** Writes every row of the return and returns the commit result (stored for idempotent replays). */
export function writeReturn(a: WriteArgs): CommitResult {
  const { db, prepared: p, returnId: id, now } = a;
  const q = p.quote;
  let customerId = p.customer?.id ?? null;
  if (customerId === null && p.newCustomer) {
    customerId = insertCustomer(db, p.newCustomer.name, p.newCustomer.phone, now);
  }
  const kind = returnKind(q);
  const tenders = q.tenders.map((t) =>
    t.tender === 'store_credit' && t.saleTenderIndex === null && t.amountMinor > 0 ? { ...t, ref: id } : t,
  );
  const storeCreditMinor = q.totals.storeCreditIssuedMinor;
  const exchangeDue = q.exchange ? q.exchange.differenceMinor : 0;

  insertReturn(db, {
    id,
    storeId: a.storeId,
    saleId: p.sale?.header.id ?? null,
    customerId,
    kind,
    createdAt: now,
    businessDay: a.businessDay,
    staffId: a.staffId,
    reasonCode: headerReason(q),
    overrideId: a.override?.id ?? null,
    currency: q.currency,
    refundTotalMinor: q.totals.refundMinor,
    restockingFeeMinor: q.totals.restockingFeeMinor,
    exchangeDueMinor: exchangeDue,
    idempotencyKey: a.idempotencyKey,
    idDocument: a.idDocument,
    note: a.note,
  });

  q.lines.forEach((l, i) => {
    const verdict = p.verdicts[i];
    const returnLineId = insertReturnLine(db, {
      returnId: id,
      saleLineNo: p.sale ? l.lineNo : null,
      productId: l.productId,
      sku: l.sku,
      name: l.name,
      qty: l.qty,
      unitPriceMinor: l.money.unitPriceMinor,
      grossMinor: l.money.grossMinor,
      discountShareMinor: l.money.discountShareMinor,
      taxMinor: l.money.taxMinor,
      restockingFeeMinor: l.money.restockingFeeMinor,
      refundMinor: l.money.refundMinor,
      grade: l.inspection.grade,
      disposition: l.disposition,
      policyOutcome: verdict?.decision.outcome ?? l.decision.outcome,
      policyRule: l.decision.decidingRule,
      serial: l.serial,
    });
    insertInspection(db, {
      returnLineId,
      checklist: JSON.stringify(l.inspection.checklist),
      grade: l.inspection.grade,
      notes: verdict ? verdictNotes(verdict.inspection, l) : '',
      inspectorId: a.staffId,
    });
    insertReturnStockMove(db, {
      at: now,
      storeId: a.storeId,
      productId: l.productId,
      sku: l.sku,
      qtyDelta: l.qty,
      bucket: DISPOSITION_BUCKET[l.disposition],
      reason: 'return',
      refId: id,
      staffId: a.staffId,
    });
  });

  tenders.forEach((t, i) =>
    insertTender(db, { returnId: id, seq: i + 1, tender: t.tender, amountMinor: t.amountMinor, ref: t.ref }),
  );

  for (const x of q.exchange?.items ?? []) {
    insertExchangeLine(db, {
      returnId: id,
      productId: x.productId,
      sku: x.sku,
      name: x.name,
      qty: x.qty,
      unitPriceMinor: x.unitPriceMinor,
      serial: x.serial,
    });
    insertReturnStockMove(db, {
      at: now,
      storeId: a.storeId,
      productId: x.productId,
      sku: x.sku,
      qtyDelta: -x.qty,
      bucket: 'sellable',
      reason: 'exchange_out',
      refId: id,
      staffId: a.staffId,
    });
  }

  if (storeCreditMinor > 0) {
    insertReturnStoreCredit(db, {
      at: now,
      customerId,
      creditCode: id,
      amountMinor: storeCreditMinor,
      refId: id,
    });
  }

  const openDrawer = q.opensDrawer;
  const printJobId = enqueuePrintJob(db, a.slip(), now).id;

  const result: CommitResult = {
    returnId: id,
    replayed: false,
    kind,
    createdAt: now,
    businessDay: a.businessDay,
    currency: q.currency,
    totalMinor: q.totals.totalMinor,
    refundTotalMinor: q.totals.refundMinor,
    restockingFeeMinor: q.totals.restockingFeeMinor,
    exchangeDueMinor: exchangeDue,
    tenders,
    storeCredit: storeCreditMinor > 0 ? { code: id, amountMinor: storeCreditMinor } : null,
    printJobId,
    openDrawer,
    overrideId: a.override?.id ?? null,
  };

  const parts = a.auditParts ?? auditParts(p);
  appendReturnAudit(db, {
    at: now,
    storeId: a.storeId,
    staffId: a.staffId,
    action: 'return.committed',
    entityType: 'return',
    entityId: id,
    data: {
      kind,
      saleId: p.sale?.header.id ?? null,
      receiptNo: p.sale?.header.receiptNo ?? null,
      customerId,
      noReceipt: p.sale === null,
      currency: q.currency,
      totalMinor: q.totals.totalMinor,
      refundTotalMinor: q.totals.refundMinor,
      restockingFeeMinor: q.totals.restockingFeeMinor,
      restockingFeeWaivedMinor: q.totals.restockingFeeComputedMinor - q.totals.restockingFeeMinor,
      exchangeDueMinor: exchangeDue,
      storeCreditMinor,
      tenders: parts.tenders,
      lines: parts.lines,
      exchangeItems: parts.exchangeItems,
      stockMoves: parts.stockMoves,
      overrideId: a.override?.id ?? null,
      managerId: a.override?.managerId ?? null,
      overrideReason: a.override?.reasonCode ?? null,
      printJobId,
      openDrawer,
    },
  });

  insertIdempotencyRecord(db, {
    key: a.idempotencyKey,
    staffId: a.staffId,
    requestHash: a.requestHash,
    result: JSON.stringify(result),
    createdAt: now,
  });
  return result;
}

/** The inspection notes as stored: the clerk's notes, plus why core changed the grade. */
function verdictNotes(insp: { gradeAdjusted: boolean }, line: Quote['lines'][number]): string {
  const notes: string[] = line.inspection.notes ? [line.inspection.notes] : [];
  const clerk = line.inspection.checklist.filter((c) => c.note).map((c) => `${c.item}: ${c.note}`);
  notes.push(...clerk);
  if (insp.gradeAdjusted) notes.push(`grade → ${line.inspection.grade}`);
  return notes.join('\n');
}
