/**
 * Hostile input for the UT61E parser, with fixed fast-check seeds: arbitrary chunking,
 * garbage inserted anywhere (between and inside packets, CR/LF included), pure noise.
 * The oracle works on the bytes of the stream itself, not on the parser's code.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeEs51922 } from '../../../core/hardware/meters/es51922-encoder';
import { createUt61eParser, decodeEs51922Packet } from '../../../core/hardware/meters/ut61e-parser';
import { readingSchema, type Reading } from '../../../shared/domain/meter/reading';
import { VECTORS, type Vector } from './es51922-vectors';

const AT = 1_700_000_000_000;

function feed(
  stream: number[],
  chunkSizes: number[],
): { readings: Reading[]; parser: ReturnType<typeof createUt61eParser> } {
  const parser = createUt61eParser();
  const readings: Reading[] = [];
  let i = 0;
  let k = 0;
  while (i < stream.length) {
    const size = chunkSizes.length ? (chunkSizes[k++ % chunkSizes.length] as number) : stream.length;
    readings.push(...parser.push(Uint8Array.from(stream.slice(i, i + size)), AT));
    i += size;
  }
  return { readings, parser };
}

const summary = (r: { function: string; value: number | null; display: string }) => ({
  function: r.function,
  value: r.value,
  display: r.display,
});

const isEqual = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

const vectorIndex = fc.integer({ min: 0, max: VECTORS.length - 1 });
const chunkSizes = fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 12 });
const garbageByte = fc.oneof(
  fc.integer({ min: 0, max: 255 }),
  fc.constantFrom(0x0d, 0x0a),
  fc.integer({ min: 0x30, max: 0x3f }),
);

describe('UT61E parser under hostile input', () => {
  it('decodes the same readings however the bytes are chunked', () => {
    fc.assert(
      fc.property(fc.array(vectorIndex, { minLength: 1, maxLength: 20 }), chunkSizes, (indexes, sizes) => {
        const frames = indexes.map((i) => VECTORS[i] as Vector);
        const { readings } = feed(
          frames.flatMap((f) => f.bytes),
          sizes,
        );
        // The first packet synchronises the parser, the second confirms the boundary.
        expect(readings.map(summary)).toEqual(frames.slice(2).map(summary));
      }),
      { seed: 0x5e51922, numRuns: 300 },
    );
  });

  it('never emits a wrong value when garbage is inserted anywhere, and recovers every intact packet', () => {
    const insertion = fc.record({
      at: fc.nat(),
      bytes: fc.array(garbageByte, { minLength: 1, maxLength: 20 }),
    });
    fc.assert(
      fc.property(
        fc.array(vectorIndex, { minLength: 2, maxLength: 15 }),
        fc.array(insertion, { maxLength: 8 }),
        chunkSizes,
        (indexes, insertions, sizes) => {
          const frames = indexes.map((i) => VECTORS[i] as Vector);
          const original = frames.flatMap((f) => f.bytes);
          // Insert garbage before original byte positions (0 … length).
          const byPosition = new Map<number, number[]>();
          for (const ins of insertions) {
            const pos = ins.at % (original.length + 1);
            byPosition.set(pos, [...(byPosition.get(pos) ?? []), ...ins.bytes]);
          }
          const stream: number[] = [];
          const finalIndex: number[] = []; // where each original byte landed
          for (let p = 0; p <= original.length; p++) {
            stream.push(...(byPosition.get(p) ?? []));
            if (p < original.length) {
              finalIndex.push(stream.length);
              stream.push(original[p] as number);
            }
          }
          // Lower bound from the bytes alone: a packet is "whole" when its 12 payload bytes
          // arrive together, followed by CR LF (its own or inserted: the same bytes) and
          // preceded by CR LF; a whole packet right after the previous packet, whole, must be
          // recovered.
          const payloadAt = (k: number): number => finalIndex[k * 14]!;
          const whole = (k: number): boolean => {
            const s = payloadAt(k);
            return (
              finalIndex[k * 14 + 11]! - s === 11 &&
              stream[s + 12] === 0x0d &&
              stream[s + 13] === 0x0a &&
              s >= 2 &&
              stream[s - 2] === 0x0d &&
              stream[s - 1] === 0x0a
            );
          };
          const mustRecover = frames.filter(
            (_, k) => k >= 1 && whole(k) && whole(k - 1) && payloadAt(k) - payloadAt(k - 1) === 14,
          ).length;

          // Exact expectation from the framing rule: split the stream at CR LF, classify each
          // segment with the (vector-tested) single-packet decoder; a well-formed segment is
          // emitted when the segment before it (not the start-up one) was well-formed.
          const segments: number[][] = [];
          let current: number[] = [];
          for (let i = 0, prev = -1; i < stream.length; i++) {
            const b = stream[i] as number;
            current.push(b);
            if (b === 0x0a && prev === 0x0d) {
              segments.push(current);
              current = [];
              prev = -1;
            } else prev = b;
          }
          const wellFormed = segments.map((seg, i) => {
            if (i === 0 || seg.length !== 14) return false;
            const r = decodeEs51922Packet(Uint8Array.from(seg));
            return r.ok || r.reason === 'UNSUPPORTED_FUNCTION';
          });
          const expected = segments.flatMap((seg, i) => {
            if (i < 2 || !wellFormed[i] || !wellFormed[i - 1]) return [];
            const r = decodeEs51922Packet(Uint8Array.from(seg));
            return r.ok ? [summary(r.packet)] : [];
          });
          const garbage = wellFormed.filter((w, i) => i >= 1 && !w).length;

          const { readings, parser } = feed(stream, sizes);
          const got = readings.map(summary);
          expect(got).toEqual(expected);
          expect(parser.stats.garbageFrames).toBe(garbage);
          expect(got.length).toBeGreaterThanOrEqual(mustRecover);
          // No wrong value: what came out is, in order, a subsequence of what the meter sent.
          let j = 0;
          for (const frame of frames) if (j < got.length && isEqual(got[j], summary(frame))) j++;
          expect(j, 'emitted readings are a subsequence of the sent packets').toBe(got.length);
        },
      ),
      { seed: 0x6a7ba6e, numRuns: 500 },
    );
  });

  it('does not throw on pure noise, and anything it emits is a valid reading', () => {
    fc.assert(
      fc.property(fc.array(garbageByte, { maxLength: 2000 }), chunkSizes, (noise, sizes) => {
        const { readings, parser } = feed(noise, sizes);
        for (const r of readings) expect(readingSchema.safeParse(r).success).toBe(true);
        expect(parser.stats.skippedBytes).toBeLessThanOrEqual(noise.length);
      }),
      { seed: 0x0153, numRuns: 300 },
    );
  });

  it('simulator packets decode to the value within half a count of the chosen range', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -999, max: 999, noNaN: true }),
        fc.constantFrom('DCV' as const, 'ACV' as const),
        (value, fn) => {
          const encoded = encodeEs51922({ function: fn, value });
          expect(encoded.ok).toBe(true);
          if (!encoded.ok) return;
          const parser = createUt61eParser();
          const [reading] = parser.push(
            Uint8Array.from([...encoded.bytes, ...encoded.bytes, ...encoded.bytes]),
            AT,
          );
          expect(reading?.function).toBe(fn);
          const error = Math.abs((reading?.value as number) - value);
          expect(error).toBeLessThanOrEqual(Math.max(Math.abs(value) * 2.5e-4, 0.5e-5) + 1e-12);
        },
      ),
      { seed: 0x19470, numRuns: 300 },
    );
  });
});
