import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { meterMessages } from '../../../shared/i18n/areas/meter';
import type { MessageTree } from '../../../shared/i18n/types';
import { METER_FUNCTIONS } from '../../../shared/domain/meter/reading';

const ROOT = join(__dirname, '..', '..', '..');

function keys(tree: MessageTree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`),
  );
}

/** Error codes thrown by the meter and transport code (every `new AppError('CODE'` and listed code). */
function codesThrownIn(files: string[]): Set<string> {
  const codes = new Set<string>();
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/new AppError\(\s*'([A-Z0-9_]+)'/g)) codes.add(m[1] as string);
    for (const m of text.matchAll(/code: '([A-Z][A-Z0-9_]+)'/g)) codes.add(m[1] as string);
  }
  return codes;
}

describe('meter i18n', () => {
  it('has the same keys in zh-CN and en-US', () => {
    expect(keys(meterMessages['en-US']).sort()).toEqual(keys(meterMessages['zh-CN']).sort());
  });

  it('names every meter function in both locales', () => {
    for (const locale of ['zh-CN', 'en-US'] as const) {
      const names = (meterMessages[locale].meter as MessageTree).function as MessageTree;
      expect(Object.keys(names).sort()).toEqual([...METER_FUNCTIONS].sort());
    }
  });

  it('translates every error code the meter and transport code can raise', () => {
    const meterDir = join(ROOT, 'core/hardware/meters');
    const files = [
      ...readdirSync(meterDir)
        .filter((f) => f.endsWith('.ts'))
        .map((f) => join(meterDir, f)),
      join(ROOT, 'core/hardware/transport/serial-transport.ts'),
      join(ROOT, 'core/hardware/transport/memory-transport.ts'),
      join(ROOT, 'core/hardware/transport/serial-list.ts'),
    ];
    const codes = codesThrownIn(files);
    expect(codes.size).toBeGreaterThanOrEqual(10);
    for (const locale of ['zh-CN', 'en-US'] as const) {
      const errors = meterMessages[locale].errors as MessageTree;
      for (const code of codes) expect(typeof errors[code], `${locale} errors.${code}`).toBe('string');
    }
  });
});
