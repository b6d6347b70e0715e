/** The import_batches row of one sales import: opened before the sales are written, closed with the counts. */
import { eq, sql } from 'drizzle-orm';
import type { DbClient } from '../../client';
import { importBatches } from '../../schema';
import { prepared } from '../statements';

const ph = sql.placeholder;

export interface NewImportBatch {
  at: number;
  staffId: number | null;
  fileName: string;
  format: string;
  rowsRead: number;
}

/** Opens a batch with zero counts and no errors; returns its id. */
export function openImportBatch(db: DbClient, b: NewImportBatch): number {
  const info = prepared(db, 'sales.openImportBatch', (orm) =>
    orm
      .insert(importBatches)
      .values({
        at: ph('at'),
        staffId: ph('staffId'),
        fileName: ph('fileName'),
        format: ph('format'),
        rowsRead: ph('rowsRead'),
        salesImported: 0,
        salesSkipped: 0,
        salesFailed: 0,
        errors: '[]',
      })
      .prepare(),
  ).run({ ...b });
  return Number(info.lastInsertRowid);
}

export interface ImportBatchCounts {
  imported: number;
  skipped: number;
  failed: number;
  /** The reported errors, as JSON. */
  errors: string;
}

export function closeImportBatch(db: DbClient, id: number, c: ImportBatchCounts): void {
  prepared(db, 'sales.closeImportBatch', (orm) =>
    orm
      .update(importBatches)
      .set({
        salesImported: sql`${ph('imported')}`,
        salesSkipped: sql`${ph('skipped')}`,
        salesFailed: sql`${ph('failed')}`,
        errors: sql`${ph('errors')}`,
      })
      .where(eq(importBatches.id, ph('id')))
      .prepare(),
  ).run({ id, ...c });
}
