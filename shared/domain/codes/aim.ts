/**
 * AIM symbology identifiers (ISO/IEC 15424): `]` + code character + modifier character, sent by a
 * scanner before the data (or in the HID-POS report) to say which symbology was read.
 */

export const SYMBOLOGIES = [
  'ean-upc',
  'ean-upc-addon-2',
  'ean-upc-addon-5',
  'ean-upc-with-addon',
  'ean-8',
  'code128',
  'gs1-128',
  'datamatrix',
  'gs1-datamatrix',
  'qr',
  'gs1-qr',
  'gs1-databar',
  'code39',
  'code93',
  'code11',
  'codabar',
  'itf',
  'pdf417',
  'aztec',
  'maxicode',
  'msi',
  'telepen',
  'other',
  'non-barcode',
] as const;
export type Symbology = (typeof SYMBOLOGIES)[number];

export interface AimInfo {
  /** The identifier as received, e.g. `]E0`. */
  id: string;
  codeChar: string;
  modifier: string;
  symbology: Symbology;
  /** The data is a GS1 element string (FNC1 in first position). */
  gs1: boolean;
}

/** Symbology for one code character + modifier; '*' is the modifier fallback for that code character. */
const TABLE: Record<string, Record<string, Symbology>> = {
  A: { '*': 'code39' },
  B: { '*': 'telepen' },
  C: { '0': 'code128', '1': 'gs1-128', '*': 'code128' },
  d: { '2': 'gs1-datamatrix', '5': 'gs1-datamatrix', '*': 'datamatrix' },
  E: {
    '0': 'ean-upc',
    '1': 'ean-upc-addon-2',
    '2': 'ean-upc-addon-5',
    '3': 'ean-upc-with-addon',
    '4': 'ean-8',
  },
  e: { '*': 'gs1-databar' },
  F: { '*': 'codabar' },
  G: { '*': 'code93' },
  H: { '*': 'code11' },
  I: { '*': 'itf' },
  L: { '*': 'pdf417' },
  M: { '*': 'msi' },
  Q: { '3': 'gs1-qr', '4': 'gs1-qr', '*': 'qr' },
  X: { '*': 'other' },
  z: { '*': 'aztec' },
  U: { '*': 'maxicode' },
  Z: { '*': 'non-barcode' },
};

/**
 * Identifiers whose data is a GS1 element string (FNC1 in first position; GS1 General Specifications
 * §5.1.2): GS1-128, GS1 DataBar, GS1 DataMatrix and GS1 QR (the ECI variants ]d5 and ]Q4 too).
 */
export const GS1_AIM_IDS: readonly string[] = [']C1', ']e0', ']d2', ']d5', ']Q3', ']Q4'];

const AIM_RE = /^\][A-Za-z][0-9A-Za-z]$/;

/** Describes an AIM id such as `]Q3`; undefined for anything that is not a known identifier. */
export function parseAimId(id: string): AimInfo | undefined {
  if (typeof id !== 'string' || !AIM_RE.test(id)) return undefined;
  const codeChar = id[1] ?? '';
  const modifier = id[2] ?? '';
  const row = TABLE[codeChar];
  if (!row) return undefined;
  const symbology = row[modifier] ?? row['*'];
  if (!symbology) return undefined;
  return { id, codeChar, modifier, symbology, gs1: GS1_AIM_IDS.includes(id) };
}

/**
 * Splits a leading AIM identifier off scanned data: `']E04006381333931'` →
 * `{ aim: ']E0', data: '4006381333931' }`. Data without a known identifier comes back whole.
 */
export function splitAimPrefix(raw: string): { aim?: AimInfo; data: string } {
  if (raw.length >= 3 && raw[0] === ']') {
    const aim = parseAimId(raw.slice(0, 3));
    if (aim) return { aim, data: raw.slice(3) };
  }
  return { data: raw };
}
