/**
 * The UI language: i18next instance, the one-click 中文/English switch (remembered in
 * localStorage), and the store's default locale from app.info when the clerk never chose.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { DEFAULT_LOCALE, type Locale } from '../../../shared/i18n/types';
import { createI18n } from './i18n';
import { otherLocale, storedLocale, storeLocale } from './locale';
import { useSession } from './session-context';

interface LocaleState {
  locale: Locale;
  /** Switches to the other UI language and remembers the choice. */
  toggle(): void;
}

const LocaleContext = createContext<LocaleState | null>(null);

/** Provides i18next and the locale switch; must sit inside SessionProvider. */
export function LocaleProvider({ children }: { children: ReactNode }) {
  const [i18n] = useState(() => createI18n(storedLocale(window.localStorage) ?? DEFAULT_LOCALE));
  const [locale, setLocale] = useState<Locale>(i18n.language === 'en-US' ? 'en-US' : 'zh-CN');
  const { appInfo } = useSession();

  const show = useCallback(
    (next: Locale) => {
      void i18n.changeLanguage(next);
      setLocale(next);
    },
    [i18n],
  );

  useEffect(() => {
    if (appInfo && !storedLocale(window.localStorage)) show(appInfo.store.locale);
  }, [appInfo, show]);

  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = i18n.t('app.title');
  }, [locale, i18n]);

  const value = useMemo<LocaleState>(
    () => ({
      locale,
      toggle: () => {
        const next = otherLocale(locale);
        storeLocale(window.localStorage, next);
        show(next);
      },
    }),
    [locale, show],
  );
  return (
    <I18nextProvider i18n={i18n}>
      <LocaleContext.Provider value={value}>{children}</LocaleContext.Provider>
    </I18nextProvider>
  );
}

/** The current UI locale and the switch. */
export function useLocale(): LocaleState {
  const s = useContext(LocaleContext);
  if (!s) throw new Error('LocaleProvider is missing');
  return s;
}
