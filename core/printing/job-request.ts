/**
 * What a service asks to print, and the checks every job passes before it is written: a known
 * kind, a well-formed source document reference, a device role, 1–5 copies and a valid receipt
 * layout. A job that fails them throws a typed AppError (PRINT_JOB_INVALID naming the field, or
 * RECEIPT_INVALID for the layout) and nothing is written.
 */
import { AppError } from '../../shared/contract/errors';
import { receiptDocumentSchema, type ReceiptDocument } from '../../shared/domain/receipt/layout';
import { DEFAULT_PRINTER_ROLE, isPrintKind, type PrintKind } from './kinds';

export interface PrintJobRequest {
  kind: PrintKind;
  /** The document the paper belongs to, e.g. `R-20261123-0007`, `daily:2026-11-23`, a repair job id. */
  docRef?: string | null;
  /** Device role to print on (default `receipt-printer`). */
  role?: string;
  /** The layout; its `paper` is replaced by the store's receipt width at print time. */
  document: ReceiptDocument;
  copies?: number;
  openDrawer?: boolean;
  staffId?: number | null;
  /** A reprint (of job `of`, null when the original is not known): marked on paper, never opens the drawer. */
  reprint?: { of: number | null };
}

/** A request that passed the checks, with every default filled in. */
export interface ValidJob {
  kind: PrintKind;
  docRef: string | null;
  role: string;
  document: ReceiptDocument;
  copies: number;
  openDrawer: boolean;
  staffId: number | null;
  reprintOf: number | null;
  reprint: boolean;
}

const ROLE_RE = /^[a-z][a-z0-9-]{1,39}$/;
const DOC_REF_RE = /^[\p{L}\p{N}][\p{L}\p{N}_:.\-/]{0,79}$/u;

function invalid(field: string): AppError {
  return new AppError('PRINT_JOB_INVALID', { field });
}

/** The request checked and completed; throws PRINT_JOB_INVALID / RECEIPT_INVALID (see the file comment). */
export function validateJob(request: PrintJobRequest): ValidJob {
  const layout = receiptDocumentSchema.safeParse(request.document);
  if (!layout.success) {
    const issue = layout.error.issues[0];
    throw new AppError('RECEIPT_INVALID', {
      path: issue ? issue.path.join('.') : '',
      issue: issue ? issue.message : 'invalid',
    });
  }
  const role = request.role ?? DEFAULT_PRINTER_ROLE;
  const copies = request.copies ?? 1;
  const docRef = request.docRef ?? null;
  const staffId = request.staffId ?? null;
  const reprintOf = request.reprint?.of ?? null;
  if (!isPrintKind(request.kind)) throw invalid('kind');
  if (!ROLE_RE.test(role)) throw invalid('role');
  if (!Number.isInteger(copies) || copies < 1 || copies > 5) throw invalid('copies');
  if (docRef !== null && !DOC_REF_RE.test(docRef)) throw invalid('docRef');
  if (staffId !== null && !Number.isSafeInteger(staffId)) throw invalid('staffId');
  if (reprintOf !== null && !(Number.isSafeInteger(reprintOf) && reprintOf > 0)) throw invalid('reprintOf');
  return {
    kind: request.kind,
    docRef,
    role,
    document: layout.data,
    copies,
    openDrawer: request.reprint ? false : (request.openDrawer ?? false),
    staffId,
    reprintOf,
    reprint: request.reprint !== undefined,
  };
}
