/**
 * INVALID_INPUT's issues as words can be built from: zod's issue turned into a *rule* (required,
 * too long, not one of the allowed values, …) with its limit or list, and the field's path with
 * 1-based positions. No input value is ever copied into an issue (a PIN stays out of the error).
 * shared/i18n/input-issue-words.ts turns these into sentences in the clerk's language.
 */
import type { z } from 'zod';

export const ISSUE_RULES = [
  'required',
  'type',
  'integer',
  'too_short',
  'too_long',
  'too_few',
  'too_many',
  'min',
  'above',
  'max',
  'below',
  'one_of',
  'format',
  'unexpected_field',
  'multiple_of',
  'exactly_one',
  'at_least_one',
  'calendar_day',
  'invalid',
] as const;
export type IssueRule = (typeof ISSUE_RULES)[number];

/** Rules a contract's own `.refine(…, { params: { rule, fields } })` may name. */
export type RefineRule = 'exactly_one' | 'at_least_one' | 'calendar_day';

export interface InputIssue {
  /** zod's path joined with dots, 0-based (`lines.2.qty`), as before: for programs and logs. */
  path: string;
  /** zod's own English message: for logs only, never shown as the sentence. */
  message: string;
  rule: IssueRule;
  /**
   * The path as a clerk reads it: field names, and 1-based positions. A list element that carries
   * its own `lineNo` (a returns line: the sale's line number, as on the receipt) is named by it.
   */
  at: (string | number)[];
  /** `type`: what was expected (string, number, boolean, object, array). */
  expected?: string;
  /** too_short/too_long (characters), too_few/too_many (items), min/above/max/below, multiple_of. */
  limit?: number;
  /** one_of: the allowed values. */
  values?: string[];
  /** unexpected_field: the fields that were not expected. */
  keys?: string[];
  /** exactly_one / at_least_one: the fields of the choice. */
  fields?: string[];
}

type Issue = z.core.$ZodIssue;
type Key = PropertyKey;

function child(value: unknown, key: Key): unknown {
  if (value === null || typeof value !== 'object') return undefined;
  return Object.prototype.hasOwnProperty.call(value, key) ? (value as Record<Key, unknown>)[key] : undefined;
}

/** The path with positions 1-based, or the element's own `lineNo` when it has a valid one. */
function readablePath(path: readonly Key[], raw: unknown): (string | number)[] {
  const out: (string | number)[] = [];
  let here = raw;
  for (const seg of path) {
    const next = child(here, seg);
    if (typeof seg === 'number') {
      const lineNo = child(next, 'lineNo');
      out.push(Number.isSafeInteger(lineNo) && (lineNo as number) > 0 ? (lineNo as number) : seg + 1);
    } else out.push(String(seg));
    here = next;
  }
  return out;
}

function valueAt(path: readonly Key[], raw: unknown): unknown {
  let here = raw;
  for (const seg of path) here = child(here, seg);
  return here;
}

function ruleOf(
  issue: Issue,
  raw: unknown,
): Pick<InputIssue, 'rule' | 'expected' | 'limit' | 'values' | 'keys' | 'fields'> {
  switch (issue.code) {
    case 'invalid_type':
      if (valueAt(issue.path, raw) === undefined) return { rule: 'required' };
      if (issue.expected === 'int') return { rule: 'integer' };
      return { rule: 'type', expected: issue.expected };
    case 'too_small': {
      const limit = Number(issue.minimum);
      if (issue.origin === 'string') return { rule: 'too_short', limit };
      if (issue.origin === 'array' || issue.origin === 'set') return { rule: 'too_few', limit };
      return { rule: issue.inclusive === false ? 'above' : 'min', limit };
    }
    case 'too_big': {
      const limit = Number(issue.maximum);
      if (issue.origin === 'string') return { rule: 'too_long', limit };
      if (issue.origin === 'array' || issue.origin === 'set') return { rule: 'too_many', limit };
      return { rule: issue.inclusive === false ? 'below' : 'max', limit };
    }
    case 'invalid_value':
      return { rule: 'one_of', values: issue.values.map((v) => String(v)) };
    case 'invalid_format':
      return { rule: 'format' };
    case 'unrecognized_keys':
      return { rule: 'unexpected_field', keys: [...issue.keys] };
    case 'not_multiple_of':
      return { rule: 'multiple_of', limit: Number(issue.divisor) };
    case 'custom': {
      const p = (issue.params ?? {}) as { rule?: unknown; fields?: unknown };
      if (p.rule === 'exactly_one' || p.rule === 'at_least_one') {
        return { rule: p.rule, fields: Array.isArray(p.fields) ? p.fields.map(String) : [] };
      }
      if (p.rule === 'calendar_day') return { rule: 'calendar_day' };
      return { rule: 'invalid' };
    }
    default:
      return { rule: 'invalid' };
  }
}

/** zod issues of a refused input → at most `max` InputIssues (raw is the input as sent). */
export function toInputIssues(issues: readonly Issue[], raw: unknown, max = 10): InputIssue[] {
  return issues.slice(0, max).map((i) => {
    const rule = ruleOf(i, raw);
    const out: InputIssue = {
      path: i.path.map(String).join('.'),
      message: i.message,
      at: readablePath(i.path, raw),
      rule: rule.rule,
    };
    if (rule.expected !== undefined) out.expected = rule.expected;
    if (rule.limit !== undefined && Number.isFinite(rule.limit)) out.limit = rule.limit;
    if (rule.values) out.values = rule.values.slice(0, 30);
    if (rule.keys) out.keys = rule.keys.slice(0, 10).map((k) => k.slice(0, 40));
    if (rule.fields) out.fields = rule.fields;
    return out;
  });
}
