/** Reading committed returns back: one return in full, a sale's returns, and a return's timeline. */
import type { DbClient } from '../../../db/client';
import {
  overrideById,
  printJobsOfDocument,
  returnAuditRows,
  returnCreditByCode,
  returnExchangeLines,
  returnHeader,
  returnLinesOfSale,
  returnLinesWithInspection,
  returnsOfSale,
  returnTenders,
  staffById,
} from '../../../db/repositories/returns/return-view';
import { AppError } from '../../../shared/contract/errors';
import type { ReturnDetail } from '../../../shared/contract/methods/returns';
import type { StaffSummary } from '../../../shared/contract/schemas';
import { maskIdDocument } from './no-receipt';

/** A staff member's summary, or null for an unknown id. */
export function staffSummary(db: DbClient, id: number | null): StaffSummary | null {
  if (id === null) return null;
  return staffById(db, id) ?? null;
}

function header(db: DbClient, storeId: number, returnId: string) {
  const h = returnHeader(db, storeId, returnId);
  if (!h) throw new AppError('RETURN_NOT_FOUND', { returnId });
  return h;
}

/** One return in full (RETURN_NOT_FOUND when unknown). */
export function returnDetail(db: DbClient, storeId: number, returnId: string): ReturnDetail {
  const h = header(db, storeId, returnId);
  const lines = returnLinesWithInspection(db, h.id);
  const credit = returnCreditByCode(db, h.id);
  const o = h.overrideId === null ? undefined : overrideById(db, h.overrideId);
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
    tenders: returnTenders(db, h.id),
    exchangeLines: returnExchangeLines(db, h.id),
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
    printJobs: printJobsOfDocument(db, h.id),
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
export function returnsForSale(db: DbClient, storeId: number, saleId: string): ReturnSummaryRow[] {
  const heads = returnsOfSale(db, storeId, saleId);
  const lines = returnLinesOfSale(db, storeId, saleId);
  return heads.map((h) => ({
    ...h,
    lines: lines
      .filter((l) => l.returnId === h.id)
      .map((l) => ({ lineNo: l.lineNo, sku: l.sku, qty: l.qty })),
  }));
}

/** The audit rows of a return and of its override grant, in order. */
export function returnTimeline(db: DbClient, storeId: number, returnId: string) {
  const h = header(db, storeId, returnId);
  const rows = returnAuditRows(db, h.id, h.overrideId === null ? '' : String(h.overrideId));
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
