/**
 * Texts of the repairs area outside React (slips, notifications, the CLI): a lookup in the repairs
 * i18n area with {{name}} interpolation, and warranty sentences that may be policy reasons.
 */
import { repairsMessages } from '../../i18n/areas/repairs';
import { interpolate, lookup } from '../../i18n/translate';
import type { Locale } from '../../i18n/types';
import { renderReason, type PolicyReason } from '../policy';
import type { WarrantyReason } from './warranty';

/** A `repairs.*` / `bench.*` message in the locale (the key itself when missing). */
export function repairText(locale: Locale, key: string, params: Record<string, unknown> = {}): string {
  const template = lookup(repairsMessages[locale], key);
  return template === undefined ? key : interpolate(template, params);
}

/** A warranty sentence: policy reasons render through the policy area, the rest through repairs. */
export function warrantyReasonText(locale: Locale, reason: WarrantyReason): string {
  if (reason.key.startsWith('policy.')) return renderReason(reason as PolicyReason, locale);
  return repairText(locale, reason.key, reason.params);
}
