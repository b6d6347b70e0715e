/**
 * Every kind of printed document CounterDesk makes, and where its one builder lives
 * (core/printing/documents/). A print job's `kind` is one of these; a new kind is added here
 * together with its builder (see README.md).
 */
import type { Permission } from '../../shared/contract/permissions';

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

/**
 * The permission of each kind's document: reading, previewing, retrying, cancelling or reprinting
 * a job needs it (the daily report is the manager's, a return slip the returns reader's).
 */
export const KIND_PERMISSION: Record<PrintKind, Permission> = {
  return_slip: 'returns.read',
  exchange_slip: 'returns.read',
  repair_intake: 'repairs.read',
  shelf_tag: 'repairs.read',
  pickup: 'repairs.read',
  notification: 'repairs.read',
  daily_report: 'reports.daily',
  test: 'devices.read',
};

/** The kinds whose document a holder of `permissions` may see. */
export function kindsReadableWith(permissions: ReadonlySet<Permission>): PrintKind[] {
  return PRINT_KINDS.filter((k) => permissions.has(KIND_PERMISSION[k]));
}

export function isPrintKind(value: string): value is PrintKind {
  return PRINT_KINDS.some((k) => k === value);
}

/** The device role a job prints on unless it names another. */
export const DEFAULT_PRINTER_ROLE = 'receipt-printer';
