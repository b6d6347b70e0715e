/** The bench harness never reports a figure it could not measure as ok, and a missing tool is an error, not a hang. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { errorFigure, meets, printTable, verdict, writeResults, type Figure } from '../bench/harness';
import { startSocatPair } from '../helpers/socat-pair';
import { tempDir } from '../helpers/temp-dir';

const measured: Figure = { name: 'receipt lookup p99', value: 2, unit: 'ms', target: { op: '<=', value: 5 } };
const missed: Figure = { ...measured, name: 'slow lookup p99', value: 9 };
const untargeted: Figure = { name: 'raw throughput', value: 11520, unit: 'B/s' };
const failed = errorFigure('browser figures', 'Chromium did not start: no display\nstack line');
const nan: Figure = { name: 'host RSS', value: NaN, unit: 'MB' };

afterEach(() => vi.restoreAllMocks());

describe('bench harness verdicts', () => {
  it('is ok only for a measured figure that meets its target', () => {
    expect([measured, missed, untargeted, failed, nan].map(meets)).toEqual([true, false, true, false, false]);
    expect([measured, missed, untargeted, failed, nan].map(verdict)).toEqual([
      'ok',
      'MISS',
      '',
      'MISS',
      'MISS',
    ]);
  });

  it('writes an errored figure as a miss with its reason', () => {
    const file = join(tempDir(), 'bench-results.json');
    writeResults(file, 'quick', [measured, failed]);
    const out: unknown = JSON.parse(readFileSync(file, 'utf8'));
    expect(out).toMatchObject({
      mode: 'quick',
      figures: [
        { name: 'receipt lookup p99', ok: true },
        {
          name: 'browser figures',
          ok: false,
          unit: 'error',
          error: 'Chromium did not start: no display\nstack line',
        },
      ],
    });
  });

  it('prints MISS and the first line of the reason in the table, never ok', () => {
    const lines: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((line: string) => void lines.push(line));
    printTable([failed]);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^browser figures\s+NaN\s+error\s+MISS/);
    expect(lines[0]).toContain('(error: Chromium did not start: no display)');
    expect(lines[0]).not.toMatch(/\bok\b/);
  });
});

describe('a missing socat', () => {
  it('rejects with an install hint instead of leaving the printer group pending forever', async () => {
    const path = process.env.PATH;
    process.env.PATH = tempDir('no-socat-');
    try {
      await expect(startSocatPair({ timeoutMs: 10_000 })).rejects.toThrow(
        /cannot run socat .*install the Debian package socat/,
      );
    } finally {
      process.env.PATH = path;
    }
  });
});
