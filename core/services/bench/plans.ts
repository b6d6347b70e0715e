/**
 * Test plans in `test_plans`: one active version per category; saving a plan writes a new version
 * and retires the old one, so every stored result keeps pointing at the limits it was judged by.
 */
import { z } from 'zod';
import { appendRepairAudit } from '../../../db/repositories/repairs/audit';
import type { DbClient } from '../../../db/client';
import {
  activePlanRow,
  insertPlanVersion,
  planRowById,
  planRows,
  type PlanRow,
} from '../../../db/repositories/bench/plans';
import type { TestPlanView } from '../../../shared/contract/methods/bench';
import { AppError } from '../../../shared/contract/errors';
import { planStepSchema, type PlanDraft, type PlanStep } from '../../../shared/domain/repairs/test-plan';
import { staffResolver } from '../repairs/staff-refs';

const stepsSchema = z.array(planStepSchema);

/** Steps of a stored plan; a damaged row reads as no steps (and so can never pass). */
export function parseSteps(text: string): PlanStep[] {
  try {
    const r = stepsSchema.safeParse(JSON.parse(text));
    return r.success ? r.data : [];
  } catch {
    return [];
  }
}

function toView(db: DbClient, row: PlanRow): TestPlanView {
  return {
    id: row.id,
    categoryCode: row.categoryCode,
    name: row.name,
    version: row.version,
    active: row.active,
    steps: parseSteps(row.steps),
    updatedAt: row.updatedAt,
    updatedBy: staffResolver(db)(row.updatedBy),
  };
}

/** The active plan of a category, or null. */
export function activePlan(db: DbClient, categoryCode: string): TestPlanView | null {
  const row = activePlanRow(db, categoryCode);
  return row ? toView(db, row) : null;
}

/** A plan version by id, or BENCH_PLAN_NOT_FOUND. */
export function planById(db: DbClient, id: number): TestPlanView {
  const row = planRowById(db, id);
  if (!row) throw new AppError('BENCH_PLAN_NOT_FOUND', { planId: id });
  return toView(db, row);
}

/** Plans, active only unless asked, by category then newest version first. */
export function listPlans(
  db: DbClient,
  q: { categoryCode?: string; includeInactive: boolean },
): TestPlanView[] {
  return planRows(db, q).map((r) => toView(db, r));
}

/** Saves a plan as the category's next version (inside a transaction, audited); returns it. */
export function savePlan(
  db: DbClient,
  storeId: number,
  draft: PlanDraft,
  staffId: number | null,
  now: number,
): TestPlanView {
  const { id, version } = insertPlanVersion(db, {
    categoryCode: draft.categoryCode,
    name: draft.name,
    steps: JSON.stringify(draft.steps),
    updatedAt: now,
    updatedBy: staffId,
  });
  appendRepairAudit(db, {
    at: now,
    storeId,
    staffId,
    action: 'bench.plan_saved',
    entityType: 'test_plan',
    entityId: String(id),
    data: { categoryCode: draft.categoryCode, version, steps: draft.steps.length },
  });
  return planById(db, id);
}
