/**
 * Turns the sentences of a returns quote (`policy.reason.*` from the policy engine and
 * `returns.reason.*` from the returns service) into plain text for a locale: money formatted,
 * resolutions, grades and checklist items named. The renderer can use `sentenceParams` with i18next.
 */
import { policyMessages } from '../../i18n/areas/policy';
import { returnsMessages } from '../../i18n/areas/returns';
import { interpolate, lookup } from '../../i18n/translate';
import type { Locale } from '../../i18n/types';
import { isCurrencyCode } from '../money/currency';
import { formatMoney } from '../money/format';
import { renderReason, type PolicyReason } from '../policy';

export interface Sentence {
  key: string;
  params: Record<string, string | number>;
}

function name(locale: Locale, group: string, code: string): string {
  return (
    lookup(policyMessages[locale], `policy.${group}.${code}`) ??
    lookup(returnsMessages[locale], `returns.${group}.${code}`) ??
    code
  );
}

const list = (value: string | number, locale: Locale, group: string): string =>
  String(value)
    .split(',')
    .filter((s) => s.length > 0)
    .map((code) => name(locale, group, code))
    .join(locale === 'zh-CN' ? '、' : ', ');

/** Display-ready params of a `returns.reason.*` sentence. */
export function sentenceParams(sentence: Sentence, locale: Locale): Record<string, string> {
  const out: Record<string, string> = {};
  const currency = String(sentence.params.currency ?? 'CNY');
  for (const [k, v] of Object.entries(sentence.params)) {
    if (k === 'amount' && typeof v === 'number' && isCurrencyCode(currency))
      out[k] = formatMoney(v, currency, locale);
    else if (k === 'resolution') out[k] = name(locale, 'resolution', String(v));
    else if (k === 'options') out[k] = list(v, locale, 'resolution');
    else if (k === 'items') out[k] = list(v, locale, 'checklist');
    else if (k === 'grade') out[k] = name(locale, 'grade', String(v));
    else out[k] = String(v);
  }
  return out;
}

/** One sentence of a quote as plain text in the locale (the key itself when no message exists). */
export function renderSentence(sentence: Sentence, locale: Locale): string {
  if (sentence.key.startsWith('policy.')) return renderReason(sentence as PolicyReason, locale);
  const template = lookup(returnsMessages[locale], sentence.key);
  return template === undefined ? sentence.key : interpolate(template, sentenceParams(sentence, locale));
}
