/**
 * Applies one status change inside the caller's transaction: the table check (legal move, role,
 * the method that owns it), what the move needs (reason, quote, approval, passed tests), the row
 * update (first diagnosis, completion, quote, promise, passcode wipe at the end), the timeline
 * event, the audit row and the customer message of the milestone.
 */
import { appendRepairAudit } from '../../../db/repositories/repairs/audit';
import type { DbClient } from '../../../db/client';
import { partsTotals } from '../../../db/repositories/parts/job-parts';
import { updateJobStatus } from '../../../db/repositories/repairs/jobs';
import type { StoreFacts } from '../../../db/repositories/store/store-facts';
import { AppError } from '../../../shared/contract/errors';
import type { Role } from '../../../shared/contract/permissions';
import { repairBalance } from '../../../shared/domain/repairs/balance';
import { templateForStatus } from '../../../shared/domain/repairs/notification-templates';
import { endOfBusinessDay } from '../../../shared/domain/repairs/promised-date';
import { isTerminal, type RepairStatus } from '../../../shared/domain/repairs/statuses';
import {
  checkTransition,
  type ApprovalMethod,
  type ExitReason,
  type TransitionRule,
} from '../../../shared/domain/repairs/transitions';
import { addDays, businessDay } from '../../../shared/domain/time/business-day';
import { benchGate } from './bench-gate';
import type { JobRow } from './job-record';
import type { NotificationSender } from './notification-sender';
import { queueMilestone } from './notifications';
import { recordEvent, type RepairEventKind } from './repair-events';

export interface Actor {
  staffId: number;
  role: Role;
}

export interface TransitionRequest {
  to: RepairStatus;
  expectedStatus?: RepairStatus;
  note: string;
  reason?: ExitReason;
  quoteMinor?: number;
  approval?: { method: ApprovalMethod; approved: boolean };
  promisedDay?: string;
}

export interface TransitionContext {
  db: DbClient;
  store: StoreFacts;
  sender: NotificationSender;
  actor: Actor;
  now: number;
  via: TransitionRule['via'];
}

/** 0-based step indices → "1, 3" for messages. */
const stepList = (xs: number[]): string => (xs.length ? xs.map((i) => String(i + 1)).join(', ') : '—');

/** Checks the move against the table and its needs; returns the rule (throws the typed refusal). */
export function assertTransition(
  ctx: TransitionContext,
  job: JobRow,
  req: TransitionRequest,
): TransitionRule {
  const from = job.status;
  const to = req.to;
  if (req.expectedStatus !== undefined && req.expectedStatus !== from) {
    throw new AppError('REPAIR_STALE_STATUS', { jobId: job.id, expected: req.expectedStatus, actual: from });
  }
  const check = checkTransition(from, to, ctx.actor.role);
  if (!check.ok) {
    if (check.reason === 'role_not_allowed') {
      throw new AppError('REPAIR_TRANSITION_ROLE', {
        from,
        to,
        role: ctx.actor.role,
        allowedRoles: check.allowedRoles.join(', '),
      });
    }
    throw new AppError('REPAIR_TRANSITION_ILLEGAL', {
      from,
      to,
      reason: check.reason,
      allowedTo: check.allowedTo,
    });
  }
  const rule = check.rule;
  if (rule.via !== ctx.via) throw new AppError('REPAIR_TRANSITION_VIA', { from, to, method: rule.via });
  for (const need of rule.needs) {
    if (need === 'reason' && req.reason === undefined)
      throw new AppError('REPAIR_REASON_REQUIRED', { from, to });
    if (need === 'quote' && req.quoteMinor === undefined)
      throw new AppError('REPAIR_QUOTE_REQUIRED', { from, to });
    if (need === 'approval' && req.approval?.approved !== true)
      throw new AppError('REPAIR_APPROVAL_REQUIRED', { from, to });
    if (need === 'testsPassed') {
      const gate = benchGate(ctx.db, job.id, job.categoryCode);
      if (gate.failing.length > 0 || gate.missing.length > 0) {
        throw new AppError('REPAIR_TESTS_NOT_PASSED', {
          planId: gate.planId,
          failing: stepList(gate.failing),
          missing: stepList(gate.missing),
        });
      }
    }
  }
  return rule;
}

/**
 * Makes the move (after assertTransition passes) and records it. Returns the ids of queued
 * customer messages (to hand to an automatic sender after commit).
 */
export function applyTransition(
  ctx: TransitionContext,
  job: JobRow,
  req: TransitionRequest,
  kind: RepairEventKind = 'transition',
  extraData: Record<string, unknown> = {},
): number[] {
  const { db, store, now } = ctx;
  assertTransition(ctx, job, req);
  const from = job.status;
  const to = req.to;
  let promisedAt = job.promisedAt;
  if (req.promisedDay !== undefined) {
    if (req.promisedDay < businessDay(now, store.timeZone))
      throw new AppError('REPAIR_PROMISED_IN_PAST', { promisedDay: req.promisedDay });
    promisedAt = endOfBusinessDay(req.promisedDay, store.timeZone);
  }
  const estimate = req.quoteMinor ?? job.estimateMinor;
  const wipe = isTerminal(to) && job.passcodeEnc !== null;
  updateJobStatus(db, {
    jobId: job.id,
    status: to,
    estimateMinor: estimate,
    promisedAt,
    leavingDiagnosis: from === 'diagnosing',
    completed: to === 'ready',
    wipePasscode: wipe,
    now,
  });
  const approval = req.approval ? { ...req.approval, amountMinor: estimate } : undefined;
  const data: Record<string, unknown> = {
    ...(req.reason !== undefined ? { reason: req.reason } : {}),
    ...(req.quoteMinor !== undefined ? { quoteMinor: req.quoteMinor } : {}),
    ...(approval ? { approval } : {}),
    ...(req.promisedDay !== undefined ? { promisedDay: req.promisedDay } : {}),
    ...(wipe ? { passcodeWiped: true } : {}),
    ...extraData,
  };
  recordEvent(db, {
    jobId: job.id,
    at: now,
    staffId: ctx.actor.staffId,
    from,
    to,
    kind,
    note: req.note,
    data,
  });
  appendRepairAudit(db, {
    at: now,
    storeId: store.id,
    staffId: ctx.actor.staffId,
    action: 'repair.transition',
    entityType: 'repair_job',
    entityId: job.id,
    data: { from, to, via: ctx.via, note: req.note, ...data },
  });
  const template = templateForStatus(to);
  if (!template) return [];
  const updated: JobRow = { ...job, status: to, estimateMinor: estimate, promisedAt };
  let amountMinor = 0;
  if (template === 'quote') amountMinor = estimate;
  if (template === 'ready') {
    amountMinor = repairBalance({
      warranty: job.warranty,
      estimateMinor: estimate,
      partsPriceMinor: partsTotals(db, job.id).priceMinor,
      depositMinor: job.depositMinor,
    }).balanceDueMinor;
  }
  const until =
    template === 'picked_up' ? addDays(businessDay(now, store.timeZone), job.repairWarrantyDays) : undefined;
  return [queueMilestone(db, store, ctx.sender, updated, template, { amountMinor, until }, now)];
}
