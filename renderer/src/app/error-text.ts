/**
 * Turns any AppErrorValue into the sentence a clerk reads: the shared wording
 * (shared/i18n/error-words.ts, the same the CLI prints) over the renderer's i18next instance.
 */
import type { i18n as I18n } from 'i18next';
import type { AppErrorValue } from '../../../shared/contract/errors';
import { errorWords, type Words } from '../../../shared/i18n/error-words';

/** The shared `Words` over an i18next instance (its current language, then its fallback). */
export function i18nWords(i18n: Pick<I18n, 't' | 'language' | 'getResource'>, fallback = 'zh-CN'): Words {
  return {
    t: (key, params) => i18n.t(key, params ?? {}),
    template: (key) => {
      for (const lng of [i18n.language, fallback]) {
        const v: unknown = i18n.getResource(lng, 'translation', key);
        if (typeof v === 'string') return v;
      }
      return undefined;
    },
  };
}

/** The translated message of an error; unknown codes say "something went wrong (CODE)". */
export function errorText(error: AppErrorValue, i18n: Pick<I18n, 't' | 'language' | 'getResource'>): string {
  return errorWords(error, i18nWords(i18n));
}
