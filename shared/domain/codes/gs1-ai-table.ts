/**
 * The GS1 Application Identifiers CounterDesk understands (GS1 General Specifications §3.2).
 * Fixed-length AIs here are all in the "predefined length" table (first two digits 00, 01, 02, 11,
 * 13, 15, 17, 41), so no FNC1/GS is needed after them; variable-length fields end at GS or at the
 * end of the data.
 */

/** Which characters a field may hold: digits only, or GS1 AI encodable character set 82. */
export type Gs1Charset = 'numeric' | 'cset82';

/** Where a parsed element lands in the summary of a GS1 element string. */
export type Gs1Field =
  | 'sscc'
  | 'gtin'
  | 'contentGtin'
  | 'batch'
  | 'productionDate'
  | 'packagingDate'
  | 'bestBefore'
  | 'expiry'
  | 'serial'
  | 'additionalId'
  | 'customerPartNumber'
  | 'orderNumber'
  | 'shipToGln';

export interface Gs1AiSpec {
  ai: string;
  /** GS1 data title, e.g. `BATCH/LOT`. */
  title: string;
  field: Gs1Field;
  /** `fixed`: exactly `length` characters; `variable`: 1 to `length` characters. */
  kind: 'fixed' | 'variable';
  length: number;
  charset: Gs1Charset;
  /** The last digit is a GS1 mod-10 check digit. */
  checkDigit: boolean;
  /** YYMMDD date; DD = 00 means the last day of the month. */
  date: boolean;
}

function fixedNumeric(ai: string, title: string, field: Gs1Field, length: number, check: boolean): Gs1AiSpec {
  return { ai, title, field, kind: 'fixed', length, charset: 'numeric', checkDigit: check, date: false };
}
function date(ai: string, title: string, field: Gs1Field): Gs1AiSpec {
  return { ai, title, field, kind: 'fixed', length: 6, charset: 'numeric', checkDigit: false, date: true };
}
function variable(ai: string, title: string, field: Gs1Field, maxLength: number): Gs1AiSpec {
  return {
    ai,
    title,
    field,
    kind: 'variable',
    length: maxLength,
    charset: 'cset82',
    checkDigit: false,
    date: false,
  };
}

export const GS1_AIS: readonly Gs1AiSpec[] = [
  fixedNumeric('00', 'SSCC', 'sscc', 18, true),
  fixedNumeric('01', 'GTIN', 'gtin', 14, true),
  fixedNumeric('02', 'CONTENT', 'contentGtin', 14, true),
  variable('10', 'BATCH/LOT', 'batch', 20),
  date('11', 'PROD DATE', 'productionDate'),
  date('13', 'PACK DATE', 'packagingDate'),
  date('15', 'BEST BEFORE or BEST BY', 'bestBefore'),
  date('17', 'USE BY or EXPIRY', 'expiry'),
  variable('21', 'SERIAL', 'serial', 20),
  variable('240', 'ADDITIONAL ID', 'additionalId', 30),
  variable('241', 'CUST. PART No.', 'customerPartNumber', 30),
  variable('400', 'ORDER NUMBER', 'orderNumber', 30),
  fixedNumeric('410', 'SHIP TO LOC', 'shipToGln', 13, true),
];

const BY_AI = new Map(GS1_AIS.map((s) => [s.ai, s]));

/** The spec of an AI, e.g. `gs1AiSpec('17')`, or undefined when CounterDesk does not know it. */
export function gs1AiSpec(ai: string): Gs1AiSpec | undefined {
  return BY_AI.get(ai);
}

/** The known AI that `data` starts with at `pos` (AIs are 2–4 digits and prefix-free), or undefined. */
export function matchAiAt(data: string, pos: number): Gs1AiSpec | undefined {
  for (let len = 2; len <= 4; len++) {
    const spec = BY_AI.get(data.slice(pos, pos + len));
    if (spec) return spec;
  }
  return undefined;
}
