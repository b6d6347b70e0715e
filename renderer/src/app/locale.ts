/** Which UI language to show: the clerk's one-click choice (localStorage) beats the store's default. */
import { LOCALES, type Locale } from '../../../shared/i18n/types';

export const LOCALE_STORAGE_KEY = 'counterdesk.locale';

/** True for a supported locale tag. */
export function isLocale(v: unknown): v is Locale {
  return typeof v === 'string' && (LOCALES as readonly string[]).includes(v);
}

/** The locale the clerk picked on this machine, or null. */
export function storedLocale(storage: { getItem(key: string): string | null }): Locale | null {
  try {
    const v = storage.getItem(LOCALE_STORAGE_KEY);
    return isLocale(v) ? v : null;
  } catch {
    return null;
  }
}

/** Remembers the clerk's choice. */
export function storeLocale(storage: { setItem(key: string, value: string): void }, locale: Locale): void {
  try {
    storage.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // Storage may be unavailable (private mode); the choice then lasts for this page only.
  }
}

/** The other of the two UI locales, for the one-click switch. */
export function otherLocale(locale: Locale): Locale {
  return locale === 'zh-CN' ? 'en-US' : 'zh-CN';
}
