/**
 * What one fuzz target did: frames fed, how many were hostile, and the two numbers that must stay 0 —
 * a parser that threw, and a value that came out different from what was sent (or out of garbage).
 */
import type { DemoRng } from '../../../core/demo/demo-rng';

export interface Tally {
  target: string;
  frames: number;
  hostile: number;
  throws: number;
  wrong: number;
  /** The first few problems, in words, to reproduce them. */
  examples: string[];
}

export interface FuzzTarget {
  name: string;
  /** What one frame is for this parser. */
  frame: string;
  /** Feeds about `frames` frames drawn from `rng`; never throws itself. */
  run(rng: DemoRng, frames: number): Tally;
}

export function newTally(target: string): Tally {
  return { target, frames: 0, hostile: 0, throws: 0, wrong: 0, examples: [] };
}

export function noteWrong(t: Tally, what: string): void {
  t.wrong += 1;
  if (t.examples.length < 5) t.examples.push(`wrong: ${what}`);
}

export function noteThrow(t: Tally, e: unknown, input: string): void {
  t.throws += 1;
  if (t.examples.length < 5)
    t.examples.push(`threw ${e instanceof Error ? e.message : String(e)} on ${input.slice(0, 120)}`);
}

/** Random bytes. */
export function bytes(rng: DemoRng, length: number): Uint8Array {
  const b = new Uint8Array(length);
  for (let i = 0; i < length; i++) b[i] = rng.int(0, 255);
  return b;
}

/** `data` cut into random chunks of 1..maxChunk bytes (how a serial port delivers it). */
export function* chunks(rng: DemoRng, data: Uint8Array, maxChunk = 32): Generator<Uint8Array> {
  for (let o = 0; o < data.length;) {
    const n = rng.int(1, maxChunk);
    yield data.subarray(o, o + n);
    o += n;
  }
}

export const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');
