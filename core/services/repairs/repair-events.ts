/** The job timeline: one `repair_events` row per status change, assignment, part, QC, pickup … */
import type { SqliteDb } from '../../../db/open';
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
export function recordEvent(db: SqliteDb, e: RepairEvent): number {
  const info = db
    .prepare(
      `INSERT INTO repair_events (job_id, at, staff_id, from_status, to_status, note, data)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(e.jobId, e.at, e.staffId, e.from, e.to, e.note ?? '', JSON.stringify({ kind: e.kind, ...e.data }));
  return Number(info.lastInsertRowid);
}
