/**
 * Pickup: the customer collects a ready device. Balance = charge − deposit (charge 0 under
 * warranty); the payment must match it exactly (a deposit above the charge is handed back). The
 * customer signs on screen and may give CSAT 1–5 and NPS 0–10. The stored passcode is wiped, the
 * pickup slip (with the test results summary and the repair's 90-day warranty) is queued, and the
 * whole thing is idempotent by key.
 */
import { partsTotals } from '../../../db/repositories/parts/job-parts';
import { recordPickup } from '../../../db/repositories/repairs/jobs';
import { storeFacts } from '../../../db/repositories/store/store-facts';
import { AppError } from '../../../shared/contract/errors';
import { repairBalance } from '../../../shared/domain/repairs/balance';
import { pickupSlip } from '../../printing/documents/repair-slips';
import { addDays, businessDay } from '../../../shared/domain/time/business-day';
import { decodeImage, insertAttachment } from './attachments';
import { requestHash, storedResult, storeResult } from './idempotency';
import { loadJob, parseIntake } from './job-record';
import { queuePrint } from './print-jobs';
import type { RepairCore } from './repair-core';
import { pickupSlipData } from './slip-data';
import { refundStoreCredit, spendStoreCredit } from './store-credit';
import { applyTransition, assertTransition, type Actor, type TransitionContext } from './transition';

export interface PickupInput {
  jobId: string;
  idempotencyKey: string;
  payment: { tender: string; amountMinor: number; creditCode?: string | undefined } | null;
  signature: string;
  csat: number | null;
  nps: number | null;
  note: string;
}

export interface PickupResult {
  jobId: string;
  balanceDueMinor: number;
  refundDueMinor: number;
  repairWarrantyUntil: string;
  printJobs: { id: number; kind: string }[];
  notificationIds: number[];
  replayed: boolean;
}

type Stored = Omit<PickupResult, 'notificationIds' | 'replayed'>;

/** Hands the device back (one transaction). */
export function pickupJob(core: RepairCore, actor: Actor, input: PickupInput, now: number): PickupResult {
  const { db, storeId } = core;
  const signature = decodeImage(input.signature, 'signature');
  const store = storeFacts(db, storeId);
  const hash = requestHash(input as unknown as Record<string, unknown>);
  // IMMEDIATE: take the write lock before reading the store credit balance (another process cannot spend it between).
  return db.transaction((): PickupResult => {
    const earlier = storedResult<Stored>(db, input.idempotencyKey, 'repairs.pickup', hash);
    if (earlier) return { ...earlier, notificationIds: [], replayed: true };
    const job = loadJob(db, storeId, input.jobId);
    const ctx: TransitionContext = {
      db,
      store,
      sender: core.services.notificationSender,
      actor,
      now,
      via: 'repairs.pickup',
    };
    const req = { to: 'picked_up' as const, note: input.note };
    assertTransition(ctx, job, req);
    const balance = repairBalance({
      warranty: job.warranty,
      estimateMinor: job.estimateMinor,
      partsPriceMinor: partsTotals(db, job.id).priceMinor,
      depositMinor: job.depositMinor,
    });
    if (balance.balanceDueMinor > 0 && input.payment === null) {
      throw new AppError('REPAIR_PAYMENT_REQUIRED', { balanceDueMinor: balance.balanceDueMinor });
    }
    const paid = input.payment?.amountMinor ?? 0;
    if (paid !== balance.balanceDueMinor) {
      throw new AppError('REPAIR_PAYMENT_MISMATCH', {
        balanceDueMinor: balance.balanceDueMinor,
        paidMinor: paid,
      });
    }
    // Store credit is debited first, in this transaction: above the balance nothing is written.
    const storeCredit = spendStoreCredit(db, input.payment, job.customerId, {
      refType: 'repair_pickup',
      refId: job.id,
      at: now,
    });
    const signatureId = insertAttachment(
      db,
      { type: 'repair_pickup', id: job.id },
      'signature',
      signature,
      now,
    );
    const intake = parseIntake(job.intake);
    // A deposit paid in store credit and handed back goes back on the ledger (code = the job number).
    const creditBack = balance.refundDueMinor > 0 && intake.depositTender === 'store_credit';
    if (creditBack)
      refundStoreCredit(db, {
        jobId: job.id,
        customerId: job.customerId,
        amountMinor: balance.refundDueMinor,
        at: now,
      });
    const ids = applyTransition(ctx, job, req, 'pickup', {
      payment: input.payment,
      refundMinor: balance.refundDueMinor,
      refundTender: balance.refundDueMinor > 0 ? intake.depositTender : null,
      chargeMinor: balance.chargeMinor,
      csat: input.csat,
      nps: input.nps,
      signatureId,
      ...(storeCredit ? { storeCreditSpent: storeCredit } : {}),
      ...(creditBack ? { storeCreditRefunded: { code: job.id, amountMinor: balance.refundDueMinor } } : {}),
    });
    recordPickup(db, {
      jobId: job.id,
      paidMinor: job.depositMinor + paid - balance.refundDueMinor,
      at: now,
      csat: input.csat,
      nps: input.nps,
    });
    const after = loadJob(db, storeId, job.id);
    const printJobs = [
      queuePrint(
        db,
        {
          kind: 'pickup',
          docRef: job.id,
          document: pickupSlip(store, pickupSlipData(db, store, after)),
          staffId: actor.staffId,
        },
        now,
      ),
    ];
    const result: Stored = {
      jobId: job.id,
      balanceDueMinor: balance.balanceDueMinor,
      refundDueMinor: balance.refundDueMinor,
      repairWarrantyUntil: addDays(businessDay(now, store.timeZone), job.repairWarrantyDays),
      printJobs,
    };
    storeResult(db, {
      key: input.idempotencyKey,
      method: 'repairs.pickup',
      hash,
      staffId: actor.staffId,
      result,
      now,
    });
    return { ...result, notificationIds: ids, replayed: false };
  }, 'immediate');
}
