import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type WedgeResult,
  createWedgeDetector,
  type WedgeKeyEvent,
} from '../../../shared/domain/scanner/wedge-detector';

/** Key events for `text` typed from `start` with `gap` ms between keys, then `end` (Enter) after the same gap. */
function keys(text: string, start: number, gap: number, end: string | null = 'Enter'): WedgeKeyEvent[] {
  const evs = [...text].map((key, i) => ({ key, at: start + i * gap }));
  if (end) evs.push({ key: end, at: start + text.length * gap });
  return evs;
}

function feed(evs: WedgeKeyEvent[], det = createWedgeDetector()): WedgeResult[] {
  return evs.map((e) => det.push(e));
}

describe('keyboard-wedge burst detection', () => {
  it('a scanner typing an EAN-13 at 4 ms per key, then Enter, is a scan', () => {
    const results = feed(keys('4006381333931', 1000, 4));
    expect(results.slice(0, 13).every((r) => r.type === 'candidate')).toBe(true);
    expect(results[0]).toEqual({ type: 'candidate', burstLength: 1, released: [] });
    expect(results[13]).toEqual({
      type: 'scan',
      scan: { code: '4006381333931', startedAt: 1000, endedAt: 1052 },
    });
  });

  it('Tab also ends a scan (scanners configured with a Tab suffix)', () => {
    expect(feed(keys('SN-12345', 0, 10, 'Tab')).at(-1)).toMatchObject({
      type: 'scan',
      scan: { code: 'SN-12345' },
    });
  });

  it('a clerk typing the same digits at 120 ms per key is never a scan', () => {
    const results = feed(keys('4006381333931', 0, 120));
    expect(results.some((r) => r.type === 'scan')).toBe(false);
    expect(results.at(-1)).toEqual({ type: 'typing', released: ['1'] });
    // each new key tells that the previous one was typing
    expect(results[1]).toEqual({ type: 'candidate', burstLength: 1, released: ['4'] });
  });

  it('exactly at the gap threshold is still a scan; 1 ms over is typing', () => {
    expect(feed(keys('ABCDEF', 0, 35)).at(-1)?.type).toBe('scan');
    expect(feed(keys('ABCDEF', 0, 36)).at(-1)?.type).toBe('typing');
  });

  it('one slow gap anywhere (even just before Enter) makes it typing', () => {
    const evs = keys('ABCDEFGH', 0, 5, null);
    evs.push({ key: 'Enter', at: 35 + 36 });
    expect(feed(evs).at(-1)).toEqual({ type: 'typing', released: [...'ABCDEFGH'] });
    const mid = keys('ABCDEFGH', 0, 5);
    for (const e of mid.slice(4)) e.at += 100; // pause after 4 characters
    const r = feed(mid);
    expect(r[4]).toEqual({ type: 'candidate', burstLength: 1, released: [...'ABCD'] });
    expect(r.at(-1)).toEqual({ type: 'typing', released: [...'EFGH'] }); // only 4 after the pause: too short
  });

  it('shorter than minLength is typing; minLength is configurable', () => {
    expect(feed(keys('12345', 0, 3)).at(-1)).toEqual({ type: 'typing', released: [...'12345'] });
    expect(feed(keys('123456', 0, 3)).at(-1)?.type).toBe('scan');
    const det = createWedgeDetector({ minLength: 4, maxGapMs: 50 });
    expect(feed(keys('1234', 0, 50), det).at(-1)?.type).toBe('scan');
  });

  it('Shift between characters (capital letters from a scanner) does not break the burst or enter the code', () => {
    const evs: WedgeKeyEvent[] = [];
    let t = 0;
    for (const ch of 'CDB-ZHANG01') {
      if (/[A-Z]/.test(ch)) evs.push({ key: 'Shift', at: (t += 2) });
      evs.push({ key: ch, at: (t += 2) });
    }
    evs.push({ key: 'Enter', at: (t += 2) });
    expect(feed(evs).at(-1)).toMatchObject({ type: 'scan', scan: { code: 'CDB-ZHANG01' } });
  });

  it('auto-repeat of a held key is typing, however fast', () => {
    const evs = keys('1111111', 0, 30).map((e, i) => (i > 0 && e.key === '1' ? { ...e, repeat: true } : e));
    const r = feed(evs);
    expect(r.some((x) => x.type === 'scan')).toBe(false);
  });

  it('named keys (arrows, Backspace, IME Process) break a burst', () => {
    const evs = keys('ABCDEFG', 0, 5, null);
    evs.splice(3, 0, { key: 'Backspace', at: 12 });
    evs.push({ key: 'Enter', at: 40 });
    const r = feed(evs);
    expect(r[3]).toEqual({ type: 'typing', released: [...'ABC'] });
    expect(r.at(-1)?.type).toBe('typing'); // DEFG: too short
    expect(feed([...keys('ABCDEF', 0, 5, null), { key: 'Process', at: 30 }]).at(-1)?.type).toBe('typing');
  });

  it('two scans back to back, and typing right after a scan', () => {
    const det = createWedgeDetector();
    const a = feed(keys('4006381333931', 0, 3), det);
    const b = feed(keys('490154203237518', 100, 3), det);
    expect(a.at(-1)).toMatchObject({ type: 'scan', scan: { code: '4006381333931' } });
    expect(b.at(-1)).toMatchObject({ type: 'scan', scan: { code: '490154203237518', startedAt: 100 } });
    expect(det.push({ key: 'x', at: 500 })).toEqual({ type: 'candidate', burstLength: 1, released: [] });
  });

  it('Chinese characters (a QR code through a wedge with Unicode support) count as printable', () => {
    expect(feed(keys('维修单J-20261123-0003', 0, 4)).at(-1)).toMatchObject({
      type: 'scan',
      scan: { code: '维修单J-20261123-0003' },
    });
    expect(feed(keys('😀😀😀😀😀😀', 0, 4)).at(-1)).toMatchObject({
      type: 'scan',
      scan: { code: '😀😀😀😀😀😀' },
    });
  });

  it('flush releases a burst that went quiet; reset forgets it', () => {
    const det = createWedgeDetector();
    feed(keys('ABC', 0, 5, null), det);
    expect(det.pending).toBe(3);
    expect(det.flush(40)).toEqual([]); // 30 ms after the last key: may still be a scan
    expect(det.flush(46)).toEqual(['A', 'B', 'C']);
    expect(det.pending).toBe(0);
    feed(keys('DEF', 100, 5, null), det);
    det.reset();
    expect(det.push({ key: 'Enter', at: 112 })).toEqual({ type: 'typing', released: [] });
  });

  it('a burst longer than maxLength is typing', () => {
    const det = createWedgeDetector({ maxLength: 10 });
    const r = feed(keys('A'.repeat(12), 0, 2), det);
    expect(r[10]).toEqual({ type: 'candidate', burstLength: 1, released: Array(10).fill('A') });
    expect(r.at(-1)?.type).toBe('typing');
  });

  it('clock going backwards or NaN timestamps break bursts instead of joining them', () => {
    const r = feed([...keys('ABCDEF', 100, 2, null), { key: 'Enter', at: 50 }]);
    expect(r.at(-1)?.type).toBe('typing');
    expect(feed([...keys('ABCDEF', 0, 2, null), { key: 'Enter', at: Number.NaN }]).at(-1)?.type).toBe(
      'typing',
    );
  });

  it('random key streams: a scan only ever holds keys that were pressed in one fast run ending at Enter', () => {
    const keyArb = fc.oneof(
      { weight: 1, arbitrary: fc.constantFrom('Enter', 'Tab') },
      { weight: 1, arbitrary: fc.constantFrom('Shift', 'Backspace', 'ArrowLeft', 'Process', '', 'ab') },
      { weight: 8, arbitrary: fc.string({ minLength: 1, maxLength: 1 }) },
    );
    const gapArb = fc.oneof(
      { weight: 6, arbitrary: fc.integer({ min: 0, max: 12 }) },
      { weight: 1, arbitrary: fc.integer({ min: -5, max: 80 }) },
    );
    const evArb = fc.record({
      key: keyArb,
      gap: gapArb,
      repeat: fc.integer({ min: 0, max: 40 }).map((n) => n === 0),
    });
    let scans = 0;
    fc.assert(
      fc.property(fc.array(evArb, { minLength: 10, maxLength: 200 }), (raw) => {
        const det = createWedgeDetector();
        let at = 0;
        const evs = raw.map((e) => ({ key: e.key, at: (at += e.gap), repeat: e.repeat }));
        evs.forEach((e, i) => {
          const r = det.push(e);
          if (r.type !== 'scan') return;
          scans += 1;
          expect(['Enter', 'Tab']).toContain(e.key);
          expect(r.scan.endedAt).toBe(e.at);
          expect([...r.scan.code].length).toBeGreaterThanOrEqual(6);
          // walking back from the terminator, the printable keys (skipping modifiers) spell the code
          const printable: string[] = [];
          let j = i - 1;
          let prevAt = e.at;
          while (printable.join('') !== r.scan.code) {
            const k = evs[j];
            expect(k, 'ran out of keys').toBeDefined();
            if (!k) return;
            expect(prevAt - k.at).toBeLessThanOrEqual(35);
            expect(prevAt - k.at).toBeGreaterThanOrEqual(0);
            if (k.key !== 'Shift') printable.unshift(k.key);
            prevAt = k.at;
            j -= 1;
          }
          expect(r.scan.startedAt).toBe(evs[j + 1]?.at);
        });
      }),
      { seed: 35, numRuns: 1500 },
    );
    expect(scans).toBeGreaterThan(100); // the property saw real scans, not only typing
  });
});
