/**
 * Every kind of printed document CounterDesk makes, and where its one builder lives
 * (core/printing/documents/). A print job's `kind` is one of these; a new kind is added here
 * together with its builder (see README.md).
 */
export const PRINT_KINDS = [
  /** documents/return-slip.ts `buildReturnSlip` */
  'return_slip',
  /** documents/return-slip.ts `buildReturnSlip` (kind exchange) */
  'exchange_slip',
  /** documents/repair-slips.ts `intakeReceipt` */
  'repair_intake',
  /** documents/repair-slips.ts `shelfTag` */
  'shelf_tag',
  /** documents/repair-slips.ts `pickupSlip` */
  'pickup',
  /** documents/repair-slips.ts `noticeSlip` */
  'notification',
  /** documents/daily-summary.ts `summaryReceipt` */
  'daily_report',
  /** documents/test-page.ts `testPageLayout` */
  'test',
] as const;

export type PrintKind = (typeof PRINT_KINDS)[number];

export function isPrintKind(value: string): value is PrintKind {
  return PRINT_KINDS.some((k) => k === value);
}

/** The device role a job prints on unless it names another. */
export const DEFAULT_PRINTER_ROLE = 'receipt-printer';
