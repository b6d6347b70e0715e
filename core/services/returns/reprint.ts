/**
 * Reprints and previews of a return's slip. Both start from the layout stored with the return's first
 * print job, so a reprint and the preview show exactly what was committed. A reprint is a new queued
 * job (reprint_of = the original), marked and queued by core/printing like every reprint, never
 * opening the cash drawer; it is audited.
 */
import type { DbClient } from '../../../db/client';
import { appendReturnAudit } from '../../../db/repositories/returns/commit-rows';
import { returnExists } from '../../../db/repositories/returns/return-view';
import { AppError } from '../../../shared/contract/errors';
import { findOriginalJob } from '../../../db/repositories/print-jobs/jobs';
import { receiptDocumentSchema, type ReceiptDocument } from '../../../shared/domain/receipt/layout';
import { renderReceiptHtml } from '../../../shared/domain/receipt/render-html';
import { enqueuePrintJob } from '../../printing/enqueue';
import { isPrintKind, type PrintKind } from '../../printing/kinds';
function originalSlip(
  db: DbClient,
  storeId: number,
  returnId: string,
): { id: number; kind: PrintKind; doc: ReceiptDocument } {
  if (!returnExists(db, storeId, returnId)) throw new AppError('RETURN_NOT_FOUND', { returnId });
  const job = findOriginalJob(db, returnId);
  const parsed = job ? receiptDocumentSchema.safeParse(JSON.parse(job.layout)) : null;
  if (!job || !parsed?.success || !isPrintKind(job.kind))
    throw new AppError('RETURN_SLIP_MISSING', { returnId });
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
    const printJobId = enqueuePrintJob(
      db,
      {
        kind: original.kind,
        docRef: returnId,
        document: original.doc,
        staffId,
        reprint: { of: original.id },
      },
      now,
    ).id;
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
