/** A tree of message strings; leaves may use {{name}} interpolation (i18next syntax). */
export interface MessageTree {
  [key: string]: string | MessageTree;
}

export const LOCALES = ['zh-CN', 'en-US'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';

/** One area's messages in every locale. Each area owns one file in shared/i18n/areas/. */
export type AreaMessages = Record<Locale, MessageTree>;
