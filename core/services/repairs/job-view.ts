/**
 * Read side of repairs: a job with its timeline, parts, money and next steps (repairs.get), and
 * the summaries of lists and searches (repairs.list / repairs.find).
 */
import type { DbClient } from '../../../db/client';
import { attachmentsOf } from '../../../db/repositories/attachments/attachments';
import { partsOfJob, partsTotals } from '../../../db/repositories/parts/job-parts';
import { jobCustomer } from '../../../db/repositories/repairs/contacts';
import { eventsOfJob } from '../../../db/repositories/repairs/events';
import type { SummaryRow } from '../../../db/repositories/repairs/queries';
import type { StoreFacts } from '../../../db/repositories/store/store-facts';
import { customerCreditBalance } from '../../../db/repositories/store-credit/ledger';
import type { RepairJob, RepairJobSummary } from '../../../shared/contract/methods/repairs';
import type { Role } from '../../../shared/contract/permissions';
import { repairBalance } from '../../../shared/domain/repairs/balance';
import { isOverdue } from '../../../shared/domain/repairs/statuses';
import { TRANSITIONS } from '../../../shared/domain/repairs/transitions';
import { addDays, businessDay } from '../../../shared/domain/time/business-day';
import { parseIntake, type JobRow } from './job-record';
import { staffResolver } from './staff-refs';

function parseData(text: string): Record<string, unknown> {
  try {
    const v = JSON.parse(text) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/**
 * The full job view for a caller of `role` (nextSteps says which moves that role may make). Parts
 * cost (per line, the total, and in the timeline's part events) only when `seeCost` (`parts.cost`).
 */
export function jobView(
  db: DbClient,
  store: StoreFacts,
  job: JobRow,
  role: Role,
  now: number,
  seeCost = false,
): RepairJob {
  const staff = staffResolver(db);
  const intake = parseIntake(job.intake);
  const customer = job.customerId !== null ? (jobCustomer(db, job.customerId) ?? null) : null;
  const events = eventsOfJob(db, job.id);
  const timeline = events.map((e) => {
    const data = parseData(e.data);
    if (!seeCost) delete data.unitCostMinor;
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
  const parts = partsOfJob(db, job.id).map(({ staffId, unitCostMinor, ...p }) => ({
    ...p,
    ...(seeCost ? { unitCostMinor } : {}),
    staff: staff(staffId),
  }));
  const totals = partsTotals(db, job.id);
  const balance = repairBalance({
    warranty: job.warranty,
    estimateMinor: job.estimateMinor,
    partsPriceMinor: totals.priceMinor,
    depositMinor: job.depositMinor,
  });
  const attachments = attachmentsOf(db, job.id, ['repair_intake', 'repair_pickup']);
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
    ...(seeCost ? { partsCostMinor: totals.costMinor } : {}),
    chargeMinor: balance.chargeMinor,
    balanceDueMinor: job.status === 'picked_up' ? 0 : balance.balanceDueMinor,
    refundDueMinor: job.status === 'picked_up' ? 0 : balance.refundDueMinor,
    storeCreditBalanceMinor:
      job.customerId === null ? 0 : Math.max(0, customerCreditBalance(db, job.customerId)),
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

/** Maps summary rows (db/repositories/repairs/queries.ts) to the contract's summary shape. */
export function toSummaries(rows: readonly SummaryRow[], store: StoreFacts, now: number): RepairJobSummary[] {
  return rows.map((r) => ({
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
