import type { AreaMessages, Locale, MessageTree } from './types';
import { LOCALES } from './types';

/** Deep-merges message trees; a key defined twice as a string is a programming error. */
export function mergeTrees(target: MessageTree, source: MessageTree, path = ''): MessageTree {
  for (const [k, v] of Object.entries(source)) {
    const existing = target[k];
    const here = path ? `${path}.${k}` : k;
    if (typeof v === 'string') {
      if (existing !== undefined) throw new Error(`i18n: ${here} is defined twice`);
      target[k] = v;
    } else {
      if (typeof existing === 'string') throw new Error(`i18n: ${here} is both a message and a group`);
      target[k] = mergeTrees(existing ?? {}, v, here);
    }
  }
  return target;
}

export function mergeAreas(areas: readonly AreaMessages[]): Record<Locale, MessageTree> {
  const out = Object.fromEntries(LOCALES.map((l) => [l, {} as MessageTree])) as Record<Locale, MessageTree>;
  for (const area of areas) for (const l of LOCALES) mergeTrees(out[l], area[l]);
  return out;
}

/** Puts an area's keys under one namespace (`import.*`) when its file is written without it. */
export function namespaced(ns: string, area: AreaMessages): AreaMessages {
  return Object.fromEntries(LOCALES.map((l) => [l, { [ns]: area[l] }])) as AreaMessages;
}
