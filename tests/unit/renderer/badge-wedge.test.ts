import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createBadgeWedge } from '../../../renderer/src/features/signin/badge-wedge';

/** Feeds keys at a fixed interval and returns the badges that came out. */
function feed(keys: string[], gapMs: number, start = 1000): string[] {
  const w = createBadgeWedge();
  const badges: string[] = [];
  keys.forEach((k, i) => {
    const b = w.key(k, start + i * gapMs);
    if (b) badges.push(b);
  });
  return badges;
}

const chars = (s: string) => [...s];

describe('keyboard-wedge badge detection', () => {
  it('recognises a scanner burst of a badge ending in Enter', () => {
    expect(feed([...chars('CDB-D1001WANG'), 'Enter'], 8)).toEqual(['CDB-D1001WANG']);
  });

  it('tolerates the Shift presses a wedge sends for capital letters and upper-cases the result', () => {
    const keys = [
      'Shift',
      'C',
      'Shift',
      'D',
      'Shift',
      'B',
      '-',
      'd',
      '1',
      '0',
      '0',
      '1',
      'w',
      'a',
      'n',
      'g',
      'Enter',
    ];
    expect(feed(keys, 5)).toEqual(['CDB-D1001WANG']);
  });

  it('does not take a person typing the same characters for a scanner', () => {
    expect(feed([...chars('CDB-D1001WANG'), 'Enter'], 120)).toEqual([]);
  });

  it('ignores fast bursts that are not badges (receipt numbers, PINs, garbage)', () => {
    expect(feed([...chars('R-20261123-0007'), 'Enter'], 5)).toEqual([]);
    expect(feed([...chars('1111'), 'Enter'], 5)).toEqual([]);
    expect(feed([...chars('CDB-'), 'Enter'], 5)).toEqual([]);
    expect(feed([...chars('CDB-AB!'), 'Enter'], 5)).toEqual([]);
  });

  it('starts a new burst after a pause, so typed prefixes do not leak into a later scan', () => {
    const w = createBadgeWedge();
    w.key('9', 0);
    w.key('9', 300);
    const keys = [...chars('CDB-D9001ZHANG'), 'Enter'];
    const out = keys.map((k, i) => w.key(k, 2000 + i * 6));
    expect(out.at(-1)).toBe('CDB-D9001ZHANG');
  });

  it('an interrupting key (Backspace) or a held key abandons the burst', () => {
    expect(feed([...chars('CDB-D10'), 'Backspace', ...chars('01WANG'), 'Enter'], 5)).toEqual([]);
    const w = createBadgeWedge();
    const out = [...chars('CDB-D1001WANG'), 'Enter'].map((k, i) => w.key(k, i * 5, k === 'W'));
    expect(out.filter(Boolean)).toEqual([]);
  });

  it('never reports a badge for keys typed at human speed (property, fixed seed)', () => {
    const key = fc.oneof(
      fc.constantFrom('Enter', 'Shift', 'Tab', 'C', 'D', 'B', '-'),
      fc.string({ minLength: 1, maxLength: 1 }),
    );
    fc.assert(
      fc.property(fc.array(key, { maxLength: 60 }), fc.integer({ min: 36, max: 2000 }), (keys, gap) => {
        expect(feed(keys, gap)).toEqual([]);
      }),
      { seed: 20261123, numRuns: 300 },
    );
  });

  it('only ever reports canonical CDB- badges, whatever a fast burst contains (property, fixed seed)', () => {
    const key = fc.oneof(
      fc.constantFrom('Enter', 'Tab', 'Shift', 'C', 'D', 'B', '-', 'x', '7'),
      fc.string({ minLength: 1, maxLength: 1 }),
    );
    fc.assert(
      fc.property(fc.array(key, { maxLength: 80 }), (keys) => {
        for (const badge of feed(keys, 3)) expect(badge).toMatch(/^CDB-[A-Z0-9]{3,12}$/);
      }),
      { seed: 424242, numRuns: 300 },
    );
  });
});
