/**
 * Turns a decision's reasons into plain sentences. Params are raw in the decision (days as numbers,
 * amounts in minor units, grades as codes); reasonParams() makes them display-ready for one locale,
 * so the renderer can call i18next `t(reason.key, reasonParams(reason, locale))` and slips/CLI can call
 * renderReason().
 */
import { policyMessages } from '../../i18n/areas/policy';
import { interpolate, lookup } from '../../i18n/translate';
import type { Locale } from '../../i18n/types';
import { isCurrencyCode } from '../money/currency';
import { formatMoney } from '../money/format';
import { MONEY_PARAMS, type PolicyReason } from './reasons';

function message(locale: Locale, key: string): string {
  return lookup(policyMessages[locale], key) ?? key;
}

/** "today" / "1 day ago" / "21 days ago" in the locale. */
export function daysAgoText(days: number, locale: Locale): string {
  const form = days === 0 ? 'today' : days === 1 ? 'one' : 'other';
  return interpolate(message(locale, `policy.ago.${form}`), { count: days });
}

/** Display-ready params of a reason: money formatted, grade named, `ago` derived from `days`. */
export function reasonParams(reason: PolicyReason, locale: Locale): Record<string, string> {
  const out: Record<string, string> = {};
  const currency = String(reason.params.currency ?? 'CNY');
  for (const [name, value] of Object.entries(reason.params)) {
    if (
      (MONEY_PARAMS as readonly string[]).includes(name) &&
      typeof value === 'number' &&
      isCurrencyCode(currency)
    ) {
      out[name] = formatMoney(value, currency, locale);
    } else if (name === 'grade') {
      out[name] = message(locale, `policy.grade.${String(value)}`);
    } else {
      out[name] = String(value);
    }
  }
  if (typeof reason.params.days === 'number') out.ago = daysAgoText(reason.params.days, locale);
  return out;
}

/** The reason as one sentence in the locale. */
export function renderReason(reason: PolicyReason, locale: Locale): string {
  return interpolate(message(locale, reason.key), reasonParams(reason, locale));
}
