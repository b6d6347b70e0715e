/**
 * QC sign-off: an inspector (or manager) who did not work on the repair fills the QC checklist;
 * passed → ready (completion time, "ready" message with the balance), failed → back to repairing.
 * Who "worked on it": the assignee, whoever moved it into repairing (from diagnosis, parts or a failed
 * test) or into testing, booked a part, or recorded a bench result.
 */
import type { DbClient } from '../../../db/client';
import { staffWhoTested } from '../../../db/repositories/bench/results';
import { staffWhoBookedParts } from '../../../db/repositories/parts/job-parts';
import { staffWhoRepaired } from '../../../db/repositories/repairs/events';
import { setQcBy } from '../../../db/repositories/repairs/jobs';
import { storeFacts } from '../../../db/repositories/store/store-facts';
import { AppError } from '../../../shared/contract/errors';
import { QC_ITEMS, QC_ITEMS_NA_ALLOWED, type QcItem } from '../../../shared/domain/repairs/categories';
import { loadJob, type JobRow } from './job-record';
import type { RepairCore } from './repair-core';
import { applyTransition, assertTransition, type Actor, type TransitionContext } from './transition';

export interface QcInput {
  jobId: string;
  checklist: { item: QcItem; state: 'ok' | 'fail' | 'na'; note: string }[];
  passed: boolean;
  note: string;
}

/** Staff ids who worked on the repair (see the file comment). */
export function repairersOf(db: DbClient, job: Pick<JobRow, 'id' | 'assignedTo'>): Set<number> {
  const ids = [
    job.assignedTo,
    ...staffWhoRepaired(db, job.id),
    ...staffWhoBookedParts(db, job.id),
    ...staffWhoTested(db, job.id),
  ];
  return new Set(ids.filter((id): id is number => id !== null));
}

/** Checks the checklist: every item once, `na` only where allowed, no failed item on a pass. */
export function checkQcChecklist(input: QcInput): void {
  const given = input.checklist.map((c) => c.item);
  const missing = QC_ITEMS.filter((i) => !given.includes(i));
  const duplicated = given.filter((item, i) => given.indexOf(item) !== i);
  const badNa = input.checklist
    .filter((c) => c.state === 'na' && !QC_ITEMS_NA_ALLOWED.includes(c.item))
    .map((c) => c.item);
  if (missing.length > 0 || duplicated.length > 0 || badNa.length > 0) {
    throw new AppError('REPAIR_QC_CHECKLIST_INCOMPLETE', {
      missing: [...missing, ...badNa].join(', ') || '—',
      duplicated: duplicated.join(', '),
      naNotAllowed: badNa.join(', '),
    });
  }
  const failed = input.checklist.filter((c) => c.state === 'fail').map((c) => c.item);
  if (input.passed && failed.length > 0)
    throw new AppError('REPAIR_QC_INCONSISTENT', { items: failed.join(', ') });
}

/** Signs QC off (one transaction); returns queued notification ids. */
export function qcJob(core: RepairCore, actor: Actor, input: QcInput, now: number): number[] {
  const db = core.db;
  const store = storeFacts(db, core.storeId);
  return db.transaction((): number[] => {
    const job = loadJob(db, core.storeId, input.jobId);
    const ctx: TransitionContext = {
      db,
      store,
      sender: core.services.notificationSender,
      actor,
      now,
      via: 'repairs.qc',
    };
    const req = { to: input.passed ? ('ready' as const) : ('repairing' as const), note: input.note };
    assertTransition(ctx, job, req);
    checkQcChecklist(input);
    if (repairersOf(db, job).has(actor.staffId)) {
      throw new AppError('REPAIR_QC_SAME_TECHNICIAN', { staffId: actor.staffId, jobId: job.id });
    }
    const ids = applyTransition(ctx, job, req, 'qc', { checklist: input.checklist, passed: input.passed });
    setQcBy(db, job.id, actor.staffId);
    return ids;
  });
}
