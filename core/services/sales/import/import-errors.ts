/**
 * What the import reports: per-row errors as i18n keys (shared/i18n/areas/import.ts) with
 * parameters, and the file-level refusal thrown before anything is written.
 */
import { AppError } from '../../../../shared/contract/errors';

/** Reasons a single row or sale is refused (the sale is skipped, the rest of the file imports). */
export const ROW_ERROR_REASONS = [
  'badQuoting',
  'unterminatedQuote',
  'columnCount',
  'missingValue',
  'tooLong',
  'badText',
  'badMoney',
  'moneyMustBeText',
  'badQty',
  'badLineNo',
  'duplicateLineNo',
  'badTaxRate',
  'badDate',
  'soldInFuture',
  'badBoolean',
  'badPhone',
  'badGtin',
  'badSerial',
  'serialNeedsQtyOne',
  'badPayments',
  'unknownTender',
  'badPaymentAmount',
  'noLines',
  'lineDiscountTooLarge',
  'orderDiscountTooLarge',
  'totalMismatch',
  'paymentsMismatch',
  'amountTooLarge',
  'saleFieldsDiffer',
  'saleNotContiguous',
  'conflictingDuplicate',
  'duplicateSaleId',
  'receiptTaken',
  'invalidField',
  'notAnObject',
  'tooManyErrors',
] as const;
export type RowErrorReason = (typeof ROW_ERROR_REASONS)[number];

/** Reasons the whole file is refused (nothing is written). */
export const FILE_ERROR_REASONS = [
  'emptyFile',
  'binaryContent',
  'notUtf8',
  'invalidJson',
  'notAnArray',
  'badHeader',
  'missingColumns',
  'unknownColumns',
  'duplicateColumns',
  'noRows',
] as const;
export type FileErrorReason = (typeof FILE_ERROR_REASONS)[number];

export type ErrorParams = Record<string, string | number>;

export interface ImportRowError {
  /** CSV: physical line (the header is line 1); JSON: index in the array + 1; 0 = the report itself. */
  row: number;
  saleId: string | null;
  /** i18n key, e.g. `import.errors.totalMismatch`. */
  reason: string;
  params: ErrorParams;
}

/** The i18n key of a reason. */
export function errorKey(reason: RowErrorReason | FileErrorReason): string {
  return `import.errors.${reason}`;
}

/** A row error value. */
export function rowError(
  row: number,
  saleId: string | null,
  reason: RowErrorReason,
  params: ErrorParams = {},
): ImportRowError {
  return { row, saleId, reason: errorKey(reason), params };
}

/** The AppError code of a refused file; details carry the i18n reason key, its params and the row. */
export const IMPORT_FILE_UNREADABLE = 'IMPORT_FILE_UNREADABLE';

/** The file-level refusal: nothing was written. */
export function fileError(reason: FileErrorReason, params: ErrorParams = {}, row = 0): AppError {
  return new AppError('IMPORT_FILE_UNREADABLE', { reason: errorKey(reason), params, row });
}
