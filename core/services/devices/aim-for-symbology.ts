/**
 * The AIM identifier (ISO/IEC 15424) a scanner sends for each symbology — what the simulated
 * scanner puts in its HID-POS reports so the real parser sees what a real scanner would send.
 */
import type { Symbology } from '../../../shared/domain/codes/aim';

const AIM: Readonly<Record<Symbology, string>> = {
  'ean-upc': ']E0',
  'ean-upc-addon-2': ']E1',
  'ean-upc-addon-5': ']E2',
  'ean-upc-with-addon': ']E3',
  'ean-8': ']E4',
  code128: ']C0',
  'gs1-128': ']C1',
  datamatrix: ']d1',
  'gs1-datamatrix': ']d2',
  qr: ']Q1',
  'gs1-qr': ']Q3',
  'gs1-databar': ']e0',
  code39: ']A0',
  code93: ']G0',
  code11: ']H0',
  codabar: ']F0',
  itf: ']I0',
  pdf417: ']L0',
  aztec: ']z0',
  maxicode: ']U0',
  msi: ']M0',
  telepen: ']B0',
  other: ']X0',
  'non-barcode': ']Z0',
};

/** `qr` → `]Q1`, `ean-upc` → `]E0`, `gs1-128` → `]C1`. */
export function aimForSymbology(symbology: Symbology): string {
  return AIM[symbology];
}
