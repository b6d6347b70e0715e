/**
 * Programmable values for the meter simulators: a constant, a seeded noisy value, a scripted
 * sequence, or any function of (function, time). 'OL' stands for an overload.
 */
import type { MeterFunction } from '../../../shared/domain/meter/reading';

export type SimValue = number | 'OL';
export type ValueSource = (fn: MeterFunction, atMs: number) => SimValue;

/** A deterministic PRNG (mulberry32) returning numbers in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Always the same value. */
export function constantSource(value: SimValue): ValueSource {
  return () => value;
}

/** The base value plus uniform noise in ±amplitude (base units), from a seeded PRNG. */
export function noisySource(base: SimValue | ValueSource, amplitude: number, seed = 1): ValueSource {
  const random = mulberry32(seed);
  const baseSource = typeof base === 'function' ? base : constantSource(base);
  return (fn, at) => {
    const v = baseSource(fn, at);
    if (v === 'OL') return v;
    return v + (random() * 2 - 1) * amplitude;
  };
}

/** Values in order, one per call; repeats the last one (or loops) when exhausted. */
export function sequenceSource(values: readonly SimValue[], options: { loop?: boolean } = {}): ValueSource {
  if (values.length === 0) throw new RangeError('sequenceSource needs at least one value');
  let i = 0;
  return () => {
    const v = values[options.loop ? i % values.length : Math.min(i, values.length - 1)] as SimValue;
    i += 1;
    return v;
  };
}
