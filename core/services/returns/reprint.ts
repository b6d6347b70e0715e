/**
 * Reprints and previews of a return's slip. Both start from the layout stored with the return's first
 * print job, so a reprint and the preview show exactly what was committed. A reprint is a new queued
 * job (reprint_of = the original), marked REPRINT, never opening the cash drawer; it is audited.
 */
import type { DbClient } from '../../../db/client';
import { appendReturnAudit } from '../../../db/repositories/returns/commit-rows';
// The print job statements below keep their SQL until core/printing owns print_jobs.
import { rawStatement as prepared } from '../../../db/repositories/returns/raw-statements';
import { returnExists } from '../../../db/repositories/returns/return-view';
import { AppError } from '../../../shared/contract/errors';
import { receiptDocumentSchema, type ReceiptDocument } from '../../../shared/domain/receipt/layout';
import { renderReceiptHtml } from '../../../shared/domain/receipt/render-html';
import { markReprint } from './slip';

const SQL = {
  original: `SELECT id, kind, layout FROM print_jobs WHERE doc_ref = ? AND reprint_of IS NULL ORDER BY id LIMIT 1`,
  insert: `INSERT INTO print_jobs (created_at, kind, doc_ref, role, layout, copies, open_drawer, status, attempts,
      next_attempt_at, reprint_of, staff_id)
    VALUES (?, ?, ?, 'receipt-printer', ?, 1, 0, 'queued', 0, ?, ?, ?)`,
} as const;

function originalSlip(
  db: DbClient,
  storeId: number,
  returnId: string,
): { id: number; kind: string; doc: ReceiptDocument } {
  if (!returnExists(db, storeId, returnId)) throw new AppError('RETURN_NOT_FOUND', { returnId });
  const job = prepared(db, SQL.original).get(returnId) as
    { id: number; kind: string; layout: string } | undefined;
  const parsed = job ? receiptDocumentSchema.safeParse(JSON.parse(job.layout)) : null;
  if (!job || !parsed?.success) throw new AppError('RETURN_SLIP_MISSING', { returnId });
  return { id: job.id, kind: job.kind, doc: parsed.data };
}

/** Queues a reprint of a return's slip (audited 'return.reprinted'). */
export function reprintReturnSlip(
  db: DbClient,
  storeId: number,
  staffId: number,
  returnId: string,
  now: number,
): { printJobId: number; reprintOf: number } {
  return db.transaction(() => {
    const original = originalSlip(db, storeId, returnId);
    const layout = JSON.stringify(markReprint(original.doc));
    const printJobId = Number(
      prepared(db, SQL.insert).run(now, original.kind, returnId, layout, now, original.id, staffId)
        .lastInsertRowid,
    );
    appendReturnAudit(db, {
      at: now,
      storeId,
      staffId,
      action: 'return.reprinted',
      entityType: 'return',
      entityId: returnId,
      data: { printJobId, reprintOf: original.id },
    });
    return { printJobId, reprintOf: original.id };
  });
}

/** The HTML preview of a return's slip (both copies, as committed). */
export async function returnSlipHtml(db: DbClient, storeId: number, returnId: string): Promise<string> {
  return renderReceiptHtml(originalSlip(db, storeId, returnId).doc);
}
