/** What a routed scan puts into the intake's serial/IMEI field: the IMEI, the serial — or the raw code. */
import type { RoutedScan } from '../../app/scan/scan-decision';

/** Kinds of scans the serial/IMEI field takes (shared/domain/codes/classify: 15-digit Luhn IMEI, 6–30 chars serial). */
export const SERIAL_SCANS = ['imei', 'serial'] as const;

/** The text for the field. */
export function serialOfScan(scan: RoutedScan): string {
  const c = scan.classification;
  if (c.kind === 'imei') return c.imei.imei;
  if (c.kind === 'serial') return c.serial.value;
  return c.code || scan.code;
}
