import { describe, expect, it } from 'vitest';
import { NO_FLAGS, type MeterFunction, type Reading } from '../../../shared/domain/meter/reading';
import { createStableCapture, findFirstStable } from '../../../shared/domain/meter/stable-capture';

const T0 = 1_700_000_000_000;

function reading(value: number | null, at: number, fn: MeterFunction = 'DCV', overload = false): Reading {
  return {
    value: overload ? null : value,
    unit: fn === 'DCV' || fn === 'ACV' ? 'V' : 'Ω',
    function: fn,
    overload,
    flags: NO_FLAGS,
    display: overload ? 'OL' : String(value),
    at,
  };
}

/** Readings at the UT61E's 2 per second. */
function series(values: (number | 'OL')[], fn: MeterFunction = 'DCV', start = T0): Reading[] {
  return values.map((v, i) =>
    v === 'OL' ? reading(null, start + i * 500, fn, true) : reading(v, start + i * 500, fn),
  );
}

describe('stable capture', () => {
  it('captures the charger settling at 19.47 V after 5 readings within 0.02 V', () => {
    const readings = series([19.35, 19.44, 19.47, 19.47, 19.48, 19.47, 19.46, 19.47]);
    const result = findFirstStable(readings, { count: 5, toleranceAbs: 0.02, tolerancePct: 0 });
    // Windows of 5 ending at the 5th and 6th readings spread 0.13 V and 0.04 V; the 7th's spreads 0.02 V.
    expect(result).not.toBeNull();
    expect(result?.reading).toBe(readings[6]);
    expect(result?.count).toBe(5);
    expect(result?.spread).toBeCloseTo(0.02, 12);
    expect(result?.since).toBe(readings[2]?.at);
  });

  it('does not capture with one reading short of the count', () => {
    expect(findFirstStable(series([5, 5, 5, 5]), { count: 5 })).toBeNull();
  });

  it('restarts the count after an overload', () => {
    const capture = createStableCapture({ count: 5 });
    const readings = series([5, 5, 5, 5, 'OL', 5, 5, 5, 5, 5]);
    const results = readings.map((r) => capture.push(r));
    expect(results.slice(0, 9).every((r) => r === null)).toBe(true);
    expect(results[9]?.reading).toBe(readings[9]);
  });

  it('restarts the count when the function changes', () => {
    const readings = [...series([5, 5, 5], 'DCV'), ...series([5, 5], 'ACV', T0 + 1500)];
    expect(findFirstStable(readings, { count: 5 })).toBeNull();
  });

  it('restarts the count after a gap longer than maxGapMs, not after exactly maxGapMs', () => {
    const longGap = [...series([5, 5, 5]), ...series([5, 5, 5, 5], 'DCV', T0 + 1000 + 2001)];
    expect(findFirstStable(longGap, { count: 5, maxGapMs: 2000 })).toBeNull();
    const exactGap = [...series([5, 5, 5]), ...series([5, 5], 'DCV', T0 + 1000 + 2000)];
    expect(findFirstStable(exactGap, { count: 5, maxGapMs: 2000 })).not.toBeNull();
  });

  it('restarts the count when time goes backwards', () => {
    const readings = [...series([5, 5, 5]), ...series([5, 5], 'DCV', T0 - 10_000)];
    expect(findFirstStable(readings, { count: 5 })).toBeNull();
  });

  it('restarts the count on a reading without a value', () => {
    const readings = series([5, 5, 5, 5, 5]);
    readings[2] = { ...(readings[2] as Reading), value: null };
    expect(findFirstStable(readings, { count: 5 })).toBeNull();
  });

  it('applies the percentage to the largest value in the window', () => {
    // 0.1 % of 1000.3 allows 1.0003 of spread.
    const within = series([1000, 1000.5, 999.8, 1000.2, 1000.3]);
    expect(findFirstStable(within, { count: 5, tolerancePct: 0.1 })?.spread).toBeCloseTo(0.7, 9);
    const outside = series([1000, 1000.5, 998.9, 1000.2, 1000.3]);
    expect(findFirstStable(outside, { count: 5, tolerancePct: 0.1 })).toBeNull();
  });

  it('adds the absolute tolerance to the percentage (readings near zero)', () => {
    const nearZero = series([0.001, -0.001, 0, 0.002, 0.001]);
    expect(findFirstStable(nearZero, { count: 5, tolerancePct: 0.1 })).toBeNull();
    expect(findFirstStable(nearZero, { count: 5, tolerancePct: 0.1, toleranceAbs: 0.003 })).not.toBeNull();
  });

  it('captures once, and again only after reset', () => {
    const capture = createStableCapture({ count: 2 });
    const [a, b, c, d] = series([1, 1, 1, 1]) as [Reading, Reading, Reading, Reading];
    expect(capture.push(a)).toBeNull();
    expect(capture.push(b)?.reading).toBe(b);
    expect(capture.push(c)).toBeNull();
    expect(capture.captured?.reading).toBe(b);
    capture.reset();
    expect(capture.captured).toBeNull();
    expect(capture.push(c)).toBeNull();
    expect(capture.push(d)?.reading).toBe(d);
  });

  it('with count 1 takes the first reading that has a value', () => {
    expect(findFirstStable(series(['OL', 7]), { count: 1 })?.reading.value).toBe(7);
  });

  it('refuses nonsensical options', () => {
    expect(() => createStableCapture({ count: 0 })).toThrow(RangeError);
    expect(() => createStableCapture({ count: 2.5 })).toThrow(RangeError);
    expect(() => createStableCapture({ toleranceAbs: -1 })).toThrow(RangeError);
    expect(() => createStableCapture({ tolerancePct: Number.NaN })).toThrow(RangeError);
  });
});
