/** i18next for the renderer, fed with the merged resources of every area in shared/i18n. */
import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { resources } from '../../../shared/i18n';
import { DEFAULT_LOCALE, LOCALES, type Locale } from '../../../shared/i18n/types';

/** A fresh, synchronously initialised i18next instance showing `locale`. */
export function createI18n(locale: Locale): I18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources: Object.fromEntries(LOCALES.map((l) => [l, { translation: resources[l] }])),
    lng: locale,
    fallbackLng: DEFAULT_LOCALE,
    supportedLngs: [...LOCALES],
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
    showSupportNotice: false,
  });
  return instance;
}
