/**
 * The repair lifecycle as a table: every allowed move, who may make it, and what it needs.
 * Anything not in the table is illegal. Managers and admins may make every move (a small store's
 * manager stands in for anyone); the QC rule "not the technician who repaired it" is checked by
 * the service for everyone, managers included.
 */
import type { Role } from '../../contract/permissions';
import type { RepairStatus } from './statuses';

/**
 * What a move needs besides the right role:
 * - `reason`: a reason code (cancel, hand back unrepaired);
 * - `quote`: the quoted amount (estimate) the customer is asked to approve;
 * - `approval`: how the customer approved the quote (phone / in person / written);
 * - `testsPassed`: every step of the category's bench plan passed on its latest attempt;
 * - `qcChecklist`: a QC checklist signed off by an inspector (only through repairs.qc);
 * - `pickup`: balance settled, customer signature (only through repairs.pickup).
 */
export type TransitionNeed = 'reason' | 'quote' | 'approval' | 'testsPassed' | 'qcChecklist' | 'pickup';

export interface TransitionRule {
  from: RepairStatus;
  to: RepairStatus;
  /** Roles allowed to make the move. */
  roles: readonly Role[];
  needs: readonly TransitionNeed[];
  /** The move is made only by this contract method (it collects what the move needs). */
  via: 'repairs.transition' | 'repairs.qc' | 'repairs.pickup';
}

const ALWAYS: readonly Role[] = ['manager', 'admin'];

function rule(
  from: RepairStatus,
  to: RepairStatus,
  roles: readonly Role[],
  needs: readonly TransitionNeed[] = [],
  via: TransitionRule['via'] = 'repairs.transition',
): TransitionRule {
  return { from, to, roles: [...roles, ...ALWAYS], needs, via };
}

/** Every legal move. Order: the normal path first, then the exits. */
export const TRANSITIONS: readonly TransitionRule[] = [
  rule('received', 'diagnosing', ['technician']),
  rule('diagnosing', 'awaiting_approval', ['technician'], ['quote']),
  rule('diagnosing', 'awaiting_parts', ['technician']),
  rule('diagnosing', 'repairing', ['technician']),
  rule('awaiting_approval', 'awaiting_parts', ['clerk', 'technician'], ['approval']),
  rule('awaiting_approval', 'repairing', ['clerk', 'technician'], ['approval']),
  rule('awaiting_parts', 'repairing', ['technician']),
  rule('repairing', 'awaiting_parts', ['technician']),
  rule('repairing', 'awaiting_approval', ['technician'], ['quote']),
  rule('repairing', 'testing', ['technician']),
  rule('testing', 'repairing', ['technician']),
  rule('testing', 'qc', ['technician'], ['testsPassed']),
  rule('qc', 'ready', ['inspector'], ['qcChecklist'], 'repairs.qc'),
  rule('qc', 'repairing', ['inspector'], ['qcChecklist'], 'repairs.qc'),
  rule('ready', 'picked_up', ['clerk'], ['pickup'], 'repairs.pickup'),
  // Exits: the customer withdraws (cancelled) or takes the device back unrepaired.
  rule('received', 'cancelled', ['clerk'], ['reason']),
  rule('diagnosing', 'cancelled', ['clerk'], ['reason']),
  rule('awaiting_approval', 'cancelled', ['clerk'], ['reason']),
  rule('awaiting_parts', 'cancelled', ['clerk'], ['reason']),
  rule('diagnosing', 'returned_unrepaired', ['clerk'], ['reason']),
  rule('awaiting_approval', 'returned_unrepaired', ['clerk'], ['reason']),
  rule('awaiting_parts', 'returned_unrepaired', ['clerk'], ['reason']),
  rule('repairing', 'returned_unrepaired', ['clerk'], ['reason']),
];

/** Reason codes for cancelling or handing back unrepaired. */
export const EXIT_REASONS = [
  'customer_request',
  'quote_declined',
  'unrepairable',
  'parts_unavailable',
  'other',
] as const;
export type ExitReason = (typeof EXIT_REASONS)[number];

/** How the customer approved a quote. */
export const APPROVAL_METHODS = ['phone', 'in_person', 'written'] as const;
export type ApprovalMethod = (typeof APPROVAL_METHODS)[number];

export type TransitionCheck =
  | { ok: true; rule: TransitionRule }
  | { ok: false; reason: 'same_status' | 'no_such_transition'; allowedTo: RepairStatus[] }
  | { ok: false; reason: 'role_not_allowed'; rule: TransitionRule; allowedRoles: Role[] };

/** The table row for a move, if the move is legal at all. */
export function findTransition(from: RepairStatus, to: RepairStatus): TransitionRule | undefined {
  return TRANSITIONS.find((t) => t.from === from && t.to === to);
}

/** Statuses reachable from `from` in one move (by anyone). */
export function nextStatuses(from: RepairStatus): RepairStatus[] {
  return TRANSITIONS.filter((t) => t.from === from).map((t) => t.to);
}

/** Checks a move against the table: legal at all, and allowed for this role. Needs are the caller's. */
export function checkTransition(from: RepairStatus, to: RepairStatus, role: Role): TransitionCheck {
  if (from === to) return { ok: false, reason: 'same_status', allowedTo: nextStatuses(from) };
  const found = findTransition(from, to);
  if (!found) return { ok: false, reason: 'no_such_transition', allowedTo: nextStatuses(from) };
  if (!found.roles.includes(role)) {
    return { ok: false, reason: 'role_not_allowed', rule: found, allowedRoles: [...found.roles] };
  }
  return { ok: true, rule: found };
}

/** The moves this role may make from `from` (for the job screen's buttons). */
export function transitionsFor(from: RepairStatus, role: Role): TransitionRule[] {
  return TRANSITIONS.filter((t) => t.from === from && t.roles.includes(role));
}
