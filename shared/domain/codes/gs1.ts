/**
 * GS1 element strings: `]C1` / `]d2` / `]Q3` / `]e0` + AI + value …, variable-length values ended
 * by GS (0x1D, what a scanner sends for FNC1), or the human-readable form `(01)…(17)…(10)…`.
 * Never throws: anything malformed is `{ ok: false, reason }` (with the AI when one is to blame).
 */
import { GS1_AIM_IDS, splitAimPrefix } from './aim';
import { type Gs1AiSpec, type Gs1Field, gs1AiSpec, matchAiAt } from './gs1-ai-table';
import { parseGs1Date } from './gs1-date';
import { hasValidGs1CheckDigit } from './gtin';

/** Group separator: a scanner transmits FNC1 between fields as this character. */
export const GS = '\u001d';

export const GS1_ERRORS = [
  'empty',
  'not_gs1',
  'unknown_ai',
  'truncated',
  'not_digits',
  'bad_characters',
  'empty_value',
  'too_long',
  'bad_check_digit',
  'bad_date',
  'duplicate_ai',
] as const;
/** `duplicate_ai`: the same AI twice with different values (GS1 forbids it; identical repeats are tolerated). */
export type Gs1Error = (typeof GS1_ERRORS)[number];

export interface Gs1Element {
  ai: string;
  /** The value as encoded (dates stay YYMMDD). */
  value: string;
}

/** Summary of the elements; dates are ISO calendar dates `YYYY-MM-DD` (day 00 → last day of month). */
export type Gs1Summary = Partial<Record<Gs1Field, string>>;

export type Gs1Result =
  ({ ok: true; elements: Gs1Element[] } & Gs1Summary) | { ok: false; reason: Gs1Error; ai?: string };

export interface Gs1Options {
  /** Year that two-digit years are resolved around (GS1 §7.12). Default: the current UTC year. */
  referenceYear?: number;
}

/** The GS1 AI encodable character set 82 (GS1 General Specifications Figure 7.11-1). */
const CSET82 = /^[!"%&'()*+,\-./0-9:;<=>?A-Z_a-z]+$/;
const DIGITS = /^[0-9]+$/;
const MAX_INPUT = 512;

/** True when `raw` looks like a GS1 element string: GS1 AIM prefix, a GS separator, or `(NN)` start. */
export function looksLikeGs1(raw: string, aimId?: string): boolean {
  if (aimId !== undefined && GS1_AIM_IDS.includes(aimId)) return true;
  const { aim, data } = splitAimPrefix(raw);
  if (aim) return aim.gs1;
  return data.includes(GS) || /^\(\d{2,4}\)/.test(data);
}

/** Parses a GS1 element string (with or without its symbology prefix) into elements and a summary. */
export function parseGs1(raw: string, options: Gs1Options = {}): Gs1Result {
  if (typeof raw !== 'string' || raw.length === 0) return { ok: false, reason: 'empty' };
  if (raw.length > MAX_INPUT) return { ok: false, reason: 'too_long' };
  const { aim, data } = splitAimPrefix(raw);
  if (aim && !aim.gs1) return { ok: false, reason: 'not_gs1' };
  const referenceYear = options.referenceYear ?? new Date().getUTCFullYear();
  const split = data.startsWith('(') ? splitHumanReadable(data) : splitElementString(data);
  if (!split.ok) return split;
  return summarise(split.elements, referenceYear);
}

type Split = { ok: true; elements: Gs1Element[] } | { ok: false; reason: Gs1Error; ai?: string };

/** AI + value pairs of the transmitted form: fixed fields by length, variable fields up to GS / end. */
function splitElementString(input: string): Split {
  let data = input;
  while (data.startsWith(GS)) data = data.slice(1); // FNC1 in first position, sent by some scanners
  while (data.endsWith(GS)) data = data.slice(0, -1);
  if (data.length === 0) return { ok: false, reason: 'empty' };
  const elements: Gs1Element[] = [];
  let pos = 0;
  while (pos < data.length) {
    const spec = matchAiAt(data, pos);
    if (!spec) return { ok: false, reason: pos === 0 && !/^[0-9]{2}/.test(data) ? 'not_gs1' : 'unknown_ai' };
    pos += spec.ai.length;
    let value: string;
    if (spec.kind === 'fixed') {
      value = data.slice(pos, pos + spec.length);
      if (value.includes(GS) || value.length < spec.length)
        return { ok: false, reason: 'truncated', ai: spec.ai };
      pos += spec.length;
    } else {
      const end = data.indexOf(GS, pos);
      value = data.slice(pos, end === -1 ? data.length : end);
      pos += value.length;
    }
    if (data[pos] === GS) pos += 1;
    elements.push({ ai: spec.ai, value });
  }
  return { ok: true, elements };
}

/** AI + value pairs of the human-readable form `(01)09506000134352(10)ABC123`. */
function splitHumanReadable(data: string): Split {
  const elements: Gs1Element[] = [];
  const re = /\(([0-9]{2,4})\)([^(]*)/y;
  let pos = 0;
  while (pos < data.length) {
    re.lastIndex = pos;
    const m = re.exec(data);
    if (!m) return { ok: false, reason: 'not_gs1' };
    const ai = m[1] ?? '';
    if (!gs1AiSpec(ai)) return { ok: false, reason: 'unknown_ai', ai };
    elements.push({ ai, value: (m[2] ?? '').trim() });
    pos = re.lastIndex;
  }
  return { ok: true, elements };
}

/** Checks every value against its AI and builds the summary. */
function summarise(elements: Gs1Element[], referenceYear: number): Gs1Result {
  const summary: Gs1Summary = {};
  const seen = new Map<string, string>();
  for (const { ai, value } of elements) {
    const spec = gs1AiSpec(ai);
    if (!spec) return { ok: false, reason: 'unknown_ai', ai };
    const problem = checkValue(spec, value);
    if (problem) return { ok: false, reason: problem, ai };
    const earlier = seen.get(ai);
    if (earlier !== undefined && earlier !== value) return { ok: false, reason: 'duplicate_ai', ai };
    seen.set(ai, value);
    if (spec.date) {
      const d = parseGs1Date(value, referenceYear);
      if (!d.ok) return { ok: false, reason: 'bad_date', ai };
      summary[spec.field] = d.iso;
    } else {
      summary[spec.field] = value;
    }
  }
  return { ok: true, elements, ...summary };
}

/** What is wrong with `value` for `spec`, if anything. */
function checkValue(spec: Gs1AiSpec, value: string): Gs1Error | undefined {
  if (value.length === 0) return 'empty_value';
  if (spec.kind === 'fixed' && value.length < spec.length) return 'truncated';
  if (value.length > spec.length) return 'too_long';
  if (spec.charset === 'numeric' && !DIGITS.test(value)) return 'not_digits';
  if (spec.charset === 'cset82' && !CSET82.test(value)) return 'bad_characters';
  if (spec.checkDigit && !hasValidGs1CheckDigit(value)) return 'bad_check_digit';
  return undefined;
}
