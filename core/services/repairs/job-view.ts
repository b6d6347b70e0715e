/**
 * Read side of repairs: a job with its timeline, parts, money and next steps (repairs.get), and
 * the summaries of lists and searches (repairs.list / repairs.find).
 */
import type { SqliteDb } from '../../../db/open';
import type { RepairJob, RepairJobSummary } from '../../../shared/contract/methods/repairs';
import type { Role } from '../../../shared/contract/permissions';
import { repairBalance } from '../../../shared/domain/repairs/balance';
import { isOverdue, type RepairStatus } from '../../../shared/domain/repairs/statuses';
import { TRANSITIONS } from '../../../shared/domain/repairs/transitions';
import { addDays, businessDay } from '../../../shared/domain/time/business-day';
import { parseIntake, type JobRow } from './job-record';
import { staffResolver } from './staff-refs';
import type { StoreInfo } from './store-info';

interface EventRow {
  id: number;
  at: number;
  staffId: number | null;
  fromStatus: RepairStatus | null;
  toStatus: RepairStatus;
  note: string;
  data: string;
}

function parseData(text: string): Record<string, unknown> {
  try {
    const v = JSON.parse(text) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** Sum of parts on a job: price (charged) and cost (for margins), minor units. */
export function partsTotals(db: SqliteDb, jobId: string): { priceMinor: number; costMinor: number } {
  const r = db
    .prepare(
      `SELECT coalesce(sum(qty * unit_price_minor), 0) AS priceMinor, coalesce(sum(qty * unit_cost_minor), 0) AS costMinor
       FROM repair_parts WHERE job_id = ?`,
    )
    .get(jobId) as { priceMinor: number; costMinor: number };
  return r;
}

/** The full job view for a caller of `role` (nextSteps says which moves that role may make). */
export function jobView(db: SqliteDb, store: StoreInfo, job: JobRow, role: Role, now: number): RepairJob {
  const staff = staffResolver(db);
  const intake = parseIntake(job.intake);
  const customer = job.customerId
    ? ((db.prepare('SELECT id, name, phone FROM customers WHERE id = ?').get(job.customerId) as
        { id: number; name: string; phone: string | null } | undefined) ?? null)
    : null;
  const events = db
    .prepare(
      `SELECT id, at, staff_id AS staffId, from_status AS fromStatus, to_status AS toStatus, note, data
       FROM repair_events WHERE job_id = ? ORDER BY id`,
    )
    .all(job.id) as EventRow[];
  const timeline = events.map((e) => {
    const data = parseData(e.data);
    return {
      id: e.id,
      at: e.at,
      staff: staff(e.staffId),
      from: e.fromStatus,
      to: e.toStatus,
      kind: typeof data.kind === 'string' ? data.kind : 'transition',
      note: e.note,
      data,
    };
  });
  let approval: RepairJob['approval'] = null;
  for (const e of timeline) {
    const a = e.data.approval as { method?: string; approved?: boolean; amountMinor?: number } | undefined;
    if (a && (a.method === 'phone' || a.method === 'in_person' || a.method === 'written')) {
      approval = {
        method: a.method,
        approved: a.approved === true,
        amountMinor: typeof a.amountMinor === 'number' ? a.amountMinor : job.estimateMinor,
        at: e.at,
        recordedBy: e.staff,
      };
    }
  }
  const parts = (
    db
      .prepare(
        `SELECT p.id, p.part_sku AS sku, s.name, p.qty, p.unit_cost_minor AS unitCostMinor,
                p.unit_price_minor AS unitPriceMinor, p.at, p.staff_id AS staffId
         FROM repair_parts p JOIN spare_parts s ON s.sku = p.part_sku WHERE p.job_id = ? ORDER BY p.id`,
      )
      .all(job.id) as {
      id: number;
      sku: string;
      name: string;
      qty: number;
      unitCostMinor: number;
      unitPriceMinor: number;
      at: number;
      staffId: number | null;
    }[]
  ).map(({ staffId, ...p }) => ({ ...p, staff: staff(staffId) }));
  const totals = partsTotals(db, job.id);
  const balance = repairBalance({
    warranty: job.warranty,
    estimateMinor: job.estimateMinor,
    partsPriceMinor: totals.priceMinor,
    depositMinor: job.depositMinor,
  });
  const attachments = db
    .prepare(
      `SELECT id, owner_type AS ownerType, kind FROM attachments
       WHERE owner_id = ? AND owner_type IN ('repair_intake', 'repair_pickup') ORDER BY id`,
    )
    .all(job.id) as { id: number; ownerType: string; kind: string }[];
  const nextSteps = TRANSITIONS.filter((t) => t.from === job.status).map((t) => ({
    to: t.to,
    allowed: t.roles.includes(role),
    needs: [...t.needs],
    via: t.via,
    roles: [...t.roles],
  }));
  const updatedAt = events.length > 0 ? Math.max(...events.map((e) => e.at)) : job.createdAt;
  return {
    id: job.id,
    status: job.status,
    categoryCode: job.categoryCode,
    brand: job.brand,
    model: job.model,
    serial: job.serial,
    faultCode: job.faultCode,
    customer,
    assignedTo: staff(job.assignedTo),
    warranty: job.warranty,
    promisedAt: job.promisedAt,
    promisedDay: businessDay(job.promisedAt, store.timeZone),
    overdue: isOverdue(job.status, job.promisedAt, now),
    createdAt: job.createdAt,
    updatedAt,
    saleId: job.saleId,
    faultText: job.faultText,
    condition: intake.condition,
    accessoriesLeft: intake.accessoriesLeft,
    accessoriesNote: intake.accessoriesNote,
    photoIds: attachments
      .filter((a) => a.ownerType === 'repair_intake' && a.kind === 'photo')
      .map((a) => a.id),
    signatureId:
      attachments.find((a) => a.ownerType === 'repair_intake' && a.kind === 'signature')?.id ?? null,
    pickupSignatureId:
      attachments.find((a) => a.ownerType === 'repair_pickup' && a.kind === 'signature')?.id ?? null,
    note: intake.note,
    passcodePolicy: job.passcodePolicy,
    passcodeStored: job.passcodeEnc !== null,
    warrantyInfo: intake.warranty,
    repeat: intake.repeat,
    currency: store.currency,
    estimateMinor: job.estimateMinor,
    depositMinor: job.depositMinor,
    depositTender: intake.depositTender,
    partsPriceMinor: totals.priceMinor,
    partsCostMinor: totals.costMinor,
    chargeMinor: balance.chargeMinor,
    balanceDueMinor: job.status === 'picked_up' ? 0 : balance.balanceDueMinor,
    refundDueMinor: job.status === 'picked_up' ? 0 : balance.refundDueMinor,
    paidMinor: job.paidMinor,
    approval,
    createdBy: staff(job.createdBy),
    businessDay: job.businessDay,
    firstDiagnosisAt: job.firstDiagnosisAt,
    completedAt: job.completedAt,
    pickedUpAt: job.pickedUpAt,
    qcBy: staff(job.qcBy),
    repairWarrantyDays: job.repairWarrantyDays,
    repairWarrantyUntil:
      job.pickedUpAt !== null
        ? addDays(businessDay(job.pickedUpAt, store.timeZone), job.repairWarrantyDays)
        : null,
    csat: job.csat,
    nps: job.nps,
    parts,
    timeline,
    nextSteps,
  };
}

interface SummaryRow {
  id: string;
  status: RepairStatus;
  categoryCode: string;
  brand: string;
  model: string;
  serial: string | null;
  faultCode: string;
  customerId: number | null;
  customerName: string | null;
  customerPhone: string | null;
  assignedTo: number | null;
  assignedCode: string | null;
  assignedName: string | null;
  warranty: RepairJobSummary['warranty'];
  promisedAt: number;
  createdAt: number;
  updatedAt: number | null;
}

export const SUMMARY_SELECT = `SELECT j.id, j.status, j.category_code AS categoryCode, j.brand, j.model, j.serial,
  j.fault_code AS faultCode, j.customer_id AS customerId, c.name AS customerName, c.phone AS customerPhone,
  j.assigned_to AS assignedTo, s.code AS assignedCode, s.name AS assignedName, j.warranty,
  j.promised_at AS promisedAt, j.created_at AS createdAt,
  (SELECT max(e.at) FROM repair_events e WHERE e.job_id = j.id) AS updatedAt
  FROM repair_jobs j LEFT JOIN customers c ON c.id = j.customer_id LEFT JOIN staff s ON s.id = j.assigned_to`;

/** Maps summary rows (from SUMMARY_SELECT) to the contract's summary shape. */
export function toSummaries(rows: readonly unknown[], store: StoreInfo, now: number): RepairJobSummary[] {
  return (rows as SummaryRow[]).map((r) => ({
    id: r.id,
    status: r.status,
    categoryCode: r.categoryCode,
    brand: r.brand,
    model: r.model,
    serial: r.serial,
    faultCode: r.faultCode,
    customer:
      r.customerId === null ? null : { id: r.customerId, name: r.customerName ?? '', phone: r.customerPhone },
    assignedTo:
      r.assignedTo === null
        ? null
        : { id: r.assignedTo, code: r.assignedCode ?? '', name: r.assignedName ?? '' },
    warranty: r.warranty,
    promisedAt: r.promisedAt,
    promisedDay: businessDay(r.promisedAt, store.timeZone),
    overdue: isOverdue(r.status, r.promisedAt, now),
    createdAt: r.createdAt,
    updatedAt: r.updatedAt ?? r.createdAt,
  }));
}
