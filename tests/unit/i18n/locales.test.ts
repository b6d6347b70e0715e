/**
 * Every i18n area has the same keys in zh-CN and en-US, the merged resources include every area,
 * and every error code thrown anywhere in core/, db/ or shared/ has `errors.<CODE>` in both
 * locales. Failures list exactly what is missing and where.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resources } from '../../../shared/i18n';
import { lookup } from '../../../shared/i18n/translate';
import { LOCALES, type AreaMessages, type MessageTree } from '../../../shared/i18n/types';

const ROOT = resolve(import.meta.dirname, '../../..');
const AREAS_DIR = join(ROOT, 'shared/i18n/areas');

function leafKeys(tree: MessageTree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'string' ? [`${prefix}${k}`] : leafKeys(v, `${prefix}${k}.`),
  );
}

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (name === 'node_modules') return [];
    if (statSync(p).isDirectory()) return tsFiles(p);
    return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [p] : [];
  });
}

function isAreaMessages(v: unknown): v is AreaMessages {
  return (
    typeof v === 'object' &&
    v !== null &&
    LOCALES.every((l) => typeof (v as Record<string, unknown>)[l] === 'object')
  );
}

const areaFiles = readdirSync(AREAS_DIR).filter((f) => f.endsWith('.ts'));

/** Every AreaMessages export of every area file. */
async function loadAreas(): Promise<{ file: string; name: string; messages: AreaMessages }[]> {
  const out: { file: string; name: string; messages: AreaMessages }[] = [];
  for (const file of areaFiles) {
    const mod = (await import(join(AREAS_DIR, file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod))
      if (isAreaMessages(value)) out.push({ file, name, messages: value });
  }
  return out;
}

/** `CODE → files` for every `new AppError('CODE'` in core/, db/, shared/. */
function thrownCodes(): Map<string, string[]> {
  const codes = new Map<string, string[]>();
  const re = /new\s+AppError\(\s*['"]([A-Z][A-Z0-9_]*)['"]/g;
  for (const folder of ['core', 'db', 'shared']) {
    for (const file of tsFiles(join(ROOT, folder))) {
      for (const m of readFileSync(file, 'utf8').matchAll(re)) {
        const code = m[1] as string;
        const files = codes.get(code) ?? [];
        const rel = relative(ROOT, file);
        if (!files.includes(rel)) files.push(rel);
        codes.set(code, files);
      }
    }
  }
  return codes;
}

describe('i18n resources', () => {
  it('every area file exports messages with exactly the same keys in zh-CN and en-US', async () => {
    const areas = await loadAreas();
    expect(areas.map((a) => a.file).sort()).toEqual([...areaFiles].sort());
    const problems: string[] = [];
    for (const { file, messages } of areas) {
      const zh = new Set(leafKeys(messages['zh-CN']));
      const en = new Set(leafKeys(messages['en-US']));
      for (const k of zh) if (!en.has(k)) problems.push(`${file}: ${k} is in zh-CN but not in en-US`);
      for (const k of en) if (!zh.has(k)) problems.push(`${file}: ${k} is in en-US but not in zh-CN`);
    }
    expect(problems, `\n${problems.join('\n')}\n`).toEqual([]);
  });

  it('no message is empty', async () => {
    const problems: string[] = [];
    for (const { file, messages } of await loadAreas()) {
      for (const l of LOCALES) {
        for (const k of leafKeys(messages[l]))
          if (!lookup(messages[l], k)?.trim()) problems.push(`${file} ${l}: ${k} is empty`);
      }
    }
    expect(problems, `\n${problems.join('\n')}\n`).toEqual([]);
  });

  it('shared/i18n/index.ts merges every area file', () => {
    const index = readFileSync(join(ROOT, 'shared/i18n/index.ts'), 'utf8');
    const missing = areaFiles
      .map((f) => f.replace(/\.ts$/, ''))
      .filter((a) => !index.includes(`'./areas/${a}'`));
    expect(missing, `\nshared/i18n/index.ts does not import: ${missing.join(', ')}\n`).toEqual([]);
  });

  it('every error code thrown in core/, db/ and shared/ has errors.<CODE> in both locales', () => {
    const codes = thrownCodes();
    expect(codes.size).toBeGreaterThan(10);
    const missing: string[] = [];
    for (const [code, files] of [...codes].sort(([a], [b]) => a.localeCompare(b))) {
      const lacking = LOCALES.filter((l) => lookup(resources[l], `errors.${code}`) === undefined);
      if (lacking.length)
        missing.push(`errors.${code} missing in ${lacking.join(' + ')} (thrown in ${files.join(', ')})`);
    }
    expect(missing, `\n${missing.length} error code(s) without a message:\n${missing.join('\n')}\n`).toEqual(
      [],
    );
  });

  it('the errors the renderer and bridge make up themselves are translated too', () => {
    for (const code of [
      'BRIDGE_DISCONNECTED',
      'BRIDGE_NO_TOKEN',
      'BAD_MESSAGE',
      'UNKNOWN_METHOD',
      'INTERNAL',
    ]) {
      for (const l of LOCALES)
        expect(lookup(resources[l], `errors.${code}`), `${l} errors.${code}`).toBeTruthy();
    }
  });
});
