/**
 * The sales import: text → drafts → checked sales → one transaction that writes every good
 * sale, the import_batches row and one `sales.imported` audit row together.
 *
 * - An unreadable file (empty, binary, not UTF-8, not JSON, bad CSV header) is refused with the
 *   AppError IMPORT_FILE_UNREADABLE before anything is written.
 * - Otherwise bad rows are reported and their sales skipped while good sales import; a sale is
 *   all or nothing (one bad line fails the whole sale).
 * - Idempotent by sale id: an identical sale already stored is a skipped duplicate; the same id
 *   with different content is an error row.
 * - Every business rule is checked before a row is written, so a database error here is a bug or
 *   a broken disk: it rolls the whole import back and propagates (nothing half-imported).
 */
import { createHash } from 'node:crypto';
import { appendAudit } from '../../../../db/audit/chain';
import type { DbClient } from '../../../../db/client';
import { closeImportBatch, openImportBatch } from '../../../../db/repositories/sales/import-batches';
import { storeFacts } from '../../../../db/repositories/store/store-facts';
import { minorDigits } from '../../../../shared/domain/money/currency';
import { businessDay } from '../../../../shared/domain/time/business-day';
import { readCsvSales } from './csv-sales';
import { fileError, rowError, type ImportRowError } from './import-errors';
import { readJsonSales } from './json-sales';
import type { ImportFormat, ReadResult } from './sale-draft';
import { SaleWriter } from './sale-writer';
import { validateSale } from './validate-sale';

/** Errors kept in the report and the batch row; the rest are counted in one `tooManyErrors` entry. */
export const MAX_REPORTED_ERRORS = 1000;

export interface ImportDeps {
  db: DbClient;
  storeId: number;
}

export interface ImportInput {
  format: ImportFormat;
  content: string;
  fileName: string;
}

export interface ImportResult {
  batchId: number;
  format: ImportFormat;
  rowsRead: number;
  salesImported: number;
  salesSkippedDuplicate: number;
  salesFailed: number;
  errors: ImportRowError[];
}

export interface ImportRunMeta {
  format: ImportFormat;
  fileName: string;
  /** sha256 of the file text, recorded in the audit row. */
  contentSha256: string | null;
  staffId: number | null;
  now: number;
  /** `sales.source` of the rows written ('import', or 'demo' for the demo seed). */
  source: string;
}

const BINARY_RE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/;

/** Refuses text that cannot be an import file; returns the drafts of a readable one. */
export function readImportText(format: ImportFormat, content: string): ReadResult {
  const body = content.charCodeAt(0) === 0xfeff ? content.slice(1) : content;
  if (body.trim() === '') throw fileError('emptyFile');
  if (BINARY_RE.test(body)) throw fileError('binaryContent');
  if (body.includes('\ufffd')) throw fileError('notUtf8');
  const read = format === 'csv' ? readCsvSales(body) : readJsonSales(body);
  if (read.rowsRead === 0) throw fileError('noRows');
  return read;
}

/** Imports POS sales from CSV or JSON text (the CLI and the `sales.import` handler call this). */
export function importSales(
  deps: ImportDeps,
  input: ImportInput,
  staffId: number | null,
  now: number,
  source = 'import',
): ImportResult {
  const read = readImportText(input.format, input.content);
  const contentSha256 = createHash('sha256').update(input.content, 'utf8').digest('hex');
  return importDrafts(deps, read, {
    format: input.format,
    fileName: input.fileName,
    contentSha256,
    staffId,
    now,
    source,
  });
}

/** A business-day function cached per quarter hour (every zone offset is a multiple of 15 min). */
function dayCutter(timeZone: string): (epochMs: number) => string {
  const cache = new Map<number, string>();
  return (t) => {
    const bucket = Math.floor(t / 900_000);
    let d = cache.get(bucket);
    if (d === undefined) {
      d = businessDay(bucket * 900_000, timeZone);
      cache.set(bucket, d);
    }
    return d;
  };
}

/** Validates and writes already-read drafts in one transaction (the demo seed calls this directly). */
export function importDrafts(deps: ImportDeps, read: ReadResult, meta: ImportRunMeta): ImportResult {
  const { db, storeId } = deps;
  const store = storeFacts(db, storeId);
  const digits = minorDigits(store.currency);
  const validateOpts = { format: meta.format, minorDigits: digits, now: meta.now };

  const errors: ImportRowError[] = [];
  let omitted = 0;
  const failedIds = new Set<string>();
  let failedWithoutId = 0;
  let imported = 0;
  let duplicates = 0;
  const importedNow = new Set<string>();

  const report = (errs: ImportRowError[], saleId: string | null) => {
    if (saleId === null) failedWithoutId++;
    else failedIds.add(saleId);
    for (const e of errs) {
      if (errors.length < MAX_REPORTED_ERRORS) errors.push(e);
      else omitted++;
    }
  };

  const batchId = db.transaction((): number => {
    const batchId = openImportBatch(db, {
      at: meta.now,
      staffId: meta.staffId,
      fileName: meta.fileName,
      format: meta.format,
      rowsRead: read.rowsRead,
    });
    const writer = new SaleWriter(db, {
      storeId,
      currency: store.currency,
      batchId,
      source: meta.source,
      now: meta.now,
      businessDay: dayCutter(store.timeZone),
    });

    for (const item of read.items) {
      if (item.kind === 'failed') {
        report(item.errors, item.saleId);
        continue;
      }
      const checked = validateSale(item.draft, validateOpts);
      if (!checked.ok) {
        const id = item.draft.saleId.trim();
        report(checked.errors, id === '' ? null : id);
        continue;
      }
      const sale = checked.sale;
      const outcome = writer.write(sale);
      switch (outcome.kind) {
        case 'imported':
          imported++;
          importedNow.add(sale.saleId);
          break;
        case 'duplicate':
          duplicates++;
          break;
        case 'conflict':
          report(
            [
              rowError(
                sale.row,
                sale.saleId,
                importedNow.has(sale.saleId) ? 'duplicateSaleId' : 'conflictingDuplicate',
              ),
            ],
            sale.saleId,
          );
          break;
        case 'receiptTaken':
          report(
            [
              rowError(sale.row, sale.saleId, 'receiptTaken', {
                receiptNo: sale.receiptNo,
                otherSaleId: outcome.bySaleId,
              }),
            ],
            sale.saleId,
          );
          break;
      }
    }
    if (omitted > 0) errors.push(rowError(0, null, 'tooManyErrors', { omitted }));
    const failed = failedIds.size + failedWithoutId;
    closeImportBatch(db, batchId, {
      imported,
      skipped: duplicates,
      failed,
      errors: JSON.stringify(errors),
    });
    appendAudit(db, {
      at: meta.now,
      storeId,
      staffId: meta.staffId,
      action: 'sales.imported',
      entityType: 'import_batch',
      entityId: String(batchId),
      data: {
        fileName: meta.fileName,
        format: meta.format,
        sha256: meta.contentSha256,
        source: meta.source,
        rowsRead: read.rowsRead,
        salesImported: imported,
        salesSkippedDuplicate: duplicates,
        salesFailed: failed,
      },
    });
    return batchId;
  }, 'immediate');

  return {
    batchId,
    format: meta.format,
    rowsRead: read.rowsRead,
    salesImported: imported,
    salesSkippedDuplicate: duplicates,
    salesFailed: failedIds.size + failedWithoutId,
    errors,
  };
}
