/** Reading committed returns back: one return in full, a sale's returns, and a return's timeline. */
import type { SqliteDb } from '../../../db/open';
import { AppError } from '../../../shared/contract/errors';
import type { ReturnDetail } from '../../../shared/contract/methods/returns';
import type { StaffSummary } from '../../../shared/contract/schemas';
import { maskIdDocument } from './no-receipt';
import { prepared } from './prepared';

interface HeaderRow {
  id: string;
  kind: string;
  status: string;
  saleId: string | null;
  receiptNo: string | null;
  customerId: number | null;
  customerName: string | null;
  customerPhone: string | null;
  createdAt: number;
  businessDay: string;
  staffId: number;
  reasonCode: string;
  overrideId: number | null;
  currency: string;
  refundTotalMinor: number;
  restockingFeeMinor: number;
  exchangeDueMinor: number;
  idDocument: string | null;
  note: string;
}

interface LineRow {
  id: number;
  saleLineNo: number | null;
  productId: number | null;
  sku: string;
  name: string;
  qty: number;
  unitPriceMinor: number;
  grossMinor: number;
  discountShareMinor: number;
  taxMinor: number;
  restockingFeeMinor: number;
  refundMinor: number;
  grade: string;
  disposition: string;
  policyOutcome: string;
  policyRule: string;
  serial: string | null;
  inspChecklist: string | null;
  inspGrade: string | null;
  inspNotes: string | null;
  inspectorId: number | null;
}

const STAFF_COLS = 'id, code, name, role';

const SQL = {
  header: `SELECT r.id, r.kind, r.status, r.sale_id AS saleId, s.receipt_no AS receiptNo, r.customer_id AS customerId,
      c.name AS customerName, c.phone AS customerPhone, r.created_at AS createdAt, r.business_day AS businessDay,
      r.staff_id AS staffId, r.reason_code AS reasonCode, r.override_id AS overrideId, r.currency,
      r.refund_total_minor AS refundTotalMinor, r.restocking_fee_minor AS restockingFeeMinor,
      r.exchange_due_minor AS exchangeDueMinor, r.id_document AS idDocument, r.note
    FROM returns r LEFT JOIN sales s ON s.id = r.sale_id LEFT JOIN customers c ON c.id = r.customer_id
    WHERE r.id = ? AND r.store_id = ?`,
  lines: `SELECT rl.id, rl.sale_line_no AS saleLineNo, rl.product_id AS productId, rl.sku, rl.name, rl.qty,
      rl.unit_price_minor AS unitPriceMinor, rl.gross_minor AS grossMinor, rl.discount_share_minor AS discountShareMinor,
      rl.tax_minor AS taxMinor, rl.restocking_fee_minor AS restockingFeeMinor, rl.refund_minor AS refundMinor,
      rl.grade, rl.disposition, rl.policy_outcome AS policyOutcome, rl.policy_rule AS policyRule, rl.serial,
      ri.checklist AS inspChecklist, ri.grade AS inspGrade, ri.notes AS inspNotes, ri.inspector_id AS inspectorId
    FROM return_lines rl LEFT JOIN return_inspections ri ON ri.return_line_id = rl.id
    WHERE rl.return_id = ? ORDER BY rl.id`,
  tenders: `SELECT seq, tender, amount_minor AS amountMinor, ref FROM refund_tenders WHERE return_id = ? ORDER BY seq`,
  exchange: `SELECT product_id AS productId, sku, name, qty, unit_price_minor AS unitPriceMinor, serial
    FROM exchange_lines WHERE return_id = ? ORDER BY id`,
  credit: `SELECT credit_code AS code, SUM(amount_minor) AS amountMinor FROM store_credit_ledger
    WHERE credit_code = ? AND ref_type = 'return' GROUP BY credit_code`,
  override: `SELECT id, manager_id AS managerId, requested_by AS requestedBy, reason_code AS reasonCode, note, at
    FROM overrides WHERE id = ?`,
  staff: `SELECT ${STAFF_COLS} FROM staff WHERE id = ?`,
  printJobs: `SELECT id, kind, status, attempts, created_at AS createdAt, printed_at AS printedAt, reprint_of AS reprintOf,
      open_drawer AS openDrawer, last_error AS lastError FROM print_jobs WHERE doc_ref = ? ORDER BY id`,
  forSale: `SELECT r.id, r.kind, r.status, r.created_at AS createdAt, r.refund_total_minor AS refundTotalMinor,
      r.exchange_due_minor AS exchangeDueMinor, st.name AS staffName
    FROM returns r LEFT JOIN staff st ON st.id = r.staff_id WHERE r.sale_id = ? AND r.store_id = ? ORDER BY r.created_at, r.id`,
  forSaleLines: `SELECT rl.return_id AS returnId, rl.sale_line_no AS lineNo, rl.sku, rl.qty
    FROM returns r JOIN return_lines rl ON rl.return_id = r.id WHERE r.sale_id = ? AND r.store_id = ? ORDER BY rl.id`,
  timeline: `SELECT a.id AS auditId, a.at, a.action, a.staff_id AS staffId, a.data FROM audit_log a
    WHERE (a.entity_type = 'return' AND a.entity_id = ?) OR (a.entity_type = 'override' AND a.entity_id = ?)
    ORDER BY a.id`,
} as const;

/** A staff member's summary, or null for an unknown id. */
export function staffSummary(db: SqliteDb, id: number | null): StaffSummary | null {
  if (id === null) return null;
  return (prepared(db, SQL.staff).get(id) as StaffSummary | undefined) ?? null;
}

function header(db: SqliteDb, storeId: number, returnId: string): HeaderRow {
  const h = prepared(db, SQL.header).get(returnId, storeId) as HeaderRow | undefined;
  if (!h) throw new AppError('RETURN_NOT_FOUND', { returnId });
  return h;
}

/** One return in full (RETURN_NOT_FOUND when unknown). */
export function returnDetail(db: SqliteDb, storeId: number, returnId: string): ReturnDetail {
  const h = header(db, storeId, returnId);
  const lines = prepared(db, SQL.lines).all(h.id) as LineRow[];
  const credit = prepared(db, SQL.credit).get(h.id) as { code: string; amountMinor: number } | undefined;
  const o =
    h.overrideId === null
      ? undefined
      : (prepared(db, SQL.override).get(h.overrideId) as
          | {
              id: number;
              managerId: number;
              requestedBy: number;
              reasonCode: string;
              note: string;
              at: number;
            }
          | undefined);
  const jobs = prepared(db, SQL.printJobs).all(h.id) as (Omit<
    ReturnDetail['printJobs'][number],
    'openDrawer'
  > & {
    openDrawer: number;
  })[];
  return {
    id: h.id,
    kind: h.kind,
    status: h.status,
    sale: h.saleId ? { id: h.saleId, receiptNo: h.receiptNo ?? '' } : null,
    customer:
      h.customerId === null ? null : { id: h.customerId, name: h.customerName ?? '', phone: h.customerPhone },
    createdAt: h.createdAt,
    businessDay: h.businessDay,
    staff: staffSummary(db, h.staffId),
    reasonCode: h.reasonCode,
    note: h.note,
    currency: h.currency,
    refundTotalMinor: h.refundTotalMinor,
    restockingFeeMinor: h.restockingFeeMinor,
    exchangeDueMinor: h.exchangeDueMinor,
    idDocumentMasked: h.idDocument ? maskIdDocument(h.idDocument) : null,
    lines: lines.map((l) => ({
      id: l.id,
      saleLineNo: l.saleLineNo,
      productId: l.productId,
      sku: l.sku,
      name: l.name,
      qty: l.qty,
      unitPriceMinor: l.unitPriceMinor,
      grossMinor: l.grossMinor,
      discountShareMinor: l.discountShareMinor,
      taxMinor: l.taxMinor,
      restockingFeeMinor: l.restockingFeeMinor,
      refundMinor: l.refundMinor,
      grade: l.grade,
      disposition: l.disposition,
      policyOutcome: l.policyOutcome,
      policyRule: l.policyRule,
      serial: l.serial,
      inspection:
        l.inspChecklist === null
          ? null
          : {
              checklist: JSON.parse(l.inspChecklist) as { item: string; ok: boolean; note: string }[],
              grade: l.inspGrade ?? l.grade,
              notes: l.inspNotes ?? '',
              inspectorId: l.inspectorId,
            },
    })),
    tenders: prepared(db, SQL.tenders).all(h.id) as ReturnDetail['tenders'],
    exchangeLines: prepared(db, SQL.exchange).all(h.id) as ReturnDetail['exchangeLines'],
    storeCredit: credit ? { code: credit.code, amountMinor: credit.amountMinor } : null,
    override: o
      ? {
          id: o.id,
          manager: staffSummary(db, o.managerId),
          requestedBy: staffSummary(db, o.requestedBy),
          reasonCode: o.reasonCode,
          note: o.note,
          at: o.at,
        }
      : null,
    printJobs: jobs.map((j) => ({ ...j, openDrawer: j.openDrawer === 1 })),
  };
}

export interface ReturnSummaryRow {
  id: string;
  kind: string;
  status: string;
  createdAt: number;
  refundTotalMinor: number;
  exchangeDueMinor: number;
  staffName: string | null;
  lines: { lineNo: number | null; sku: string; qty: number }[];
}

/** The returns of a sale, oldest first (two queries whatever their number). */
export function returnsForSale(db: SqliteDb, storeId: number, saleId: string): ReturnSummaryRow[] {
  const heads = prepared(db, SQL.forSale).all(saleId, storeId) as Omit<ReturnSummaryRow, 'lines'>[];
  const lines = prepared(db, SQL.forSaleLines).all(saleId, storeId) as {
    returnId: string;
    lineNo: number | null;
    sku: string;
    qty: number;
  }[];
  return heads.map((h) => ({
    ...h,
    lines: lines
      .filter((l) => l.returnId === h.id)
      .map((l) => ({ lineNo: l.lineNo, sku: l.sku, qty: l.qty })),
  }));
}

/** The audit rows of a return and of its override grant, in order. */
export function returnTimeline(db: SqliteDb, storeId: number, returnId: string) {
  const h = header(db, storeId, returnId);
  const rows = prepared(db, SQL.timeline).all(h.id, h.overrideId === null ? '' : String(h.overrideId)) as {
    auditId: number;
    at: number;
    action: string;
    staffId: number | null;
    data: string;
  }[];
  const staff = new Map<number, StaffSummary | null>();
  return rows.map((r) => {
    if (r.staffId !== null && !staff.has(r.staffId)) staff.set(r.staffId, staffSummary(db, r.staffId));
    return {
      auditId: r.auditId,
      at: r.at,
      action: r.action,
      staff: r.staffId === null ? null : (staff.get(r.staffId) ?? null),
      data: JSON.parse(r.data) as Record<string, unknown>,
    };
  });
}
