/**
 * The gate between testing and QC: every step of the job's bench plan (the plan of its latest
 * bench run, else the category's active plan) must have passed on its latest attempt. A category
 * without a plan has no gate.
 */
import type { DbClient } from '../../../db/client';
import { activePlan, planById } from '../bench/plans';
import { latestVerdicts } from '../bench/results';
import { lastRunPlanId } from '../bench/run-state';

export interface BenchGate {
  planId: number | null;
  /** Step indices (0-based) whose latest attempt failed. */
  failing: number[];
  /** Step indices (0-based) never tested. */
  missing: number[];
}

/** Where the job stands against its bench plan. */
export function benchGate(db: DbClient, jobId: string, categoryCode: string): BenchGate {
  const run = lastRunPlanId(db, jobId);
  const plan = run ? planById(db, run.planId) : activePlan(db, categoryCode);
  if (!plan) return { planId: null, failing: [], missing: [] };
  const verdicts = latestVerdicts(db, jobId, plan.id);
  const failing: number[] = [];
  const missing: number[] = [];
  plan.steps.forEach((_s, i) => {
    const v = verdicts.get(i);
    if (v === undefined) missing.push(i);
    else if (v === 'fail') failing.push(i);
  });
  return { planId: plan.id, failing, missing };
}
