/**
 * Gathers what the repair documents print (shared/domain/repairs/repair-slips.ts) from the job,
 * its parts, its latest bench results and its timeline, so printing at intake/pickup and reprinting
 * later give the same document.
 */
import type { SqliteDb } from '../../../db/open';
import { repairBalance } from '../../../shared/domain/repairs/balance';
import { repairCategory } from '../../../shared/domain/repairs/categories';
import type { IntakeSlipData, PickupSlipData, SlipDevice } from '../../printing/documents/repair-slips';
import { stepLabel } from '../../../shared/domain/repairs/test-plan';
import { addDays, businessDay } from '../../../shared/domain/time/business-day';
import { planById } from '../bench/plans-repo';
import { lastRunPlanId } from '../bench/results-repo';
import { parseIntake, type JobRow } from './job-record';
import { partsTotals } from './job-view';
import type { StoreInfo } from './store-info';

function customerOf(db: SqliteDb, job: JobRow): { name: string; phone: string | null } | null {
  if (job.customerId === null) return null;
  return (
    (db.prepare('SELECT name, phone FROM customers WHERE id = ?').get(job.customerId) as
      { name: string; phone: string | null } | undefined) ?? null
  );
}

/** Device line of a slip: the category's name in the store locale, brand, model, serial. */
export function deviceOf(db: SqliteDb, store: StoreInfo, job: JobRow): SlipDevice {
  const cat = db
    .prepare('SELECT name_zh AS zh, name_en AS en FROM categories WHERE code = ?')
    .get(job.categoryCode) as { zh: string; en: string } | undefined;
  const categoryName = cat ? (store.locale === 'zh-CN' ? cat.zh : cat.en) : job.categoryCode;
  return { categoryName, brand: job.brand, model: job.model, serial: job.serial };
}

/** Data of the intake receipt and the shelf tag. */
export function intakeSlipData(db: SqliteDb, store: StoreInfo, job: JobRow): IntakeSlipData {
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
export function testSummary(db: SqliteDb, store: StoreInfo, jobId: string): PickupSlipData['tests'] {
  const run = lastRunPlanId(db, jobId);
  if (!run) return [];
  const plan = planById(db, run.planId);
  const rows = db
    .prepare(
      `SELECT step_index AS stepIndex, display, verdict, manual FROM test_results r
       WHERE job_id = ? AND plan_id = ? AND attempt = (
         SELECT max(attempt) FROM test_results x WHERE x.job_id = r.job_id AND x.plan_id = r.plan_id AND x.step_index = r.step_index)
       ORDER BY step_index`,
    )
    .all(jobId, plan.id) as {
    stepIndex: number;
    display: string;
    verdict: 'pass' | 'fail';
    manual: number;
  }[];
  return rows.map((r) => {
    const step = plan.steps[r.stepIndex];
    return {
      label: step ? stepLabel(step, store.locale) : `#${r.stepIndex + 1}`,
      display: r.display,
      verdict: r.verdict,
      manual: r.manual === 1,
    };
  });
}

/** Data of the pickup slip (payment and refund from the pickup event of the timeline). */
export function pickupSlipData(db: SqliteDb, store: StoreInfo, job: JobRow): PickupSlipData {
  const parts = db
    .prepare(
      `SELECT s.name, p.qty, p.unit_price_minor AS unitPriceMinor FROM repair_parts p
       JOIN spare_parts s ON s.sku = p.part_sku WHERE p.job_id = ? ORDER BY p.id`,
    )
    .all(job.id) as { name: string; qty: number; unitPriceMinor: number }[];
  const pickup = db
    .prepare(
      `SELECT data FROM repair_events WHERE job_id = ? AND json_extract(data, '$.kind') = 'pickup' ORDER BY id DESC LIMIT 1`,
    )
    .get(job.id) as { data: string } | undefined;
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
  const qc =
    job.qcBy === null
      ? undefined
      : (db.prepare('SELECT name FROM staff WHERE id = ?').get(job.qcBy) as { name: string } | undefined);
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
