/**
 * Repair intake at the counter, in one transaction: idempotency key, customer find-or-create by
 * phone, sale + warranty + repeat-repair check, job number J-YYYYMMDD-NNNN, passcode encrypted with
 * the store key (or the customer removed the lock), photos and the consent signature, timeline and
 * audit rows, the "received" customer message, optional assignment, and the intake receipt + shelf
 * tag on the print queue. Inputs are checked against the category's lists before anything is written.
 */
import { appendRepairAudit } from '../../../db/repositories/repairs/audit';
import { insertJob } from '../../../db/repositories/repairs/jobs';
import { storeFacts } from '../../../db/repositories/store/store-facts';
import { formatDocumentNumber, nextSequence } from '../../../db/sequences';
import { AppError } from '../../../shared/contract/errors';
import type { IntakeInput } from '../../../shared/contract/methods/repairs';
import { isFaultOf, repairCategory } from '../../../shared/domain/repairs/categories';
import { endOfBusinessDay } from '../../../shared/domain/repairs/promised-date';
import { intakeReceipt, shelfTag } from '../../printing/documents/repair-slips';
import { businessDay } from '../../../shared/domain/time/business-day';
import { assignJob, pickTechnician, technicianLoads } from './assignment';
import { decodeImage, insertAttachment, type DecodedImage } from './attachments';
import { findOrCreateCustomer } from './customers';
import { requestHash, storedResult, storeResult } from './idempotency';
import { loadJob, type IntakeRecord } from './job-record';
import { queueMilestone } from './notifications';
import { encryptPasscode, passcodeKey } from './passcode-crypto';
import { queuePrint } from './print-jobs';
import type { RepairCore } from './repair-core';
import { recordEvent } from './repair-events';
import { spendStoreCredit } from './store-credit';
import { intakeSlipData } from './slip-data';
import type { Actor } from './transition';
import { checkWarranty } from './warranty-check';

export interface IntakeResult {
  jobId: string;
  printJobs: { id: number; kind: string }[];
  notificationIds: number[];
  replayed: boolean;
}

/** Checks fault, checklist and accessories against the category's lists (typed refusals). */
export function checkIntakeLists(input: IntakeInput): void {
  const category = repairCategory(input.device.categoryCode);
  if (!isFaultOf(category, input.fault.code)) {
    throw new AppError('REPAIR_UNKNOWN_FAULT', { faultCode: input.fault.code, categoryCode: category.code });
  }
  const given = input.condition.map((c) => c.item);
  const missing = category.checklist.filter((item) => !given.includes(item));
  const unknown = given.filter((item) => !(category.checklist as readonly string[]).includes(item));
  const duplicated = given.filter((item, i) => given.indexOf(item) !== i);
  if (missing.length > 0 || unknown.length > 0 || duplicated.length > 0) {
    throw new AppError('REPAIR_CHECKLIST_INCOMPLETE', {
      missing: missing.join(', ') || '—',
      unknown: unknown.join(', '),
      duplicated: duplicated.join(', '),
    });
  }
  for (const item of input.accessoriesLeft) {
    if (!(category.accessories as readonly string[]).includes(item))
      throw new AppError('REPAIR_UNKNOWN_ACCESSORY', { item, categoryCode: category.code });
  }
  if (input.deposit && input.deposit.amountMinor > input.estimateMinor) {
    throw new AppError('REPAIR_DEPOSIT_TOO_HIGH', {
      depositMinor: input.deposit.amountMinor,
      estimateMinor: input.estimateMinor,
    });
  }
}

/** Registers a device for repair (see the file comment). */
export function intakeRepair(core: RepairCore, actor: Actor, input: IntakeInput, now: number): IntakeResult {
  const { db, storeId } = core;
  checkIntakeLists(input);
  const photos: DecodedImage[] = input.photos.map((p) => decodeImage(p.dataUrl, 'photo'));
  const signature = decodeImage(input.signature, 'signature');
  const key = input.passcode.policy === 'stored_encrypted' ? passcodeKey(core.dataDir, storeId) : null;
  // The passcode stays out of the request hash: a hash of a short PIN could be brute-forced.
  const hash = requestHash({ ...input, passcode: { policy: input.passcode.policy } });
  const store = storeFacts(db, storeId);
  const sender = core.services.notificationSender;

  return db.transaction((): IntakeResult => {
    const earlier = storedResult<{ jobId: string; printJobs: { id: number; kind: string }[] }>(
      db,
      input.idempotencyKey,
      'repairs.intake',
      hash,
    );
    if (earlier) return { ...earlier, notificationIds: [], replayed: true };

    const serial = input.device.serial;
    const check = checkWarranty(
      db,
      store,
      {
        categoryCode: input.device.categoryCode,
        faultCode: input.fault.code,
        serial,
        receiptNo: input.receiptNo,
        voidReason: input.voidWarranty?.reason ?? null,
      },
      now,
    );
    if (check.openJobId) throw new AppError('REPAIR_ALREADY_OPEN', { jobId: check.openJobId, serial });
    const today = businessDay(now, store.timeZone);
    let promisedDay = check.promisedDay;
    let promisedAt = check.promisedAt;
    if (input.promisedDay !== undefined) {
      if (input.promisedDay < today)
        throw new AppError('REPAIR_PROMISED_IN_PAST', { promisedDay: input.promisedDay });
      promisedDay = input.promisedDay;
      promisedAt = endOfBusinessDay(promisedDay, store.timeZone);
    }
    const customer = input.customer ? findOrCreateCustomer(db, input.customer, now) : null;
    const jobId = formatDocumentNumber('J', today, nextSequence(db, storeId, 'repair_job', today));
    const record: IntakeRecord = {
      v: 1,
      condition: input.condition,
      accessoriesLeft: input.accessoriesLeft,
      accessoriesNote: input.accessoriesNote,
      note: input.note,
      warranty: check.snapshot,
      repeat: check.decision.repeat,
      depositTender: input.deposit?.tender ?? null,
      termsAccepted: true,
      promisedDay,
    };
    const passcodeEnc =
      input.passcode.policy === 'stored_encrypted' && key
        ? encryptPasscode(key, jobId, input.passcode.passcode)
        : null;
    const deposit = input.deposit?.amountMinor ?? 0;
    // Store credit is debited here, with the job and its audit row; above the balance nothing is written.
    const storeCredit = spendStoreCredit(db, input.deposit, customer?.id ?? null, {
      refType: 'repair_deposit',
      refId: jobId,
      at: now,
    });
    insertJob(db, {
      id: jobId,
      storeId,
      customerId: customer?.id ?? null,
      saleId: check.sale?.id ?? null,
      categoryCode: input.device.categoryCode,
      brand: input.device.brand,
      model: input.device.model,
      serial,
      faultCode: input.fault.code,
      faultText: input.fault.text,
      intake: JSON.stringify(record),
      passcodePolicy: input.passcode.policy,
      passcodeEnc,
      warranty: check.decision.kind,
      repeatOfJobId: check.decision.repeat?.previousJobIds[0] ?? null,
      estimateMinor: input.estimateMinor,
      depositMinor: deposit,
      paidMinor: deposit,
      promisedAt,
      status: 'received',
      createdAt: now,
      createdBy: actor.staffId,
      businessDay: today,
      repairWarrantyDays: 90,
      idempotencyKey: input.idempotencyKey,
    });
    const owner = { type: 'repair_intake', id: jobId };
    const photoIds = photos.map((p) => insertAttachment(db, owner, 'photo', p, now));
    const signatureId = insertAttachment(db, owner, 'signature', signature, now);
    const intakeData = {
      customerId: customer?.id ?? null,
      ...(customer?.renamedFrom !== undefined ? { customerRenamedFrom: customer.renamedFrom } : {}),
      saleId: check.sale?.id ?? null,
      warranty: check.decision.kind,
      repeatOf: check.decision.repeat?.previousJobIds[0] ?? null,
      estimateMinor: input.estimateMinor,
      deposit: input.deposit,
      ...(storeCredit ? { storeCreditSpent: storeCredit } : {}),
      promisedDay,
      passcodePolicy: input.passcode.policy,
      photoIds,
      signatureId,
    };
    recordEvent(db, {
      jobId,
      at: now,
      staffId: actor.staffId,
      from: null,
      to: 'received',
      kind: 'intake',
      note: input.note,
      data: intakeData,
    });
    appendRepairAudit(db, {
      at: now,
      storeId: storeId,
      staffId: actor.staffId,
      action: 'repair.intake',
      entityType: 'repair_job',
      entityId: jobId,
      data: { ...intakeData, categoryCode: input.device.categoryCode, serial, faultCode: input.fault.code },
    });
    let job = loadJob(db, storeId, jobId);
    const notificationIds = [queueMilestone(db, store, sender, job, 'received', {}, now)];
    if (input.assign !== null) {
      const technicianId =
        input.assign === 'auto'
          ? pickTechnician(technicianLoads(db, storeId, now), input.device.categoryCode).technician.staff.id
          : input.assign;
      assignJob(db, storeId, actor, job, technicianId, now, input.assign === 'auto' ? 'auto' : 'manual');
      job = loadJob(db, storeId, jobId);
    }
    const slip = intakeSlipData(db, store, job);
    const printJobs = [
      queuePrint(
        db,
        {
          kind: 'repair_intake',
          docRef: jobId,
          document: intakeReceipt(store, slip),
          staffId: actor.staffId,
        },
        now,
      ),
      queuePrint(
        db,
        { kind: 'shelf_tag', docRef: jobId, document: shelfTag(store, slip), staffId: actor.staffId },
        now,
      ),
    ];
    storeResult(db, {
      key: input.idempotencyKey,
      method: 'repairs.intake',
      hash,
      staffId: actor.staffId,
      result: { jobId, printJobs },
      now,
    });
    return { jobId, printJobs, notificationIds, replayed: false };
  }, 'immediate');
}
