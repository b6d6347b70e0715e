/**
 * Any AppErrorValue as the sentence a clerk reads, the same on screen (renderer/src/app/error-text.ts
 * over i18next) and in the CLI (core/cli/output.ts over the small translator): the message
 * `errors.<CODE>` (or its variant `errors.<CODE>_<context>`) with its details in words.
 *
 * - INVALID_INPUT: each issue (shared/contract/input-issues.ts) as "<field>: <rule>", e.g.
 *   "line 3, quantity: must be a whole number" / "第 3 行，数量：必须是整数".
 * - An error about a line (details.lineNo, a numeric details.lineId, or details.lines) whose message
 *   does not name the line is led by "Line 3: " / "第 3 行：".
 * - SALE_NOT_FOUND says when the text is another document's number (a return R-…) or no receipt
 *   number at all.
 */
import type { AppErrorValue } from '../contract/errors';
import { ISSUE_RULES, type InputIssue } from '../contract/input-issues';
import { ROLES } from '../contract/permissions';

export interface Words {
  t(key: string, params?: Record<string, unknown>): string;
  /** The raw message of a key in the current locale (or its fallback), undefined when none. */
  template(key: string): string | undefined;
}

type Params = Record<string, string | number | boolean>;

const has = (w: Words, key: string) => w.template(key) !== undefined;

function fieldName(w: Words, name: string): string {
  const key = `inputIssues.field.${name}`;
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && has(w, key) ? w.t(key) : name;
}

function itemName(w: Words, list: string | undefined, n: number): string {
  const key = list && /^[A-Za-z_][A-Za-z0-9_]*$/.test(list) ? `inputIssues.item.${list}` : '';
  return w.t(key && has(w, key) ? key : 'inputIssues.item._', { n });
}

/** `['lines', 3, 'qty']` → "line 3, quantity"; `[]` → "the request". */
export function fieldWords(at: readonly (string | number)[], w: Words): string {
  const parts: string[] = [];
  for (let i = 0; i < at.length; i++) {
    const seg = at[i];
    const next = at[i + 1];
    if (typeof seg === 'string' && typeof next === 'number') {
      parts.push(itemName(w, seg, next));
      i++;
    } else if (typeof seg === 'number') parts.push(itemName(w, undefined, seg));
    else if (seg !== undefined) parts.push(fieldName(w, seg));
  }
  return parts.length ? parts.join(w.t('inputIssues.pathJoin')) : w.t('inputIssues.root');
}

function isInputIssue(v: unknown): v is InputIssue {
  const i = v as Partial<InputIssue> | null;
  return (
    typeof i === 'object' &&
    i !== null &&
    typeof i.rule === 'string' &&
    (ISSUE_RULES as readonly string[]).includes(i.rule) &&
    Array.isArray(i.at)
  );
}

/** One issue as "<field>: <rule>" with the rule's limit or list in words. */
export function issueWords(issue: InputIssue, w: Words): string {
  const list = (xs: readonly string[] | undefined, each: (x: string) => string) =>
    (xs ?? []).map(each).join(w.t('inputIssues.listJoin'));
  const expectedKey = `inputIssues.type.${issue.expected ?? '_'}`;
  const rule = w.t(`inputIssues.rule.${issue.rule}`, {
    limit: issue.limit ?? '',
    expected: w.t(has(w, expectedKey) ? expectedKey : 'inputIssues.type._'),
    values: list(issue.values, (v) => v),
    keys: list(issue.keys, (k) => w.t('inputIssues.quoted', { name: k })),
    fields: list(issue.fields, (f) => fieldName(w, f)),
  });
  return w.t('inputIssues.issue', { field: fieldWords(issue.at, w), rule });
}

/** Every issue of an INVALID_INPUT, joined; an older issue shape falls back to its path. */
export function issuesWords(issues: unknown, w: Words): string {
  if (!Array.isArray(issues)) return '';
  return issues
    .map((i: unknown) => {
      if (isInputIssue(i)) return issueWords(i, w);
      const o = i as { path?: unknown; message?: unknown } | null;
      return typeof o?.path === 'string' && o.path ? o.path : String(o?.message ?? '?');
    })
    .join(w.t('inputIssues.join'));
}

/** The line numbers an error is about (details.lineNo, numeric lineId, or lines[]). */
function linesOf(details: Record<string, unknown>): number[] {
  const ok = (n: unknown): n is number => Number.isSafeInteger(n) && (n as number) > 0;
  if (ok(details.lineNo)) return [details.lineNo];
  if (typeof details.lineId === 'string' && /^[1-9][0-9]{0,5}$/.test(details.lineId))
    return [Number(details.lineId)];
  if (Array.isArray(details.lines)) return details.lines.filter(ok);
  return [];
}

/** i18n context variant (`errors.<CODE>_<context>`) chosen from the details. */
function contextOf(error: AppErrorValue): string | undefined {
  if (error.code === 'AUTH_FAILED' && error.details.attemptsLeft === null) return 'unknownStaff';
  if (error.code === 'AUTH_FAILED' && !('attemptsLeft' in error.details)) return 'signedOut';
  if (error.code === 'SALE_NOT_FOUND') {
    const why = error.details.why;
    if (why === 'not_a_sale' && typeof error.details.documentType === 'string') return 'not_a_sale';
    if (why === 'malformed') return 'malformed';
  }
  return undefined;
}

/** Details as interpolation parameters: primitives kept, known shapes turned into words. */
export function errorParams(error: AppErrorValue, w: Words): Params {
  const out: Params = {};
  for (const [k, v] of Object.entries(error.details)) {
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out[k] = v;
  }
  const role = error.details.role;
  if (typeof role === 'string' && (ROLES as readonly string[]).includes(role))
    out.role = w.t(`app.roles.${role}`);
  if (Array.isArray(error.details.issues)) out.fields = issuesWords(error.details.issues, w);
  const doc = error.details.documentType;
  if (typeof doc === 'string') {
    const key = `returnsUi.find.documentType.${doc}`;
    out.documentType = has(w, key) ? w.t(key) : doc;
  }
  const lines = linesOf(error.details);
  if (lines.length) out.lines = lines.join(w.t('inputIssues.listJoin'));
  return out;
}

/** The translated sentence of an error; unknown codes say "something went wrong (CODE)". */
export function errorWords(error: AppErrorValue, w: Words): string {
  if (!has(w, error.messageKey)) return w.t('app.error.unknown', { code: error.code });
  const context = contextOf(error);
  const key =
    context && has(w, `${error.messageKey}_${context}`) ? `${error.messageKey}_${context}` : error.messageKey;
  const params = errorParams(error, w);
  const text = w.t(key, params);
  // A line-bound error whose message does not show the line gets "Line N: " in front.
  const template = w.template(key) ?? '';
  if (params.lines !== undefined && !/\{\{\s*(lineNo|lines|lineId)\s*\}\}/.test(template)) {
    const n = linesOf(error.details).length;
    return w.t(n > 1 ? 'errorLines.many' : 'errorLines.one', { lines: params.lines }) + text;
  }
  return text;
}
