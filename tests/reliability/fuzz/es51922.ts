/**
 * UNI-T UT61E (ES51922) 14-byte packets through the streaming parser, in random chunks: every value
 * sent as a run of packets comes out with its function and within half a count of the chosen range;
 * hostile bytes between runs (random bytes, cut packets, flipped nibbles) never throw and never
 * become a reading.
 */
import { encodeEs51922 } from '../../../core/hardware/meters/es51922-encoder';
import { createUt61eParser } from '../../../core/hardware/meters/ut61e-parser';
import type { MeterFunction } from '../../../shared/domain/meter/reading';
import { bytes, chunks, hex, newTally, noteThrow, noteWrong, type FuzzTarget } from './tally';

const FUNCTIONS: readonly [MeterFunction, number][] = [
  ['DCV', 999],
  ['ACV', 999],
  ['OHM', 2e7],
  ['DCA', 9],
  ['FREQ', 2e6],
  ['CAP', 1e-3],
];

const PREFIX: Record<string, number> = { n: 1e-9, µ: 1e-6, u: 1e-6, m: 1e-3, '': 1, k: 1e3, M: 1e6 };

/** Half of one count of what the display shows ("-0.380 A" → 0.0005, "2.346 kΩ" → 0.5): the most a reading may be off. */
function halfCount(display: string): number {
  const m = /^-?\d*\.?(\d*)\s*([nµumkM]?)/.exec(display.trim());
  if (!m) return NaN;
  return (10 ** -(m[1] ?? '').length * (PREFIX[m[2] ?? ''] ?? NaN)) / 2;
}

export const es51922Target: FuzzTarget = {
  name: 'es51922',
  frame: 'one 14-byte packet (or as many hostile bytes)',
  run(rng, frames) {
    const t = newTally('es51922');
    const parser = createUt61eParser();
    const feed = (data: Uint8Array) => {
      const out = [];
      for (const c of chunks(rng, data, 20)) out.push(...parser.push(c, 0));
      return out;
    };
    while (t.frames < frames) {
      if (rng.chance(0.3)) {
        const junk = bytes(rng, rng.int(1, 60));
        // a packet cut short or with a nibble out of the 0x3X range is junk too
        if (rng.chance(0.5)) junk[rng.int(0, junk.length - 1)] = 0x0a;
        junk[0] = 0x80 | (junk[0] ?? 0); // never a well-formed packet
        t.frames += Math.max(1, Math.round(junk.length / 14));
        t.hostile += Math.max(1, Math.round(junk.length / 14));
        try {
          const got = feed(junk);
          if (got.length > 0) noteWrong(t, `junk ${hex(junk)} gave ${got.length} reading(s)`);
        } catch (e) {
          noteThrow(t, e, hex(junk));
        }
        continue;
      }
      const [fn, max] = rng.pick(FUNCTIONS);
      const value =
        (rng.next() * 2 - 1) *
        max *
        (fn === 'DCV' || fn === 'ACV' || fn === 'DCA' ? 1 : 0.5 + rng.next() / 2);
      const v = fn === 'OHM' || fn === 'FREQ' || fn === 'CAP' ? Math.abs(value) : value;
      const encoded = encodeEs51922({ function: fn, value: v });
      if (!encoded.ok) continue;
      const run = new Uint8Array(encoded.bytes.length * 3);
      for (let i = 0; i < 3; i++) run.set(encoded.bytes, i * encoded.bytes.length);
      t.frames += 3;
      try {
        const got = feed(run);
        if (got.length === 0) noteWrong(t, `${fn} ${v} (${hex(encoded.bytes)}) gave no reading`);
        for (const r of got) {
          const err = Math.abs((r.value ?? NaN) - v);
          if (r.function !== fn || !(err <= halfCount(r.display) * (1 + 1e-9)))
            noteWrong(t, `${fn} ${v} came out as ${r.function} ${String(r.value)}`);
        }
      } catch (e) {
        noteThrow(t, e, hex(run));
      }
    }
    return t;
  },
};
