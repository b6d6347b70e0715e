/**
 * Gathers what the repair documents print (shared/domain/repairs/repair-slips.ts) from the job,
 * its parts, its latest bench results and its timeline, so printing at intake/pickup and reprinting
 * later give the same document.
 */
import type { DbClient } from '../../../db/client';
import { latestAttemptRows } from '../../../db/repositories/bench/results';
import { partsOfJob, partsTotals } from '../../../db/repositories/parts/job-parts';
import { jobCustomer } from '../../../db/repositories/repairs/contacts';
import { latestEventOfKind } from '../../../db/repositories/repairs/events';
import { staffRef } from '../../../db/repositories/repairs/technicians';
import { categoryNames } from '../../../db/repositories/repairs/warranty';
import type { StoreFacts } from '../../../db/repositories/store/store-facts';
import { repairBalance } from '../../../shared/domain/repairs/balance';
import { repairCategory } from '../../../shared/domain/repairs/categories';
import type { IntakeSlipData, PickupSlipData, SlipDevice } from '../../printing/documents/repair-slips';
import { stepLabel } from '../../../shared/domain/repairs/test-plan';
import { addDays, businessDay } from '../../../shared/domain/time/business-day';
import { planById } from '../bench/plans';
import { lastRunPlanId } from '../bench/run-state';
import { parseIntake, type JobRow } from './job-record';

function customerOf(db: DbClient, job: JobRow): { name: string; phone: string | null } | null {
  const c = job.customerId === null ? undefined : jobCustomer(db, job.customerId);
  return c ? { name: c.name, phone: c.phone } : null;
}

/** Device line of a slip: the category's name in the store locale, brand, model, serial. */
export function deviceOf(db: DbClient, store: StoreFacts, job: JobRow): SlipDevice {
  const cat = categoryNames(db, job.categoryCode);
  const categoryName = cat ? (store.locale === 'zh-CN' ? cat.zh : cat.en) : job.categoryCode;
  return { categoryName, brand: job.brand, model: job.model, serial: job.serial };
}

/** Data of the intake receipt and the shelf tag. */
export function intakeSlipData(db: DbClient, store: StoreFacts, job: JobRow): IntakeSlipData {
  const intake = parseIntake(job.intake);
  const category = repairCategory(job.categoryCode);
  return {
    jobId: job.id,
    createdAt: job.createdAt,
    customer: customerOf(db, job),
    device: deviceOf(db, store, job),
    faultCode: job.faultCode,
    faultText: job.faultText,
    condition: intake.condition,
    accessories: category.accessories.map((code) => ({ code, left: intake.accessoriesLeft.includes(code) })),
    accessoriesNote: intake.accessoriesNote,
    passcodePolicy: job.passcodePolicy,
    warrantyKind: job.warranty,
    warrantyReasons: intake.warranty.reasons,
    repeat: intake.repeat,
    estimateMinor: job.estimateMinor,
    depositMinor: job.depositMinor,
    promisedDay: businessDay(job.promisedAt, store.timeZone),
  };
}

/** Latest attempt of each step of the job's last bench run: the test summary of the pickup slip. */
export function testSummary(db: DbClient, store: StoreFacts, jobId: string): PickupSlipData['tests'] {
  const run = lastRunPlanId(db, jobId);
  if (!run) return [];
  const plan = planById(db, run.planId);
  const rows = latestAttemptRows(db, jobId, plan.id);
  return rows.map((r) => {
    const step = plan.steps[r.stepIndex];
    return {
      label: step ? stepLabel(step, store.locale) : `#${r.stepIndex + 1}`,
      display: r.display,
      verdict: r.verdict,
      manual: r.manual,
    };
  });
}

/** Data of the pickup slip (payment and refund from the pickup event of the timeline). */
export function pickupSlipData(db: DbClient, store: StoreFacts, job: JobRow): PickupSlipData {
  const parts = partsOfJob(db, job.id).map((p) => ({
    name: p.name,
    qty: p.qty,
    unitPriceMinor: p.unitPriceMinor,
  }));
  const pickup = latestEventOfKind(db, job.id, 'pickup');
  const pd = pickup
    ? (JSON.parse(pickup.data) as {
        payment?: { tender: string; amountMinor: number } | null;
        refundMinor?: number;
      })
    : {};
  const balance = repairBalance({
    warranty: job.warranty,
    estimateMinor: job.estimateMinor,
    partsPriceMinor: partsTotals(db, job.id).priceMinor,
    depositMinor: job.depositMinor,
  });
  const qc = job.qcBy === null ? undefined : staffRef(db, job.qcBy);
  const at = job.pickedUpAt ?? job.completedAt ?? job.createdAt;
  return {
    jobId: job.id,
    pickedUpAt: at,
    customer: customerOf(db, job),
    device: deviceOf(db, store, job),
    faultCode: job.faultCode,
    parts: balance.chargeMinor === 0 ? parts.map((p) => ({ ...p, unitPriceMinor: 0 })) : parts,
    tests: testSummary(db, store, job.id),
    qcByName: qc?.name ?? null,
    warrantyKind: job.warranty,
    chargeMinor: balance.chargeMinor,
    depositMinor: job.depositMinor,
    paidMinor: pd.payment?.amountMinor ?? 0,
    tender: pd.payment?.tender ?? null,
    refundMinor: pd.refundMinor ?? balance.refundDueMinor,
    repairWarrantyUntil: addDays(businessDay(at, store.timeZone), job.repairWarrantyDays),
  };
}
