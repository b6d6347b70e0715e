/**
 * Bench test plans as data: step units with prefixes (mV, kΩ, MΩ, mA), limits at their edges
 * (computed by hand below), the schema's refusals, the default plans, and the stable-capture
 * spread each step derives.
 */
import { describe, expect, it } from 'vitest';
import { judgeReading } from '../../../shared/domain/meter/judge';
import {
  NO_FLAGS,
  unitOfFunction,
  type MeterFunction,
  type Reading,
} from '../../../shared/domain/meter/reading';
import { DEFAULT_TEST_PLANS } from '../../../shared/domain/repairs/default-test-plans';
import {
  parseStepUnit,
  planDraftSchema,
  planStepSchema,
  stableSpread,
  stepBounds,
  stepLimits,
  type PlanStep,
} from '../../../shared/domain/repairs/test-plan';

function step(partial: Partial<PlanStep> & Pick<PlanStep, 'measure' | 'unit' | 'limits'>): PlanStep {
  return planStepSchema.parse({
    label: 'step',
    meterRequired: true,
    allowManual: false,
    stableCount: 5,
    ...partial,
  });
}

function reading(fn: MeterFunction, value: number | null): Reading {
  return {
    value,
    unit: unitOfFunction(fn),
    function: fn,
    overload: value === null,
    flags: NO_FLAGS,
    display: value === null ? 'OL' : String(value),
    at: 0,
  };
}

const verdict = (s: PlanStep, fn: MeterFunction, v: number | null) => {
  const j = judgeReading(reading(fn, v), stepLimits(s));
  return j.verdict === 'PASS' ? 'PASS' : `${j.verdict}:${j.reason}`;
};

describe('step units', () => {
  it('splits a prefixed unit and checks it fits the function', () => {
    expect(parseStepUnit('mV', 'DCV')).toEqual({ prefix: 'm', base: 'V' });
    expect(parseStepUnit('V', 'ACV')).toEqual({ prefix: '', base: 'V' });
    expect(parseStepUnit('kΩ', 'OHM')).toEqual({ prefix: 'k', base: 'Ω' });
    expect(parseStepUnit('kohm', 'OHM')).toEqual({ prefix: 'k', base: 'Ω' });
    expect(parseStepUnit('MΩ', 'OHM')).toEqual({ prefix: 'M', base: 'Ω' });
    expect(parseStepUnit('Ω', 'CONT')).toEqual({ prefix: '', base: 'Ω' });
    expect(parseStepUnit('mA', 'DCA')).toEqual({ prefix: 'm', base: 'A' });
    expect(parseStepUnit('uA', 'DCA')).toEqual({ prefix: 'µ', base: 'A' });
    expect(parseStepUnit('mA', 'DCV')).toBeNull();
    expect(parseStepUnit('V', 'OHM')).toBeNull();
    expect(parseStepUnit('M', 'OHM')).toBeNull();
    expect(parseStepUnit('xV', 'DCV')).toBeNull();
  });
});

describe('judging a step at its limit edges', () => {
  it('19.5 V ±5 % is 18.525 … 20.475 V, both edges inclusive', () => {
    const s = step({ measure: 'DCV', unit: 'V', limits: { nominal: 19.5, tolerancePct: 5 } });
    expect(stepBounds(s)).toEqual({ low: expect.closeTo(18.525, 9), high: expect.closeTo(20.475, 9) });
    expect(verdict(s, 'DCV', 19.47)).toBe('PASS');
    expect(verdict(s, 'DCV', 18.525)).toBe('PASS');
    expect(verdict(s, 'DCV', 18.5249)).toBe('FAIL:BELOW_MIN');
    expect(verdict(s, 'DCV', 20.475)).toBe('PASS');
    expect(verdict(s, 'DCV', 20.4751)).toBe('FAIL:ABOVE_MAX');
  });

  it('a limit written in mV: ripple < 200 mV is 0.2 V', () => {
    const s = step({ measure: 'ACV', unit: 'mV', limits: { max: 200 } });
    expect(stepBounds(s)).toEqual({ high: 0.2 });
    expect(verdict(s, 'ACV', 0.05)).toBe('PASS');
    expect(verdict(s, 'ACV', 0.2)).toBe('PASS');
    expect(verdict(s, 'ACV', 0.2001)).toBe('FAIL:ABOVE_MAX');
    expect(verdict(s, 'ACV', 0.35)).toBe('FAIL:ABOVE_MAX');
  });

  it('the same ripple limit written in V judges the same readings the same way', () => {
    const mv = step({ measure: 'ACV', unit: 'mV', limits: { max: 200 } });
    const v = step({ measure: 'ACV', unit: 'V', limits: { max: 0.2 } });
    for (const x of [0, 0.1999, 0.2, 0.20001, 1])
      expect(verdict(mv, 'ACV', x), String(x)).toBe(verdict(v, 'ACV', x));
  });

  it('4.7 kΩ ±5 % is 4465 … 4935 Ω', () => {
    const s = step({ measure: 'OHM', unit: 'kΩ', limits: { nominal: 4.7, tolerancePct: 5 } });
    expect(verdict(s, 'OHM', 4700)).toBe('PASS');
    expect(verdict(s, 'OHM', 4465)).toBe('PASS');
    expect(verdict(s, 'OHM', 4464.9)).toBe('FAIL:BELOW_MIN');
    expect(verdict(s, 'OHM', 4935)).toBe('PASS');
    expect(verdict(s, 'OHM', 4935.1)).toBe('FAIL:ABOVE_MAX');
  });

  it('insulation ≥ 2 MΩ: 1 999 999 Ω fails, 2 000 000 Ω passes, an overload (open circuit, OL) fails', () => {
    const s = step({ measure: 'OHM', unit: 'MΩ', limits: { min: 2 } });
    expect(verdict(s, 'OHM', 1_999_999)).toBe('FAIL:BELOW_MIN');
    expect(verdict(s, 'OHM', 2_000_000)).toBe('PASS');
    expect(verdict(s, 'OHM', null)).toBe('FAIL:OVERLOAD');
  });

  it('charging current ≥ 500 mA', () => {
    const s = step({ measure: 'DCA', unit: 'mA', limits: { min: 500 } });
    expect(verdict(s, 'DCA', 0.4999)).toBe('FAIL:BELOW_MIN');
    expect(verdict(s, 'DCA', 0.5)).toBe('PASS');
  });

  it('percent and absolute tolerance add up: 12 V ±(1 % + 0.05 V) is 11.83 … 12.17 V', () => {
    const s = step({
      measure: 'DCV',
      unit: 'V',
      limits: { nominal: 12, tolerancePct: 1, toleranceAbs: 0.05 },
    });
    expect(verdict(s, 'DCV', 11.83)).toBe('PASS');
    expect(verdict(s, 'DCV', 11.829)).toBe('FAIL:BELOW_MIN');
    expect(verdict(s, 'DCV', 12.17)).toBe('PASS');
    expect(verdict(s, 'DCV', 12.171)).toBe('FAIL:ABOVE_MAX');
  });

  it('a reading in the wrong function (AC on a DC step) is not judged', () => {
    const s = step({ measure: 'DCV', unit: 'V', limits: { nominal: 19.5, tolerancePct: 5 } });
    expect(verdict(s, 'ACV', 19.47)).toBe('NOT_JUDGED:WRONG_FUNCTION');
  });
});

describe('the plan schema', () => {
  const base = {
    label: 'x',
    measure: 'DCV',
    unit: 'V',
    meterRequired: true,
    allowManual: false,
    stableCount: 5,
  };
  it('refuses limits that are neither a window nor nominal ± tolerance', () => {
    expect(planStepSchema.safeParse({ ...base, limits: {} }).success).toBe(false);
    expect(planStepSchema.safeParse({ ...base, limits: { nominal: 5 } }).success).toBe(false);
    expect(
      planStepSchema.safeParse({ ...base, limits: { nominal: 5, tolerancePct: 5, max: 6 } }).success,
    ).toBe(false);
    expect(planStepSchema.safeParse({ ...base, limits: { min: 6, max: 5 } }).success).toBe(false);
    expect(planStepSchema.safeParse({ ...base, limits: { min: 5, tolerancePct: 1 } }).success).toBe(false);
  });
  it('refuses a unit that does not fit the function, and a step with neither meter nor manual entry', () => {
    expect(planStepSchema.safeParse({ ...base, unit: 'mA', limits: { max: 1 } }).success).toBe(false);
    expect(
      planStepSchema.safeParse({ ...base, meterRequired: false, allowManual: false, limits: { max: 1 } })
        .success,
    ).toBe(false);
    expect(planStepSchema.safeParse({ ...base, limits: { max: 1 }, extra: 1 }).success).toBe(false);
  });
  it('accepts the default plans (laptop charger: 19.5 V ±5 %, ripple < 0.2 V, continuity ≤ 2 Ω)', () => {
    for (const plan of DEFAULT_TEST_PLANS)
      expect(planDraftSchema.safeParse(plan).success, plan.name).toBe(true);
    const laptop = DEFAULT_TEST_PLANS.find((p) => p.categoryCode === 'laptop');
    expect(laptop?.steps.map((s) => [s.measure, stepBounds(s)])).toEqual([
      ['DCV', { low: expect.closeTo(18.525, 9), high: expect.closeTo(20.475, 9) }],
      ['ACV', { high: 0.2 }],
      ['CONT', { high: 2 }],
    ]);
  });
});

describe('stable capture spread of a step', () => {
  it('is 5 % of the limit band unless the step sets its own', () => {
    expect(
      stableSpread(step({ measure: 'DCV', unit: 'V', limits: { nominal: 19.5, tolerancePct: 5 } })),
    ).toBeCloseTo(0.0975, 12);
    expect(stableSpread(step({ measure: 'ACV', unit: 'V', limits: { max: 0.2 } }))).toBeCloseTo(0.01, 12);
    expect(
      stableSpread(step({ measure: 'DCV', unit: 'mV', limits: { max: 300 }, stableToleranceAbs: 2 })),
    ).toBeCloseTo(0.002, 12);
    expect(stableSpread(step({ measure: 'DCV', unit: 'mV', limits: { max: 0 } }))).toBeCloseTo(0.000001, 12);
  });
});
