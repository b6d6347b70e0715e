/**
 * The statuses of a repair job, in the order a job normally moves through them, and the ones a
 * job can end in. A job is *open* until it is picked up, handed back unrepaired or cancelled.
 */

export const REPAIR_STATUSES = [
  'received',
  'diagnosing',
  'awaiting_approval',
  'awaiting_parts',
  'repairing',
  'testing',
  'qc',
  'ready',
  'picked_up',
  'cancelled',
  'returned_unrepaired',
] as const;
export type RepairStatus = (typeof REPAIR_STATUSES)[number];

/** Statuses a job never leaves. */
export const TERMINAL_STATUSES: readonly RepairStatus[] = ['picked_up', 'cancelled', 'returned_unrepaired'];

/** Statuses in which work is still owed to the customer (the device is in the workshop). */
export const WORK_STATUSES: readonly RepairStatus[] = [
  'received',
  'diagnosing',
  'awaiting_approval',
  'awaiting_parts',
  'repairing',
  'testing',
  'qc',
];

/**
 * Statuses in which the device is at the bench (taken by its technician, not yet handed to QC):
 * the only time its stored passcode may be revealed.
 */
export const BENCH_STATUSES: readonly RepairStatus[] = [
  'diagnosing',
  'awaiting_approval',
  'awaiting_parts',
  'repairing',
  'testing',
];

/** True once the job has ended (picked up, cancelled, returned unrepaired). */
export function isTerminal(status: RepairStatus): boolean {
  return TERMINAL_STATUSES.includes(status);
}

/** True while the workshop still owes work on the job (before ready). */
export function isWorkStatus(status: RepairStatus): boolean {
  return WORK_STATUSES.includes(status);
}

/**
 * Overdue: work is still owed and the promised instant has passed. A job that became ready
 * late is no longer overdue (it waits for the customer); lateness is a KPI, not this flag.
 */
export function isOverdue(status: RepairStatus, promisedAt: number, now: number): boolean {
  return isWorkStatus(status) && now > promisedAt;
}
