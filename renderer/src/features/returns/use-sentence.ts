/**
 * Reasons of a quote (`policy.reason.*` from the policy engine, `returns.reason.*` from the returns
 * service) as sentences in the UI language: i18next with display-ready params (money formatted,
 * grades, resolutions and checklist items named, "5 天前" / "5 days ago").
 */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReasonSentence } from '../../../../shared/contract/methods/returns';
import { reasonParams, type PolicyReason } from '../../../../shared/domain/policy';
import { sentenceParams } from '../../../../shared/domain/returns/explain';
import { useLocale } from '../../app/locale-provider';

/** A function that turns a reason sentence into text in the current locale. */
export function useSentence(): (s: ReasonSentence) => string {
  const { t } = useTranslation();
  const { locale } = useLocale();
  return useCallback(
    (s: ReasonSentence) =>
      t(
        s.key,
        s.key.startsWith('policy.') ? reasonParams(s as PolicyReason, locale) : sentenceParams(s, locale),
      ),
    [t, locale],
  );
}
