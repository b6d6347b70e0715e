/**
 * The durable print queue (tables `print_jobs` and `print_attempts`). Services put a slip in the
 * queue with `enqueuePrint` INSIDE their own transaction, so a committed refund always has its
 * slip queued and a rolled-back one never prints. The worker (print-worker.ts) claims due jobs:
 * an attempt row 'started' is committed BEFORE any byte goes to the printer, so a crash mid-job
 * leaves a visible unfinished attempt; at startup such jobs go back to 'queued'.
 *
 * Job status: queued → printing → done | queued (retry after backoff) | failed; queued/failed →
 * cancelled. An attempt's `error` column holds `CODE@phase` (e.g. `PRINTER_PAPER_OUT@before`).
 */
import { appendAudit } from '../../../db/audit/chain';
import type { SqliteDb } from '../../../db/open';
import { AppError } from '../../../shared/contract/errors';
import type { PrintJobStatus, PrintJobView } from '../../../shared/contract/methods/devices';
import { receiptDocumentSchema, type ReceiptDocument } from '../../../shared/domain/receipt/layout';

/** What a service asks to print. `layout.paper` is replaced by the store's receipt width at print time. */
export interface PrintRequest {
  /** return_slip | exchange_slip | repair_intake | shelf_tag | pickup | daily_summary | test | … */
  kind: string;
  /** The document the slip belongs to, e.g. `R-20261123-0007`. */
  docRef?: string | null;
  /** Device role to print on (default `receipt-printer`). */
  role?: string;
  layout: ReceiptDocument;
  copies?: number;
  openDrawer?: boolean;
  staffId?: number | null;
}

export const DEFAULT_PRINTER_ROLE = 'receipt-printer';

/** Backoff after the n-th failed attempt: 5 s, 15 s, 45 s, 135 s, then 5 min. */
export function printBackoffMs(failedAttempts: number): number {
  const n = Math.max(1, Math.floor(failedAttempts));
  return Math.min(300_000, 5_000 * 3 ** Math.min(n - 1, 10));
}

interface JobRow {
  id: number;
  created_at: number;
  kind: string;
  doc_ref: string | null;
  role: string;
  layout: string;
  copies: number;
  open_drawer: number;
  status: PrintJobStatus;
  attempts: number;
  next_attempt_at: number;
  last_error: string | null;
  printed_at: number | null;
  reprint_of: number | null;
  staff_id: number | null;
}

interface AttemptRow {
  id: number;
  job_id: number;
  started_at: number;
  finished_at: number | null;
  outcome: 'started' | 'done' | 'failed' | 'interrupted';
  error: string | null;
  device: string | null;
}

/** A job as the worker needs it. */
export interface QueuedJob {
  id: number;
  kind: string;
  docRef: string | null;
  role: string;
  /** Null when the stored layout is damaged (the worker fails the job with RECEIPT_INVALID). */
  layout: ReceiptDocument | null;
  copies: number;
  openDrawer: boolean;
  attempts: number;
}

const KIND_RE = /^[a-z][a-z0-9_]{1,39}$/;
const ROLE_RE = /^[a-z][a-z0-9-]{1,39}$/;

/**
 * Queues a print job and returns its id. Call it inside the caller's transaction (it only
 * inserts). Throws AppError RECEIPT_INVALID for a bad layout, PRINT_JOB_INVALID for bad fields.
 */
export function enqueuePrint(db: SqliteDb, request: PrintRequest, now: number): number {
  const layout = receiptDocumentSchema.safeParse(request.layout);
  if (!layout.success) {
    const issue = layout.error.issues[0];
    throw new AppError('RECEIPT_INVALID', {
      path: issue ? issue.path.join('.') : '',
      issue: issue ? issue.message : 'invalid',
    });
  }
  const role = request.role ?? DEFAULT_PRINTER_ROLE;
  const copies = request.copies ?? 1;
  if (!KIND_RE.test(request.kind)) throw new AppError('PRINT_JOB_INVALID', { field: 'kind' });
  if (!ROLE_RE.test(role)) throw new AppError('PRINT_JOB_INVALID', { field: 'role' });
  if (!Number.isInteger(copies) || copies < 1 || copies > 5)
    throw new AppError('PRINT_JOB_INVALID', { field: 'copies' });
  const info = db
    .prepare(
      `INSERT INTO print_jobs (created_at, kind, doc_ref, role, layout, copies, open_drawer, status,
         attempts, next_attempt_at, staff_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'queued', 0, ?, ?)`,
    )
    .run(
      now,
      request.kind,
      request.docRef ?? null,
      role,
      JSON.stringify(layout.data),
      copies,
      request.openDrawer ? 1 : 0,
      now,
      request.staffId ?? null,
    );
  return Number(info.lastInsertRowid);
}

function errorRef(code: string | null): { code: string; messageKey: string } | null {
  return code ? { code, messageKey: `errors.${code}` } : null;
}

const PHASES = ['connect', 'before', 'during', 'after'] as const;
type Phase = (typeof PHASES)[number];

function splitAttemptError(text: string | null): { code: string | null; phase: Phase | null } {
  if (!text) return { code: null, phase: null };
  const at = text.lastIndexOf('@');
  if (at < 0) return { code: text, phase: null };
  const phase = text.slice(at + 1);
  return {
    code: text.slice(0, at),
    phase: (PHASES as readonly string[]).includes(phase) ? (phase as Phase) : null,
  };
}

function toView(row: JobRow, attempts?: AttemptRow[]): PrintJobView {
  const view: PrintJobView = {
    id: row.id,
    createdAt: row.created_at,
    kind: row.kind,
    docRef: row.doc_ref,
    role: row.role,
    copies: row.copies,
    openDrawer: row.open_drawer === 1,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    lastError: errorRef(row.last_error),
    printedAt: row.printed_at,
    reprintOf: row.reprint_of,
    staffId: row.staff_id,
  };
  if (attempts) {
    view.attemptLog = attempts.map((a) => {
      const { code, phase } = splitAttemptError(a.error);
      return {
        id: a.id,
        startedAt: a.started_at,
        finishedAt: a.finished_at,
        outcome: a.outcome,
        error: errorRef(code),
        phase,
        device: a.device,
      };
    });
  }
  return view;
}

function jobRow(db: SqliteDb, id: number): JobRow | undefined {
  return db.prepare('SELECT * FROM print_jobs WHERE id = ?').get(id) as JobRow | undefined;
}

function attemptRows(db: SqliteDb, jobId: number): AttemptRow[] {
  return db.prepare('SELECT * FROM print_attempts WHERE job_id = ? ORDER BY id').all(jobId) as AttemptRow[];
}

/** One job with its attempt log; AppError PRINT_JOB_NOT_FOUND when there is none. */
export function getPrintJob(db: SqliteDb, id: number): PrintJobView {
  const row = jobRow(db, id);
  if (!row) throw new AppError('PRINT_JOB_NOT_FOUND', { jobId: id });
  return toView(row, attemptRows(db, id));
}

/** The stored layout of a job (as queued; the paper width is applied at print time). */
export function getPrintLayout(db: SqliteDb, id: number): ReceiptDocument {
  const row = jobRow(db, id);
  if (!row) throw new AppError('PRINT_JOB_NOT_FOUND', { jobId: id });
  return parseLayout(row.layout, id);
}

function parseLayout(text: string, jobId: number): ReceiptDocument {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new AppError('RECEIPT_INVALID', { jobId, issue: 'not JSON' });
  }
  const parsed = receiptDocumentSchema.safeParse(raw);
  if (!parsed.success)
    throw new AppError('RECEIPT_INVALID', { jobId, issue: parsed.error.issues[0]?.message });
  return parsed.data;
}

export interface PrintJobFilter {
  status?: readonly PrintJobStatus[];
  kind?: string;
  docRef?: string;
  since?: number;
  until?: number;
  beforeId?: number;
  limit?: number;
  withAttempts?: boolean;
}

/** Jobs newest first, filtered; `beforeId` pages back through history. */
export function listPrintJobs(db: SqliteDb, filter: PrintJobFilter = {}): PrintJobView[] {
  const where: string[] = [];
  const params: (string | number)[] = [];
  if (filter.status?.length) {
    where.push(`status IN (${filter.status.map(() => '?').join(', ')})`);
    params.push(...filter.status);
  }
  if (filter.kind !== undefined) {
    where.push('kind = ?');
    params.push(filter.kind);
  }
  if (filter.docRef !== undefined) {
    where.push('doc_ref = ?');
    params.push(filter.docRef);
  }
  if (filter.since !== undefined) {
    where.push('created_at >= ?');
    params.push(filter.since);
  }
  if (filter.until !== undefined) {
    where.push('created_at < ?');
    params.push(filter.until);
  }
  if (filter.beforeId !== undefined) {
    where.push('id < ?');
    params.push(filter.beforeId);
  }
  const sql =
    `SELECT * FROM print_jobs ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ` +
    'ORDER BY id DESC LIMIT ?';
  const rows = db.prepare(sql).all(...params, filter.limit ?? 50) as JobRow[];
  return rows.map((r) => toView(r, filter.withAttempts ? attemptRows(db, r.id) : undefined));
}

/** Ids of queued jobs due at `now`, oldest first. */
export function dueJobIds(db: SqliteDb, now: number, limit = 20): number[] {
  const rows = db
    .prepare(
      `SELECT id FROM print_jobs WHERE status = 'queued' AND next_attempt_at <= ?
       ORDER BY next_attempt_at, id LIMIT ?`,
    )
    .all(now, limit) as { id: number }[];
  return rows.map((r) => r.id);
}

/** When the next queued job falls due (epoch ms), or undefined when nothing is queued. */
export function nextDueAt(db: SqliteDb): number | undefined {
  const row = db
    .prepare(`SELECT min(next_attempt_at) AS at FROM print_jobs WHERE status = 'queued'`)
    .get() as {
    at: number | null;
  };
  return row.at ?? undefined;
}

/**
 * Claims a due job for printing and records the attempt, in one transaction, before any byte is
 * sent. Returns undefined when the job is no longer queued and due (cancelled, claimed, moved).
 */
export function claimPrintJob(
  db: SqliteDb,
  jobId: number,
  now: number,
  device: string | null,
): { job: QueuedJob; attemptId: number } | undefined {
  return db.transaction(() => {
    const row = jobRow(db, jobId);
    if (!row || row.status !== 'queued' || row.next_attempt_at > now) return undefined;
    db.prepare(`UPDATE print_jobs SET status = 'printing', attempts = attempts + 1 WHERE id = ?`).run(jobId);
    const info = db
      .prepare(`INSERT INTO print_attempts (job_id, started_at, outcome, device) VALUES (?, ?, 'started', ?)`)
      .run(jobId, now, device);
    let layout: ReceiptDocument | null = null;
    try {
      layout = parseLayout(row.layout, jobId);
    } catch {
      layout = null;
    }
    return {
      job: {
        id: row.id,
        kind: row.kind,
        docRef: row.doc_ref,
        role: row.role,
        layout,
        copies: row.copies,
        openDrawer: row.open_drawer === 1,
        attempts: row.attempts + 1,
      },
      attemptId: Number(info.lastInsertRowid),
    };
  })();
}

/** Marks the attempt and its job done. */
export function markPrinted(db: SqliteDb, jobId: number, attemptId: number, now: number): void {
  db.transaction(() => {
    db.prepare(`UPDATE print_attempts SET outcome = 'done', finished_at = ? WHERE id = ?`).run(
      now,
      attemptId,
    );
    db.prepare(
      `UPDATE print_jobs SET status = 'done', printed_at = ?, last_error = NULL WHERE id = ? AND status = 'printing'`,
    ).run(now, jobId);
  })();
}

/**
 * Records a failed attempt. With `retryAt` the job goes back to 'queued' for then (nothing was
 * printed); without it the job is 'failed' (it may have printed partly: a person decides).
 */
export function markFailed(
  db: SqliteDb,
  jobId: number,
  attemptId: number,
  now: number,
  failure: { code: string; phase: Phase | null },
  retryAt: number | null,
): void {
  db.transaction(() => {
    db.prepare(`UPDATE print_attempts SET outcome = 'failed', finished_at = ?, error = ? WHERE id = ?`).run(
      now,
      failure.phase ? `${failure.code}@${failure.phase}` : failure.code,
      attemptId,
    );
    if (retryAt === null) {
      db.prepare(
        `UPDATE print_jobs SET status = 'failed', last_error = ? WHERE id = ? AND status = 'printing'`,
      ).run(failure.code, jobId);
    } else {
      db.prepare(
        `UPDATE print_jobs SET status = 'queued', last_error = ?, next_attempt_at = ? WHERE id = ? AND status = 'printing'`,
      ).run(failure.code, retryAt, jobId);
    }
  })();
}

/**
 * After a crash: jobs left 'printing' go back to 'queued' (due now) and their unfinished
 * attempts are marked 'interrupted' (kept, so the history shows the slip may have printed).
 * Returns the requeued job ids.
 */
export function recoverInterruptedJobs(db: SqliteDb, now: number): number[] {
  return db.transaction(() => {
    const ids = (
      db.prepare(`SELECT id FROM print_jobs WHERE status = 'printing'`).all() as { id: number }[]
    ).map((r) => r.id);
    for (const id of ids) {
      db.prepare(
        `UPDATE print_attempts SET outcome = 'interrupted', finished_at = ?, error = 'PRINT_INTERRUPTED'
         WHERE job_id = ? AND outcome = 'started'`,
      ).run(now, id);
      db.prepare(
        `UPDATE print_jobs SET status = 'queued', next_attempt_at = ?, last_error = 'PRINT_INTERRUPTED' WHERE id = ?`,
      ).run(now, id);
    }
    return ids;
  })();
}

/** Makes a queued or failed job due now. AppError PRINT_JOB_NOT_RETRYABLE otherwise. */
export function retryPrintJob(db: SqliteDb, jobId: number, now: number): PrintJobView {
  return db.transaction(() => {
    const row = jobRow(db, jobId);
    if (!row) throw new AppError('PRINT_JOB_NOT_FOUND', { jobId });
    if (row.status !== 'queued' && row.status !== 'failed')
      throw new AppError('PRINT_JOB_NOT_RETRYABLE', { jobId, status: row.status });
    db.prepare(`UPDATE print_jobs SET status = 'queued', next_attempt_at = ? WHERE id = ?`).run(now, jobId);
    return getPrintJob(db, jobId);
  })();
}

/** Cancels a queued or failed job, audited. AppError PRINT_JOB_NOT_CANCELLABLE when printing/done/cancelled. */
export function cancelPrintJob(
  db: SqliteDb,
  jobId: number,
  by: { storeId: number; staffId: number | null },
  now: number,
): PrintJobView {
  return db.transaction(() => {
    const row = jobRow(db, jobId);
    if (!row) throw new AppError('PRINT_JOB_NOT_FOUND', { jobId });
    if (row.status !== 'queued' && row.status !== 'failed')
      throw new AppError('PRINT_JOB_NOT_CANCELLABLE', { jobId, status: row.status });
    db.prepare(`UPDATE print_jobs SET status = 'cancelled' WHERE id = ?`).run(jobId);
    appendAudit(db, {
      at: now,
      storeId: by.storeId,
      staffId: by.staffId,
      action: 'print.cancelled',
      entityType: 'print_job',
      entityId: String(jobId),
      data: { kind: row.kind, docRef: row.doc_ref, previousStatus: row.status, attempts: row.attempts },
    });
    return getPrintJob(db, jobId);
  })();
}

/**
 * Queues a job's layout again as a new job (`reprint_of` = the original, no drawer kick), audited.
 * Any job can be reprinted except one still queued or printing (PRINT_JOB_NOT_REPRINTABLE).
 */
export function reprintPrintJob(
  db: SqliteDb,
  jobId: number,
  by: { storeId: number; staffId: number | null; copies?: number },
  now: number,
): PrintJobView {
  return db.transaction(() => {
    const row = jobRow(db, jobId);
    if (!row) throw new AppError('PRINT_JOB_NOT_FOUND', { jobId });
    if (row.status === 'queued' || row.status === 'printing')
      throw new AppError('PRINT_JOB_NOT_REPRINTABLE', { jobId, status: row.status });
    const layout = parseLayout(row.layout, jobId);
    const id = enqueuePrint(
      db,
      {
        kind: row.kind,
        docRef: row.doc_ref,
        role: row.role,
        layout,
        copies: by.copies ?? 1,
        openDrawer: false,
        staffId: by.staffId,
      },
      now,
    );
    db.prepare('UPDATE print_jobs SET reprint_of = ? WHERE id = ?').run(jobId, id);
    appendAudit(db, {
      at: now,
      storeId: by.storeId,
      staffId: by.staffId,
      action: 'print.reprinted',
      entityType: 'print_job',
      entityId: String(id),
      data: { reprintOf: jobId, kind: row.kind, docRef: row.doc_ref, originalStatus: row.status },
    });
    return getPrintJob(db, id);
  })();
}
