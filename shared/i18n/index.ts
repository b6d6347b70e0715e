/** Every area's messages merged into one resource tree per locale (zh-CN default). */
import { cliMessages } from './areas/cli';
import { moneyMessages } from './areas/money';
import { mergeAreas } from './merge';

export const resources = mergeAreas([moneyMessages, cliMessages]);
export { DEFAULT_LOCALE, LOCALES, type Locale } from './types';
