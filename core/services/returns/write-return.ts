/**
 * Writes a committed return: header, lines with their inspection, tenders, exchange lines, stock
 * moves, store credit, the slip's print job and the audit row. Runs inside the commit transaction
 * (every statement is prepared once per connection; rows per line are single inserts, no reads).
 */
import { CanonicalFragment } from '../../../db/audit/canonical';
import { appendAudit } from '../../../db/audit/chain';
import { clientOfHandle } from '../../../db/client';
import type { SqliteDb } from '../../../db/open';
import { insertCustomer } from '../../../db/repositories/customers/customers';
import type { CommitResult, Quote } from '../../../shared/contract/methods/returns';
import { DISPOSITION_BUCKET } from '../../../shared/domain/returns/dispositions';
import type { PreparedReturn } from './build-quote';
import { prepared } from './prepared';

const SQL = {
  header: `INSERT INTO returns (id, store_id, sale_id, customer_id, kind, status, created_at, business_day, staff_id,
      reason_code, override_id, currency, refund_total_minor, restocking_fee_minor, exchange_due_minor,
      idempotency_key, id_document, note)
    VALUES (@id, @storeId, @saleId, @customerId, @kind, 'completed', @at, @day, @staffId, @reasonCode, @overrideId,
      @currency, @refundTotal, @fee, @exchangeDue, @key, @idDocument, @note)`,
  line: `INSERT INTO return_lines (return_id, sale_line_no, product_id, sku, name, qty, unit_price_minor, gross_minor,
      discount_share_minor, tax_minor, restocking_fee_minor, refund_minor, grade, disposition, policy_outcome,
      policy_rule, serial)
    VALUES (@returnId, @saleLineNo, @productId, @sku, @name, @qty, @unitPrice, @gross, @discountShare, @tax, @fee,
      @refund, @grade, @disposition, @outcome, @rule, @serial)`,
  inspection: `INSERT INTO return_inspections (return_line_id, checklist, grade, notes, inspector_id)
    VALUES (?, ?, ?, ?, ?)`,
  tender: 'INSERT INTO refund_tenders (return_id, seq, tender, amount_minor, ref) VALUES (?, ?, ?, ?, ?)',
  exchangeLine: `INSERT INTO exchange_lines (return_id, product_id, sku, name, qty, unit_price_minor, serial)
    VALUES (?, ?, ?, ?, ?, ?, ?)`,
  stockMove: `INSERT INTO stock_moves (at, store_id, product_id, sku, qty_delta, bucket, reason, ref_type, ref_id, staff_id)
    VALUES (?, ?, ?, ?, ?, ?, ?, 'return', ?, ?)`,
  credit: `INSERT INTO store_credit_ledger (at, customer_id, credit_code, amount_minor, ref_type, ref_id)
    VALUES (?, ?, ?, ?, 'return', ?)`,
  printJob: `INSERT INTO print_jobs (created_at, kind, doc_ref, role, layout, copies, open_drawer, status, attempts,
      next_attempt_at, reprint_of, staff_id)
    VALUES (?, ?, ?, 'receipt-printer', ?, 1, ?, 'queued', 0, ?, ?, ?)`,
  idempotency: `INSERT INTO idempotency_keys (key, method, staff_id, request_hash, result, created_at)
    VALUES (?, 'returns.commit', ?, ?, ?, ?)`,
} as const;

export interface WriteArgs {
  db: SqliteDb;
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
  /** The slip's layout JSON for the print job (laid out before the transaction when it could be). */
  slipJson: () => string;
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
    customerId = insertCustomer(clientOfHandle(db), p.newCustomer.name, p.newCustomer.phone, now);
  }
  const kind = returnKind(q);
  const tenders = q.tenders.map((t) =>
    t.tender === 'store_credit' && t.saleTenderIndex === null && t.amountMinor > 0 ? { ...t, ref: id } : t,
  );
  const storeCreditMinor = q.totals.storeCreditIssuedMinor;
  const exchangeDue = q.exchange ? q.exchange.differenceMinor : 0;

  prepared(db, SQL.header).run({
    id,
    storeId: a.storeId,
    saleId: p.sale?.header.id ?? null,
    customerId,
    kind,
    at: now,
    day: a.businessDay,
    staffId: a.staffId,
    reasonCode: headerReason(q),
    overrideId: a.override?.id ?? null,
    currency: q.currency,
    refundTotal: q.totals.refundMinor,
    fee: q.totals.restockingFeeMinor,
    exchangeDue,
    key: a.idempotencyKey,
    idDocument: a.idDocument,
    note: a.note,
  });

  const lineStmt = prepared(db, SQL.line);
  const inspStmt = prepared(db, SQL.inspection);
  const moveStmt = prepared(db, SQL.stockMove);
  q.lines.forEach((l, i) => {
    const verdict = p.verdicts[i];
    const lineId = lineStmt.run({
      returnId: id,
      saleLineNo: p.sale ? l.lineNo : null,
      productId: l.productId,
      sku: l.sku,
      name: l.name,
      qty: l.qty,
      unitPrice: l.money.unitPriceMinor,
      gross: l.money.grossMinor,
      discountShare: l.money.discountShareMinor,
      tax: l.money.taxMinor,
      fee: l.money.restockingFeeMinor,
      refund: l.money.refundMinor,
      grade: l.inspection.grade,
      disposition: l.disposition,
      outcome: verdict?.decision.outcome ?? l.decision.outcome,
      rule: l.decision.decidingRule,
      serial: l.serial,
    }).lastInsertRowid;
    inspStmt.run(
      lineId,
      JSON.stringify(l.inspection.checklist),
      l.inspection.grade,
      verdict ? verdictNotes(verdict.inspection, l) : '',
      a.staffId,
    );
    const bucket = DISPOSITION_BUCKET[l.disposition];
    moveStmt.run(now, a.storeId, l.productId, l.sku, l.qty, bucket, 'return', id, a.staffId);
  });

  const tenderStmt = prepared(db, SQL.tender);
  tenders.forEach((t, i) => tenderStmt.run(id, i + 1, t.tender, t.amountMinor, t.ref));

  if (q.exchange) {
    const xStmt = prepared(db, SQL.exchangeLine);
    for (const x of q.exchange.items) {
      xStmt.run(id, x.productId, x.sku, x.name, x.qty, x.unitPriceMinor, x.serial);
      moveStmt.run(now, a.storeId, x.productId, x.sku, -x.qty, 'sellable', 'exchange_out', id, a.staffId);
    }
  }

  if (storeCreditMinor > 0) prepared(db, SQL.credit).run(now, customerId, id, storeCreditMinor, id);

  const openDrawer = q.opensDrawer;
  const printJobId = Number(
    prepared(db, SQL.printJob).run(
      now,
      kind === 'exchange' ? 'exchange_slip' : 'return_slip',
      id,
      a.slipJson(),
      openDrawer ? 1 : 0,
      now,
      null,
      a.staffId,
    ).lastInsertRowid,
  );

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
  appendAudit(db, {
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

  prepared(db, SQL.idempotency).run(a.idempotencyKey, a.staffId, a.requestHash, JSON.stringify(result), now);
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
