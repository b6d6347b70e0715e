/** Contract handlers of the repairs area: parts, QC, pickup, notifications, passcode, attachments, slips. */
import { renderReceiptHtml } from '../../../shared/domain/receipt/render-html';
import { appendRepairAudit } from '../../../db/repositories/repairs/audit';
import { storeFacts } from '../../../db/repositories/store/store-facts';
import { AppError } from '../../../shared/contract/errors';
import { BENCH_STATUSES } from '../../../shared/domain/repairs/statuses';
import { intakeReceipt, noticeSlip, pickupSlip, shelfTag } from '../../printing/documents/repair-slips';
import type { MethodHandlers } from '../../dispatch/handlers';
import { requireSession } from '../../dispatch/handlers';
import { readAttachment } from './attachments';
import { loadJob } from './job-record';
import { getNotification, listNotifications, markShown } from './notifications';
import { bookPart, listParts } from './parts';
import { decryptPasscode, passcodeKey } from './passcode-crypto';
import { pickupJob } from './pickup';
import { queuePrint } from './print-jobs';
import { qcJob } from './qc';
import { recordEvent } from './repair-events';
import { actorOf, afterCommit, viewFor } from './repair-handlers';
import { intakeSlipData, pickupSlipData } from './slip-data';

type Keys =
  | 'repairs.addPart'
  | 'repairs.parts'
  | 'repairs.qc'
  | 'repairs.pickup'
  | 'repairs.notifications'
  | 'repairs.markNotificationShown'
  | 'repairs.revealPasscode'
  | 'repairs.attachment'
  | 'repairs.slip';

export const repairWorkHandlers: MethodHandlers<Keys> = {
  'repairs.addPart': (input, ctx) => {
    const db = ctx.core.db;
    const booked = db.transaction(() => {
      const job = loadJob(db, ctx.core.storeId, input.jobId);
      return bookPart(db, ctx.core.storeId, actorOf(ctx), job, input.sku.trim(), input.qty, ctx.now);
    });
    const job = viewFor(ctx, input.jobId);
    const part = job.parts.find((p) => p.id === booked.lineId);
    if (!part) throw new Error(`part line ${booked.lineId} vanished`);
    return { job, part, stockLeft: booked.stockLeft, lowStock: booked.lowStock };
  },

  'repairs.parts': (input, ctx) => {
    const seeCost = requireSession(ctx).permissions.has('parts.cost');
    return listParts(ctx.core.db, input).map(({ costMinor, ...p }) => (seeCost ? { ...p, costMinor } : p));
  },

  'repairs.qc': (input, ctx) => {
    afterCommit(ctx, qcJob(ctx.core, actorOf(ctx), input, ctx.now));
    return viewFor(ctx, input.jobId);
  },

  'repairs.pickup': (input, ctx) => {
    const r = pickupJob(ctx.core, actorOf(ctx), input, ctx.now);
    afterCommit(ctx, r.notificationIds, r.replayed ? [] : r.printJobs);
    return {
      job: viewFor(ctx, r.jobId),
      balanceDueMinor: r.balanceDueMinor,
      refundDueMinor: r.refundDueMinor,
      repairWarrantyUntil: r.repairWarrantyUntil,
      printJobs: r.printJobs,
      replayed: r.replayed,
    };
  },

  'repairs.notifications': (input, ctx) => listNotifications(ctx.core.db, input),

  'repairs.markNotificationShown': (input, ctx) => {
    const db = ctx.core.db;
    const s = requireSession(ctx);
    const store = storeFacts(db, ctx.core.storeId);
    const result = db.transaction(() => {
      const before = getNotification(db, input.id);
      const notification = markShown(db, ctx.core.storeId, s.staffId, input.id, input.how, ctx.now);
      const printJob =
        input.how === 'printed'
          ? queuePrint(
              db,
              {
                kind: 'notification',
                docRef: before.jobId,
                document: noticeSlip(store, before.jobId, before.text),
                staffId: s.staffId,
              },
              ctx.now,
            )
          : null;
      return { notification, printJob };
    });
    afterCommit(ctx, [], result.printJob ? [result.printJob] : []);
    return result;
  },

  'repairs.revealPasscode': (input, ctx) => {
    const db = ctx.core.db;
    const s = requireSession(ctx);
    return db.transaction(() => {
      const job = loadJob(db, ctx.core.storeId, input.jobId);
      if (job.passcodePolicy !== 'stored_encrypted')
        throw new AppError('REPAIR_PASSCODE_NOT_STORED', { jobId: job.id, policy: job.passcodePolicy });
      if (job.passcodeEnc === null) throw new AppError('REPAIR_PASSCODE_WIPED', { jobId: job.id });
      // Only the assigned technician or a manager, and only while the device is at the bench.
      if (job.assignedTo !== s.staffId && s.role !== 'manager' && s.role !== 'admin')
        throw new AppError('REPAIR_PASSCODE_NOT_ASSIGNED', { jobId: job.id, role: s.role });
      if (!BENCH_STATUSES.includes(job.status))
        throw new AppError('REPAIR_PASSCODE_NOT_AT_BENCH', { jobId: job.id, status: job.status });
      const passcode = decryptPasscode(
        passcodeKey(ctx.core.dataDir, ctx.core.storeId),
        job.id,
        job.passcodeEnc,
      );
      if (passcode === null) {
        throw new AppError('REPAIR_PASSCODE_KEY_UNAVAILABLE', {
          path: 'keys/',
          jobId: job.id,
          cause: 'the stored passcode does not decrypt with this store key',
        });
      }
      recordEvent(db, {
        jobId: job.id,
        at: ctx.now,
        staffId: s.staffId,
        from: job.status,
        to: job.status,
        kind: 'passcode_viewed',
      });
      appendRepairAudit(db, {
        at: ctx.now,
        storeId: ctx.core.storeId,
        staffId: s.staffId,
        action: 'repair.passcode_viewed',
        entityType: 'repair_job',
        entityId: job.id,
        data: {},
      });
      return { passcode };
    });
  },

  'repairs.attachment': (input, ctx) => {
    const a = readAttachment(ctx.core.db, input.id);
    if (a.ownerType !== 'repair_intake' && a.ownerType !== 'repair_pickup') {
      throw new AppError('REPAIR_ATTACHMENT_NOT_FOUND', { id: input.id });
    }
    return { id: a.id, kind: a.kind, mime: a.mime, dataUrl: a.dataUrl, createdAt: a.createdAt };
  },

  'repairs.slip': async (input, ctx) => {
    const db = ctx.core.db;
    const s = requireSession(ctx);
    const store = storeFacts(db, ctx.core.storeId);
    const job = loadJob(db, ctx.core.storeId, input.jobId);
    const document =
      input.kind === 'pickup'
        ? pickupSlip(store, pickupSlipData(db, store, job))
        : input.kind === 'tag'
          ? shelfTag(store, intakeSlipData(db, store, job))
          : intakeReceipt(store, intakeSlipData(db, store, job));
    const kind = input.kind === 'pickup' ? 'pickup' : input.kind === 'tag' ? 'shelf_tag' : 'repair_intake';
    const printJob = input.print
      ? db.transaction(() => queuePrint(db, { kind, docRef: job.id, document, staffId: s.staffId }, ctx.now))
      : null;
    afterCommit(ctx, [], printJob ? [printJob] : []);
    return { document, html: await renderReceiptHtml(document), printJob };
  },
};
