/** Print jobs as the contract shows them (print.jobs, print.preview), read through the repository. */
import type { DbClient } from '../../db/client';
import { attemptsOf, type PrintAttemptRow } from '../../db/repositories/print-jobs/attempts';
import {
  findPrintJob,
  listPrintJobRows,
  type PrintJobFilter,
  type PrintJobRow,
} from '../../db/repositories/print-jobs/jobs';
import { AppError } from '../../shared/contract/errors';
import type { PrintJobView } from '../../shared/contract/methods/devices';
import type { Permission, Role } from '../../shared/contract/permissions';
import { receiptDocumentSchema, type ReceiptDocument } from '../../shared/domain/receipt/layout';
import { isPrintKind, KIND_PERMISSION, kindsReadableWith } from './kinds';

/** Who asks for a job: a job is theirs to see when they hold its document's permission and
 * either queued it or hold `print.manage`. */
export interface JobViewer {
  staffId: number;
  role: Role;
  permissions: ReadonlySet<Permission>;
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
  const phase = PHASES.find((p) => p === text.slice(at + 1)) ?? null;
  return { code: text.slice(0, at), phase };
}

function toView(row: PrintJobRow, attempts?: PrintAttemptRow[]): PrintJobView {
  const view: PrintJobView = {
    id: row.id,
    createdAt: row.createdAt,
    kind: row.kind,
    docRef: row.docRef,
    role: row.role,
    copies: row.copies,
    openDrawer: row.openDrawer,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.nextAttemptAt,
    lastError: errorRef(row.lastError),
    printedAt: row.printedAt,
    reprintOf: row.reprintOf,
    staffId: row.staffId,
  };
  if (attempts) {
    view.attemptLog = attempts.map((a) => {
      const { code, phase } = splitAttemptError(a.error);
      return {
        id: a.id,
        startedAt: a.startedAt,
        finishedAt: a.finishedAt,
        outcome: a.outcome,
        error: errorRef(code),
        phase,
        device: a.device,
      };
    });
  }
  return view;
}

/** The stored job; AppError PRINT_JOB_NOT_FOUND when there is none. */
export function requireJob(db: DbClient, id: number): PrintJobRow {
  const row = findPrintJob(db, id);
  if (!row) throw new AppError('PRINT_JOB_NOT_FOUND', { jobId: id });
  return row;
}

/**
 * The stored job if `viewer` may see it: AppError FORBIDDEN when its document needs a permission
 * the viewer lacks (a clerk and the daily report) or it is someone else's job and the viewer does
 * not hold `print.manage`.
 */
export function requireVisibleJob(db: DbClient, id: number, viewer: JobViewer): PrintJobRow {
  const row = requireJob(db, id);
  const permission: Permission = isPrintKind(row.kind) ? KIND_PERMISSION[row.kind] : 'print.manage';
  if (!viewer.permissions.has(permission))
    throw new AppError('FORBIDDEN', { jobId: id, permission, role: viewer.role });
  if (!viewer.permissions.has('print.manage') && row.staffId !== viewer.staffId)
    throw new AppError('FORBIDDEN', { jobId: id, permission: 'print.manage', role: viewer.role });
  return row;
}

/** One job with its attempt log; AppError PRINT_JOB_NOT_FOUND when there is none. */
export function getPrintJob(db: DbClient, id: number): PrintJobView {
  return toView(requireJob(db, id), attemptsOf(db, id));
}

/** The stored layout of a job (as queued; the paper width is applied at print time). */
export function getPrintLayout(db: DbClient, id: number): ReceiptDocument {
  return parseLayout(requireJob(db, id).layout, id);
}

/** A stored layout, checked; AppError RECEIPT_INVALID when damaged. */
export function parseLayout(text: string, jobId: number): ReceiptDocument {
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

/**
 * Jobs newest first, filtered; `beforeId` pages back through history. With a viewer, only the
 * jobs they may see (see `requireVisibleJob`), filtered in the query so paging stays exact.
 */
export function listPrintJobs(
  db: DbClient,
  filter: PrintJobFilter & { withAttempts?: boolean } = {},
  viewer?: JobViewer,
): PrintJobView[] {
  const scoped: PrintJobFilter = viewer
    ? {
        ...filter,
        kinds: kindsReadableWith(viewer.permissions),
        ...(viewer.permissions.has('print.manage') ? {} : { staffId: viewer.staffId }),
      }
    : filter;
  return listPrintJobRows(db, scoped).map((r) =>
    toView(r, filter.withAttempts ? attemptsOf(db, r.id) : undefined),
  );
}
