/**
 * Stable capture: watch a stream of readings and take the first one that has settled —
 * N consecutive readings of the same function, none overloaded, no gap in time between
 * them, whose spread (max − min) is within the tolerance. Pure: no timers, no I/O; time
 * comes from each reading's `at`.
 */
import type { Reading } from './reading';

export interface StableCaptureOptions {
  /** Consecutive readings required (default 5). */
  count?: number;
  /** Allowed spread in base units (default 0). */
  toleranceAbs?: number;
  /** Allowed spread as a percentage of the largest |value| in the window (default 0.1 %). */
  tolerancePct?: number;
  /** A gap longer than this between two readings restarts the count (default 2000 ms). */
  maxGapMs?: number;
}

export interface StableCaptureResult {
  /** The last reading of the settled window: a real reading, not an average. */
  reading: Reading;
  /** How many readings the window held (= options.count). */
  count: number;
  /** max − min of the window's values, base units. */
  spread: number;
  /** `at` of the first reading of the window. */
  since: number;
}

export interface StableCapture {
  /** Feeds one reading; returns the capture the first time the stream is stable, otherwise null. */
  push(reading: Reading): StableCaptureResult | null;
  /** Forgets the window and any capture (e.g. for a retest). */
  reset(): void;
  /** The capture, once there is one. */
  readonly captured: StableCaptureResult | null;
  /** Readings currently counting towards stability. */
  readonly pending: number;
}

interface ResolvedOptions {
  count: number;
  toleranceAbs: number;
  tolerancePct: number;
  maxGapMs: number;
}

function resolve(options: StableCaptureOptions): ResolvedOptions {
  const resolved = {
    count: options.count ?? 5,
    toleranceAbs: options.toleranceAbs ?? 0,
    tolerancePct: options.tolerancePct ?? 0.1,
    maxGapMs: options.maxGapMs ?? 2000,
  };
  if (!Number.isInteger(resolved.count) || resolved.count < 1) {
    throw new RangeError(`count must be a positive integer, got ${resolved.count}`);
  }
  for (const key of ['toleranceAbs', 'tolerancePct', 'maxGapMs'] as const) {
    const v = resolved[key];
    if (!Number.isFinite(v) || v < 0) throw new RangeError(`${key} must be a finite number ≥ 0, got ${v}`);
  }
  return resolved;
}

/** True when the window's spread fits the tolerance (absolute plus percentage of the largest |value|). */
function withinTolerance(values: readonly number[], o: ResolvedOptions): { ok: boolean; spread: number } {
  let min = Infinity;
  let max = -Infinity;
  let largest = 0;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
    largest = Math.max(largest, Math.abs(v));
  }
  const spread = max - min;
  const allowed = o.toleranceAbs + (o.tolerancePct / 100) * largest;
  // A relative slack of 1e-9 absorbs binary rounding (19.471 − 19.470 is not exactly 0.001).
  return { ok: spread <= allowed + 1e-9 * Math.max(largest, allowed), spread };
}

/** Creates a stable-capture watcher with the given options. */
export function createStableCapture(options: StableCaptureOptions = {}): StableCapture {
  const o = resolve(options);
  let window: Reading[] = [];
  let captured: StableCaptureResult | null = null;

  return {
    push(reading) {
      if (captured) return null;
      const value = reading.value;
      if (reading.overload || value === null || !Number.isFinite(value)) {
        window = [];
        return null;
      }
      const last = window[window.length - 1];
      if (
        last &&
        (last.function !== reading.function ||
          last.unit !== reading.unit ||
          reading.at < last.at ||
          reading.at - last.at > o.maxGapMs)
      ) {
        window = [];
      }
      window.push(reading);
      if (window.length > o.count) window = window.slice(window.length - o.count);
      if (window.length < o.count) return null;
      const { ok, spread } = withinTolerance(
        window.map((r) => r.value as number),
        o,
      );
      if (!ok) return null;
      const first = window[0] as Reading;
      captured = { reading, count: window.length, spread, since: first.at };
      return captured;
    },
    reset() {
      window = [];
      captured = null;
    },
    get captured() {
      return captured;
    },
    get pending() {
      return window.length;
    },
  };
}

/** Runs a list of readings through a fresh watcher and returns the first capture, if any. */
export function findFirstStable(
  readings: Iterable<Reading>,
  options: StableCaptureOptions = {},
): StableCaptureResult | null {
  const capture = createStableCapture(options);
  for (const r of readings) {
    const result = capture.push(r);
    if (result) return result;
  }
  return null;
}
