/**
 * Queues repair documents on the durable print queue (core/services/devices/print-queue.ts `enqueuePrint`)
 * inside the caller's transaction, so a committed intake always has its receipt and tag queued
 * and a rolled-back one never prints. Handlers kick the print worker after the commit.
 */
import type { SqliteDb } from '../../../db/open';
import type { ReceiptDocument } from '../../../shared/domain/receipt/layout';
import { DEFAULT_PRINTER_ROLE, enqueuePrint } from '../devices/print-queue';

export type RepairPrintKind = 'repair_intake' | 'shelf_tag' | 'pickup' | 'notification';

/** The device role repair documents print on. */
export const REPAIR_PRINTER_ROLE = DEFAULT_PRINTER_ROLE;

/** Queues one document; returns the print job's id and kind. */
export function queuePrint(
  db: SqliteDb,
  job: {
    kind: RepairPrintKind;
    docRef: string | null;
    document: ReceiptDocument;
    staffId: number | null;
    copies?: number;
  },
  now: number,
): { id: number; kind: RepairPrintKind } {
  const id = enqueuePrint(
    db,
    {
      kind: job.kind,
      docRef: job.docRef,
      role: REPAIR_PRINTER_ROLE,
      layout: job.document,
      copies: job.copies ?? 1,
      staffId: job.staffId,
    },
    now,
  );
  return { id, kind: job.kind };
}
