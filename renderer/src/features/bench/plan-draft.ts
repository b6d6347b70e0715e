/** Test plan steps as the editor holds them (text fields) and back to the `bench.savePlan` draft. */
import type { TestPlanView } from '../../../../shared/contract/methods/bench';

export interface StepForm {
  label: string;
  labelEn: string;
  measure: string;
  unit: string;
  min: string;
  max: string;
  nominal: string;
  tolerancePct: string;
  meterRequired: boolean;
  allowManual: boolean;
  stableCount: string;
}

const text = (v: number | undefined): string => (v === undefined ? '' : String(v));
const num = (s: string): number | undefined => (s.trim() === '' ? undefined : Number(s));

/** A plan's steps as form rows. */
export function formOf(plan: TestPlanView): StepForm[] {
  return plan.steps.map((s) => ({
    label: s.label,
    labelEn: s.labelEn ?? '',
    measure: s.measure,
    unit: s.unit,
    min: text(s.limits.min),
    max: text(s.limits.max),
    nominal: text(s.limits.nominal),
    tolerancePct: text(s.limits.tolerancePct),
    meterRequired: s.meterRequired,
    allowManual: s.allowManual,
    stableCount: String(s.stableCount),
  }));
}

/** The draft the core validates (units, limits form, counts) and saves as a new version. */
export function draftOf(categoryCode: string, name: string, steps: StepForm[]): unknown {
  return {
    categoryCode,
    name,
    steps: steps.map((s) => {
      const limits = Object.fromEntries(
        (['min', 'max', 'nominal', 'tolerancePct'] as const)
          .map((k) => [k, num(s[k])] as const)
          .filter(([, v]) => v !== undefined),
      );
      return {
        label: s.label,
        ...(s.labelEn.trim() ? { labelEn: s.labelEn } : {}),
        measure: s.measure,
        unit: s.unit,
        limits,
        meterRequired: s.meterRequired,
        allowManual: s.allowManual,
        stableCount: Number(s.stableCount),
      };
    }),
  };
}
