/**
 * Queues repair documents through core/printing (`enqueuePrintJob`) inside the caller's
 * transaction, so a committed intake always has its receipt and tag queued and a rolled-back one
 * never prints. Handlers announce the jobs and kick the print worker after the commit (afterCommit).
 */
import type { DbClient } from '../../../db/client';
import type { ReceiptDocument } from '../../../shared/domain/receipt/layout';
import { enqueuePrintJob } from '../../printing/enqueue';

export type RepairPrintKind = 'repair_intake' | 'shelf_tag' | 'pickup' | 'notification';

/** Queues one document on the receipt printer; returns the print job's id and kind. */
export function queuePrint(
  db: DbClient,
  job: {
    kind: RepairPrintKind;
    docRef: string | null;
    document: ReceiptDocument;
    staffId: number | null;
    copies?: number;
  },
  now: number,
): { id: number; kind: RepairPrintKind } {
  const { id } = enqueuePrintJob(db, job, now);
  return { id, kind: job.kind };
}
