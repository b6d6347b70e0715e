/** CLI output: human text in the chosen locale, or JSON with --json; errors always on stderr. */
import type { AppErrorValue } from '../../shared/contract/errors';
import { resources } from '../../shared/i18n';
import { errorWords } from '../../shared/i18n/error-words';
import { lookup, makeTranslator } from '../../shared/i18n/translate';
import type { Locale } from '../../shared/i18n/types';

export interface Out {
  json: boolean;
  t: (key: string, params?: Record<string, unknown>) => string;
  print(text: string): void;
  data(value: unknown): void;
  error(err: AppErrorValue): void;
}

export function pickLocale(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): Locale {
  const raw = flag ?? env.COUNTERDESK_LANG ?? env.LC_ALL ?? env.LANG ?? '';
  return /^en/i.test(raw) ? 'en-US' : 'zh-CN';
}

export function makeOut(json: boolean, locale: Locale): Out {
  const t = makeTranslator(resources, locale);
  return {
    json,
    t,
    print: (text) => {
      if (!json) process.stdout.write(`${text}\n`);
    },
    data: (value) => process.stdout.write(`${JSON.stringify(value, null, json ? 2 : 0)}\n`),
    error: (err) => {
      // The same words the screen shows: INVALID_INPUT names each field and its rule.
      const message = errorWords(err, {
        t,
        template: (key) => lookup(resources[locale], key) ?? lookup(resources['en-US'], key),
      });
      if (json) process.stderr.write(`${JSON.stringify({ error: { ...err, message } })}\n`);
      else process.stderr.write(`${err.code}: ${message}\n`);
    },
  };
}
