/**
 * Bench test plans as data. A plan is an ordered list of steps; each step says what to measure
 * (meter function), in which unit its limits are written ("V", "mV", "kΩ"), the limits (min/max
 * or nominal ± tolerance), whether the value must come from a meter or may be typed in, and how
 * many consecutive stable readings make a capture. Judging uses shared/domain/meter/judge.ts.
 */
import { z } from 'zod';
import type { Limits } from '../meter/judge';
import { meterFunctionSchema, unitOfFunction, type MeterFunction } from '../meter/reading';
import { normalizePrefix, normalizeUnit, toBase, type MeterUnit, type UnitPrefix } from '../meter/units';

const finite = z.number().finite();

export const stepLimitsSchema = z
  .object({
    min: finite.optional(),
    max: finite.optional(),
    nominal: finite.optional(),
    /** ± percent of |nominal|. */
    tolerancePct: finite.nonnegative().max(1000).optional(),
    /** ± absolute, in the step's unit. */
    toleranceAbs: finite.nonnegative().optional(),
  })
  .strict();

/** Splits a step unit like "mV" or "kΩ" into prefix and base unit; null when it does not fit the function. */
export function parseStepUnit(
  unit: string,
  measure: MeterFunction,
): { prefix: UnitPrefix; base: MeterUnit } | null {
  const base = unitOfFunction(measure);
  const text = unit.trim();
  const whole = normalizeUnit(text);
  if (whole !== undefined && whole === base && whole !== '') return { prefix: '', base };
  const chars = Array.from(text);
  const prefix = chars.length > 1 ? normalizePrefix(chars[0] ?? '') : undefined;
  const rest = normalizeUnit(chars.slice(1).join(''));
  if (prefix !== undefined && rest === base) return { prefix, base };
  return null;
}

const stepShape = z
  .object({
    label: z.string().trim().min(1).max(80),
    /** English label, when the manager writes one (the screen falls back to `label`). */
    labelEn: z.string().trim().min(1).max(80).optional(),
    measure: meterFunctionSchema,
    /** The unit the limits are written in: base unit of the function with an optional prefix. */
    unit: z.string().trim().min(1).max(4),
    limits: stepLimitsSchema,
    /** The value comes from a meter reading (auto-captured). */
    meterRequired: z.boolean(),
    /** The technician may type the value instead (stored as manual). Always true when no meter is required. */
    allowManual: z.boolean(),
    /** Consecutive stable readings that make a capture (and consecutive OL readings that make an overload fail). */
    stableCount: z.number().int().min(1).max(50),
    /** Allowed spread of those readings, in the step's unit (default: 5 % of the limit band). */
    stableToleranceAbs: finite.positive().optional(),
  })
  .strict();

export const planStepSchema = stepShape.superRefine((s, ctx) => {
  if (!parseStepUnit(s.unit, s.measure)) {
    ctx.addIssue({
      code: 'custom',
      path: ['unit'],
      message: `unit ${s.unit} does not fit ${s.measure} (base unit ${unitOfFunction(s.measure)})`,
    });
  }
  const l = s.limits;
  const nominalForm = l.nominal !== undefined;
  const ok = nominalForm
    ? l.min === undefined &&
      l.max === undefined &&
      (l.tolerancePct !== undefined || l.toleranceAbs !== undefined)
    : (l.min !== undefined || l.max !== undefined) &&
      l.tolerancePct === undefined &&
      l.toleranceAbs === undefined;
  if (!ok) {
    ctx.addIssue({
      code: 'custom',
      path: ['limits'],
      message: 'give either min and/or max, or nominal with tolerancePct and/or toleranceAbs',
    });
  }
  if (l.min !== undefined && l.max !== undefined && l.min > l.max) {
    ctx.addIssue({ code: 'custom', path: ['limits'], message: 'min must not exceed max' });
  }
  if (!s.meterRequired && !s.allowManual) {
    ctx.addIssue({
      code: 'custom',
      path: ['allowManual'],
      message: 'a step without a meter must allow manual entry',
    });
  }
});
export type PlanStep = z.infer<typeof planStepSchema>;

export const planDraftSchema = z
  .object({
    categoryCode: z.string().trim().min(1).max(40),
    name: z.string().trim().min(1).max(80),
    steps: z.array(planStepSchema).min(1).max(30),
  })
  .strict();
export type PlanDraft = z.infer<typeof planDraftSchema>;

/** The judge.ts limits of a step (its function, its unit prefix, its numbers). */
export function stepLimits(step: PlanStep): Limits {
  const prefix = parseStepUnit(step.unit, step.measure)?.prefix ?? '';
  return { function: step.measure, prefix, ...step.limits };
}

/** Lower/upper bound of a step in base units (open bounds absent). */
export function stepBounds(step: PlanStep): { low?: number; high?: number } {
  const prefix = parseStepUnit(step.unit, step.measure)?.prefix ?? '';
  const b = (v: number): number => toBase(v, prefix);
  const l = step.limits;
  if (l.nominal !== undefined) {
    const band = (Math.abs(l.nominal) * (l.tolerancePct ?? 0)) / 100 + (l.toleranceAbs ?? 0);
    return { low: b(l.nominal - band), high: b(l.nominal + band) };
  }
  return {
    ...(l.min !== undefined ? { low: b(l.min) } : {}),
    ...(l.max !== undefined ? { high: b(l.max) } : {}),
  };
}

/**
 * Spread (base units) within which `stableCount` readings count as settled: the step's own
 * `stableToleranceAbs`, else 5 % of the limit band (high − low), else 5 % of the one bound's size.
 * A zero-width band (a limit of exactly 0) falls back to a small absolute spread.
 */
export function stableSpread(step: PlanStep): number {
  const prefix = parseStepUnit(step.unit, step.measure)?.prefix ?? '';
  if (step.stableToleranceAbs !== undefined) return toBase(step.stableToleranceAbs, prefix);
  const { low, high } = stepBounds(step);
  let spread: number;
  if (low !== undefined && high !== undefined) spread = 0.05 * (high - low);
  else spread = 0.05 * Math.abs(low ?? high ?? 0);
  return spread > 0 ? spread : toBase(0.001, prefix);
}

/** The label of a step in a locale (English falls back to the manager's label). */
export function stepLabel(step: PlanStep, locale: 'zh-CN' | 'en-US'): string {
  return locale === 'en-US' ? (step.labelEn ?? step.label) : step.label;
}
