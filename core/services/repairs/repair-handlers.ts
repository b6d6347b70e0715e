/** Contract handlers of the repairs area: intake, lookups, lifecycle and assignment. */
import { storeFacts } from '../../../db/repositories/store/store-facts';
import type { MethodOutput } from '../../../shared/contract';
import type { MethodHandlers, CallContext } from '../../dispatch/handlers';
import { requireSession } from '../../dispatch/handlers';
import { announcePrintJobs } from '../../printing/enqueue';
import { findCustomerByPhone, repairJobCount } from './customers';
import { assignJob, pickTechnician, technicianLoads, writeSkills } from './assignment';
import { intakeRepair } from './intake';
import { loadJob } from './job-record';
import { jobView } from './job-view';
import { deliverQueued } from './notifications';
import { findJobs, listJobs } from './repair-queries';
import { applyTransition, type Actor } from './transition';
import { checkWarranty } from './warranty-check';

type Keys =
  | 'repairs.precheck'
  | 'repairs.findCustomer'
  | 'repairs.intake'
  | 'repairs.get'
  | 'repairs.find'
  | 'repairs.list'
  | 'repairs.transition'
  | 'repairs.assign'
  | 'repairs.autoAssign'
  | 'repairs.technicians'
  | 'repairs.setSkills';

/** The signed-in caller as the lifecycle sees them. */
export function actorOf(ctx: CallContext): Actor {
  const s = requireSession(ctx);
  return { staffId: s.staffId, role: s.role };
}

/** The job view for the caller. */
export function viewFor(ctx: CallContext, jobId: string): MethodOutput<'repairs.get'> {
  const db = ctx.core.db;
  const store = storeFacts(db, ctx.core.storeId);
  const s = requireSession(ctx);
  const job = loadJob(db, ctx.core.storeId, jobId);
  return jobView(db, store, job, s.role, ctx.now, s.permissions.has('parts.cost'));
}

/** After the commit: announces the print jobs and wakes the print worker, hands queued messages to an automatic sender (never fails the call). */
export function afterCommit(
  ctx: CallContext,
  notificationIds: readonly number[],
  printJobs: readonly { id: number }[] = [],
): void {
  announcePrintJobs(
    ctx.core,
    printJobs.map((p) => p.id),
  );
  if (notificationIds.length === 0) return;
  void deliverQueued(ctx.core, notificationIds).catch(() => undefined);
}

export const repairHandlers: MethodHandlers<Keys> = {
  'repairs.precheck': (input, ctx) => {
    const db = ctx.core.db;
    const store = storeFacts(db, ctx.core.storeId);
    const check = checkWarranty(
      db,
      store,
      {
        categoryCode: input.categoryCode,
        faultCode: input.faultCode,
        serial: input.serial ?? null,
        receiptNo: input.receiptNo,
        voidReason: input.voidWarranty?.reason ?? null,
      },
      ctx.now,
    );
    return {
      warranty: check.snapshot,
      repeat: check.decision.repeat,
      openJobId: check.openJobId,
      promisedDay: check.promisedDay,
      slaBusinessDays: check.slaBusinessDays,
    };
  },

  'repairs.findCustomer': (input, ctx) => {
    const db = ctx.core.db;
    const customer = findCustomerByPhone(db, input.phone);
    return { customer, repairJobs: customer ? repairJobCount(db, customer.id) : 0 };
  },

  'repairs.intake': (input, ctx) => {
    const r = intakeRepair(ctx.core, actorOf(ctx), input, ctx.now);
    afterCommit(ctx, r.notificationIds, r.replayed ? [] : r.printJobs);
    return { job: viewFor(ctx, r.jobId), printJobs: r.printJobs, replayed: r.replayed };
  },

  'repairs.get': (input, ctx) => viewFor(ctx, input.jobId),

  'repairs.find': (input, ctx) => {
    const db = ctx.core.db;
    return findJobs(db, storeFacts(db, ctx.core.storeId), input, ctx.now);
  },

  'repairs.list': (input, ctx) => {
    const db = ctx.core.db;
    const technicianId = input.mine ? requireSession(ctx).staffId : input.technicianId;
    return listJobs(
      db,
      storeFacts(db, ctx.core.storeId),
      {
        statuses: input.statuses,
        technicianId,
        unassigned: input.unassigned,
        overdue: input.overdue,
        includeClosed: input.includeClosed,
        limit: input.limit,
      },
      ctx.now,
    );
  },

  'repairs.transition': (input, ctx) => {
    const db = ctx.core.db;
    const store = storeFacts(db, ctx.core.storeId);
    const ids = db.transaction(() => {
      const job = loadJob(db, ctx.core.storeId, input.jobId);
      return applyTransition(
        {
          db,
          store,
          sender: ctx.core.services.notificationSender,
          actor: actorOf(ctx),
          now: ctx.now,
          via: 'repairs.transition',
        },
        job,
        input,
      );
    });
    afterCommit(ctx, ids);
    return viewFor(ctx, input.jobId);
  },

  'repairs.assign': (input, ctx) => {
    const db = ctx.core.db;
    db.transaction(() => {
      const job = loadJob(db, ctx.core.storeId, input.jobId);
      assignJob(db, ctx.core.storeId, actorOf(ctx), job, input.technicianId, ctx.now);
    });
    return viewFor(ctx, input.jobId);
  },

  'repairs.autoAssign': (input, ctx) => {
    const db = ctx.core.db;
    const picked = db.transaction(() => {
      const job = loadJob(db, ctx.core.storeId, input.jobId);
      const choice = pickTechnician(technicianLoads(db, ctx.core.storeId, ctx.now), job.categoryCode);
      assignJob(db, ctx.core.storeId, actorOf(ctx), job, choice.technician.staff.id, ctx.now, 'auto');
      return choice;
    });
    const after = technicianLoads(db, ctx.core.storeId, ctx.now).find(
      (t) => t.staff.id === picked.technician.staff.id,
    );
    return {
      job: viewFor(ctx, input.jobId),
      technician: after ?? picked.technician,
      skillMatch: picked.skillMatch,
    };
  },

  'repairs.technicians': (_input, ctx) => technicianLoads(ctx.core.db, ctx.core.storeId, ctx.now),

  'repairs.setSkills': (input, ctx) => {
    const db = ctx.core.db;
    const s = requireSession(ctx);
    db.transaction(() =>
      writeSkills(db, ctx.core.storeId, s.staffId, input.technicianId, input.categories, ctx.now),
    );
    const load = technicianLoads(db, ctx.core.storeId, ctx.now).find(
      (t) => t.staff.id === input.technicianId,
    );
    if (!load) throw new Error(`technician ${input.technicianId} vanished after writeSkills`);
    return load;
  },
};
