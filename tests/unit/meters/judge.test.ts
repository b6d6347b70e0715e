import { describe, expect, it } from 'vitest';
import { judgeReading, limitsSchema, resolveLimits, type Limits } from '../../../shared/domain/meter/judge';
import { NO_FLAGS, type MeterFunction, type Reading } from '../../../shared/domain/meter/reading';

function reading(value: number | null, fn: MeterFunction = 'DCV', overload = false): Reading {
  const unit = fn === 'OHM' ? 'Ω' : 'V';
  return { value, unit, function: fn, overload, flags: NO_FLAGS, display: '', at: 0 };
}

const charger: Limits = { function: 'DCV', nominal: 19.5, tolerancePct: 5 };

describe('judge: nominal ± percent (laptop charger 19.5 V ±5 %)', () => {
  it('resolves the band to 18.525 V … 20.475 V', () => {
    const { low, high } = resolveLimits(charger);
    expect(low).toBeCloseTo(18.525, 12);
    expect(high).toBeCloseTo(20.475, 12);
  });
  it('passes 19.47 V', () => {
    expect(judgeReading(reading(19.47), charger)).toMatchObject({ verdict: 'PASS', value: 19.47 });
  });
  it('passes readings exactly at either limit', () => {
    expect(judgeReading(reading(18.525), charger).verdict).toBe('PASS');
    expect(judgeReading(reading(20.475), charger).verdict).toBe('PASS');
  });
  it('fails one count (1 mV) outside either limit, with the reason', () => {
    expect(judgeReading(reading(18.524), charger)).toMatchObject({ verdict: 'FAIL', reason: 'BELOW_MIN' });
    expect(judgeReading(reading(20.476), charger)).toMatchObject({ verdict: 'FAIL', reason: 'ABOVE_MAX' });
  });
  it('works for a negative nominal', () => {
    const limits: Limits = { function: 'DCV', nominal: -12, tolerancePct: 5 };
    expect(judgeReading(reading(-12.6), limits).verdict).toBe('PASS');
    expect(judgeReading(reading(-11.4), limits).verdict).toBe('PASS');
    expect(judgeReading(reading(-12.61), limits).reason).toBe('BELOW_MIN');
  });
});

describe('judge: prefixes', () => {
  it('compares limits written in mV with readings in V', () => {
    const limits: Limits = { function: 'DCV', prefix: 'm', min: 500, max: 700 };
    expect(judgeReading(reading(0.5), limits).verdict).toBe('PASS'); // exactly 500 mV
    expect(judgeReading(reading(0.7), limits).verdict).toBe('PASS'); // exactly 700 mV
    expect(judgeReading(reading(0.5123), limits).verdict).toBe('PASS');
    expect(judgeReading(reading(0.4999), limits)).toMatchObject({ verdict: 'FAIL', reason: 'BELOW_MIN' });
    expect(judgeReading(reading(0.7001), limits)).toMatchObject({ verdict: 'FAIL', reason: 'ABOVE_MAX' });
  });
  it('compares 4.7 kΩ ±1 % with readings in Ω', () => {
    const limits: Limits = { function: 'OHM', prefix: 'k', nominal: 4.7, tolerancePct: 1 };
    expect(judgeReading(reading(4747, 'OHM'), limits).verdict).toBe('PASS');
    expect(judgeReading(reading(4653, 'OHM'), limits).verdict).toBe('PASS');
    expect(judgeReading(reading(4748, 'OHM'), limits).reason).toBe('ABOVE_MAX');
    expect(judgeReading(reading(4652, 'OHM'), limits).reason).toBe('BELOW_MIN');
  });
});

describe('judge: windows and tolerances', () => {
  it('judges an upper limit only (ripple AC ≤ 0.2 V)', () => {
    const ripple: Limits = { function: 'ACV', max: 0.2 };
    expect(judgeReading(reading(0.2, 'ACV'), ripple)).toMatchObject({ verdict: 'PASS', high: 0.2 });
    expect(judgeReading(reading(0.2001, 'ACV'), ripple)).toMatchObject({
      verdict: 'FAIL',
      reason: 'ABOVE_MAX',
    });
    expect(judgeReading(reading(0, 'ACV'), ripple).low).toBeUndefined();
  });
  it('uses an absolute tolerance', () => {
    const limits: Limits = { function: 'DCV', nominal: 5, toleranceAbs: 0.25 };
    expect(judgeReading(reading(4.75), limits).verdict).toBe('PASS');
    expect(judgeReading(reading(5.25), limits).verdict).toBe('PASS');
    expect(judgeReading(reading(5.26), limits).verdict).toBe('FAIL');
  });
  it('adds percent and absolute tolerance when both are given', () => {
    const limits: Limits = { function: 'DCV', nominal: 10, tolerancePct: 1, toleranceAbs: 0.05 };
    expect(judgeReading(reading(10.15), limits).verdict).toBe('PASS');
    expect(judgeReading(reading(9.85), limits).verdict).toBe('PASS');
    expect(judgeReading(reading(10.16), limits).verdict).toBe('FAIL');
  });
});

describe('judge: readings that cannot pass', () => {
  it('fails an overload with the reason OVERLOAD', () => {
    expect(judgeReading(reading(null, 'DCV', true), charger)).toMatchObject({
      verdict: 'FAIL',
      reason: 'OVERLOAD',
      value: null,
    });
  });
  it('does not judge a reading in another function', () => {
    expect(judgeReading(reading(19.47, 'ACV'), charger)).toMatchObject({
      verdict: 'NOT_JUDGED',
      reason: 'WRONG_FUNCTION',
    });
  });
  it('does not judge a reading without a value', () => {
    expect(judgeReading(reading(null), charger)).toMatchObject({ verdict: 'NOT_JUDGED', reason: 'NO_VALUE' });
  });
  it('does not judge against inconsistent limits', () => {
    const bad: Limits[] = [
      { function: 'DCV' },
      { function: 'DCV', min: 1, nominal: 2, tolerancePct: 1 },
      { function: 'DCV', nominal: 2 },
      { function: 'DCV', min: 3, max: 2 },
      { function: 'DCV', max: 2, tolerancePct: 1 },
    ];
    for (const limits of bad) {
      expect(limitsSchema.safeParse(limits).success).toBe(false);
      expect(judgeReading(reading(2), limits)).toMatchObject({
        verdict: 'NOT_JUDGED',
        reason: 'INVALID_LIMITS',
      });
    }
  });
});
