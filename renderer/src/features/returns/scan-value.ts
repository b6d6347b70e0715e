/** The text a routed scan gives a field: the product's GTIN, the IMEI, the serial — or the raw code. */
import type { RoutedScan } from '../../app/scan/scan-decision';

/** What to put into a field for this scan. */
export function scanValue(scan: RoutedScan): string {
  const c = scan.classification;
  switch (c.kind) {
    case 'gs1':
      return c.gs1.gtin ?? c.code;
    case 'imei':
      return c.imei.imei;
    case 'serial':
      return c.serial.value;
    default:
      return c.code || scan.code;
  }
}

/** Kinds of scans a product field takes (store barcodes; GS1 strings carry a GTIN). */
export const PRODUCT_SCANS = ['gtin', 'gs1'] as const;
/** Kinds of scans a serial/IMEI field takes. */
export const SERIAL_SCANS = ['imei', 'serial'] as const;
