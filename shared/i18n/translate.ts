/**
 * A tiny i18next-compatible translator ({{name}} interpolation) for places without React:
 * the CLI, printed slips and reports. The renderer uses i18next itself with the same resources.
 */
import type { Locale, MessageTree } from './types';

export function lookup(tree: MessageTree, key: string): string | undefined {
  let node: string | MessageTree | undefined = tree;
  for (const part of key.split('.')) {
    if (node === undefined || typeof node === 'string') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

export function interpolate(template: string, params: Record<string, unknown> = {}): string {
  return template.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (_m, name: string) => {
    const v = params[name];
    return v === undefined || v === null ? '' : String(v);
  });
}

export function makeTranslator(resources: Record<Locale, MessageTree>, locale: Locale) {
  return (key: string, params?: Record<string, unknown>): string => {
    const template = lookup(resources[locale], key) ?? lookup(resources['en-US'], key);
    return template === undefined ? key : interpolate(template, params);
  };
}
