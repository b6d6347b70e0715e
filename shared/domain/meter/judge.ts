/**
 * Judging a reading against a test step's limits: either a window {min?, max?} or a
 * nominal value with a tolerance (percent and/or absolute). Limits may be written with a
 * prefix (mV, kΩ) while readings are always in base units. Edges are inclusive.
 */
import { z } from 'zod';
import { meterFunctionSchema, type Reading } from './reading';
import { UNIT_PREFIXES, scaleByPow10, prefixExponent, type UnitPrefix } from './units';

export const limitsSchema = z
  .object({
    /** The function the step measures; a reading in another function is not judged. */
    function: meterFunctionSchema,
    /** Prefix the numbers below are written in (default '' = base unit). */
    prefix: z.enum(UNIT_PREFIXES).optional(),
    min: z.number().finite().optional(),
    max: z.number().finite().optional(),
    nominal: z.number().finite().optional(),
    /** ± percent of |nominal|. */
    tolerancePct: z.number().finite().nonnegative().optional(),
    /** ± absolute, in the same prefix as nominal. Added to the percentage when both are given. */
    toleranceAbs: z.number().finite().nonnegative().optional(),
  })
  .refine(
    (l) =>
      l.nominal !== undefined
        ? l.min === undefined &&
          l.max === undefined &&
          (l.tolerancePct !== undefined || l.toleranceAbs !== undefined)
        : (l.min !== undefined || l.max !== undefined) &&
          l.tolerancePct === undefined &&
          l.toleranceAbs === undefined,
    { message: 'give either min and/or max, or nominal with tolerancePct and/or toleranceAbs' },
  )
  .refine((l) => l.min === undefined || l.max === undefined || l.min <= l.max, {
    message: 'min must not exceed max',
  });
export type Limits = z.infer<typeof limitsSchema>;

export type JudgeReason =
  'BELOW_MIN' | 'ABOVE_MAX' | 'OVERLOAD' | 'WRONG_FUNCTION' | 'NO_VALUE' | 'INVALID_LIMITS';

export interface Judgement {
  verdict: 'PASS' | 'FAIL' | 'NOT_JUDGED';
  reason?: JudgeReason;
  /** The reading's value, base units (null when it had none). */
  value: number | null;
  /** Resolved lower / upper limit in base units (absent when open-ended or limits invalid). */
  low?: number;
  high?: number;
}

/** Lower and upper limit in base units; undefined bounds are open. */
export function resolveLimits(limits: Limits): { low?: number; high?: number } {
  const exp = prefixExponent((limits.prefix ?? '') as UnitPrefix);
  const base = (v: number): number => scaleByPow10(v, exp);
  if (limits.nominal !== undefined) {
    const band = (Math.abs(limits.nominal) * (limits.tolerancePct ?? 0)) / 100 + (limits.toleranceAbs ?? 0);
    return { low: base(limits.nominal - band), high: base(limits.nominal + band) };
  }
  return {
    ...(limits.min !== undefined ? { low: base(limits.min) } : {}),
    ...(limits.max !== undefined ? { high: base(limits.max) } : {}),
  };
}

/**
 * Slack for binary rounding: 19.5 V −5 % computes to 18.524999999999999 in doubles, and a
 * reading of exactly 18.525 V must pass. 1e-9 relative is far below any meter's resolution.
 */
function slack(...xs: (number | undefined)[]): number {
  let m = 0;
  for (const x of xs) if (x !== undefined) m = Math.max(m, Math.abs(x));
  return m * 1e-9;
}

/** Judges one reading against limits: PASS / FAIL (with reason) / NOT_JUDGED (wrong function, no value). */
export function judgeReading(reading: Reading, limits: Limits): Judgement {
  const parsed = limitsSchema.safeParse(limits);
  if (!parsed.success) return { verdict: 'NOT_JUDGED', reason: 'INVALID_LIMITS', value: reading.value };
  const { low, high } = resolveLimits(parsed.data);
  const bounds = { ...(low !== undefined ? { low } : {}), ...(high !== undefined ? { high } : {}) };
  if (reading.function !== parsed.data.function) {
    return { verdict: 'NOT_JUDGED', reason: 'WRONG_FUNCTION', value: reading.value, ...bounds };
  }
  if (reading.overload) return { verdict: 'FAIL', reason: 'OVERLOAD', value: null, ...bounds };
  const value = reading.value;
  if (value === null || !Number.isFinite(value)) {
    return { verdict: 'NOT_JUDGED', reason: 'NO_VALUE', value: null, ...bounds };
  }
  const eps = slack(low, high, value);
  if (low !== undefined && value < low - eps) {
    return { verdict: 'FAIL', reason: 'BELOW_MIN', value, ...bounds };
  }
  if (high !== undefined && value > high + eps) {
    return { verdict: 'FAIL', reason: 'ABOVE_MAX', value, ...bounds };
  }
  return { verdict: 'PASS', value, ...bounds };
}
