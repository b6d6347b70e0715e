/** The job timeline: one `repair_events` row per status change, assignment, part, QC, pickup … */
import type { DbClient } from '../../../db/client';
import { insertEvent } from '../../../db/repositories/repairs/events';
import type { RepairStatus } from '../../../shared/domain/repairs/statuses';

export type RepairEventKind =
  | 'intake'
  | 'transition'
  | 'assign'
  | 'part'
  | 'bench_start'
  | 'bench_retest'
  | 'qc'
  | 'pickup'
  | 'passcode_viewed'
  | 'notification';

export interface RepairEvent {
  jobId: string;
  at: number;
  staffId: number | null;
  from: RepairStatus | null;
  /** For events that do not change the status, the current status. */
  to: RepairStatus;
  kind: RepairEventKind;
  note?: string;
  data?: Record<string, unknown>;
}

/** Appends one timeline row (inside the caller's transaction); returns its id. */
export function recordEvent(db: DbClient, e: RepairEvent): number {
  return insertEvent(db, {
    jobId: e.jobId,
    at: e.at,
    staffId: e.staffId,
    fromStatus: e.from,
    toStatus: e.to,
    note: e.note ?? '',
    data: JSON.stringify({ kind: e.kind, ...e.data }),
  });
}
