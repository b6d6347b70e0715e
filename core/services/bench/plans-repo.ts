/**
 * Test plans in `test_plans`: one active version per category; saving a plan writes a new version
 * and retires the old one, so every stored result keeps pointing at the limits it was judged by.
 */
import { z } from 'zod';
import { appendAudit } from '../../../db/audit/chain';
import type { SqliteDb } from '../../../db/open';
import type { TestPlanView } from '../../../shared/contract/methods/bench';
import { AppError } from '../../../shared/contract/errors';
import { planStepSchema, type PlanDraft, type PlanStep } from '../../../shared/domain/repairs/test-plan';
import { staffResolver } from '../repairs/staff-refs';

interface PlanRow {
  id: number;
  categoryCode: string;
  name: string;
  version: number;
  steps: string;
  active: number;
  updatedAt: number;
  updatedBy: number | null;
}

const COLUMNS = `id, category_code AS categoryCode, name, version, steps, active, updated_at AS updatedAt, updated_by AS updatedBy`;
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

function toView(db: SqliteDb, row: PlanRow): TestPlanView {
  return {
    id: row.id,
    categoryCode: row.categoryCode,
    name: row.name,
    version: row.version,
    active: row.active === 1,
    steps: parseSteps(row.steps),
    updatedAt: row.updatedAt,
    updatedBy: staffResolver(db)(row.updatedBy),
  };
}

/** The active plan of a category, or null. */
export function activePlan(db: SqliteDb, categoryCode: string): TestPlanView | null {
  const row = db
    .prepare(
      `SELECT ${COLUMNS} FROM test_plans WHERE category_code = ? AND active = 1 ORDER BY version DESC LIMIT 1`,
    )
    .get(categoryCode) as PlanRow | undefined;
  return row ? toView(db, row) : null;
}

/** A plan version by id, or BENCH_PLAN_NOT_FOUND. */
export function planById(db: SqliteDb, id: number): TestPlanView {
  const row = db.prepare(`SELECT ${COLUMNS} FROM test_plans WHERE id = ?`).get(id) as PlanRow | undefined;
  if (!row) throw new AppError('BENCH_PLAN_NOT_FOUND', { planId: id });
  return toView(db, row);
}

/** Plans, active only unless asked, by category then newest version first. */
export function listPlans(
  db: SqliteDb,
  q: { categoryCode?: string; includeInactive: boolean },
): TestPlanView[] {
  const where: string[] = [];
  const args: string[] = [];
  if (q.categoryCode) {
    where.push('category_code = ?');
    args.push(q.categoryCode);
  }
  if (!q.includeInactive) where.push('active = 1');
  const sql = `SELECT ${COLUMNS} FROM test_plans ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY category_code, version DESC`;
  return (db.prepare(sql).all(...args) as PlanRow[]).map((r) => toView(db, r));
}

/** Saves a plan as the category's next version (inside a transaction, audited); returns it. */
export function savePlan(
  db: SqliteDb,
  storeId: number,
  draft: PlanDraft,
  staffId: number | null,
  now: number,
): TestPlanView {
  const { v } = db
    .prepare('SELECT coalesce(max(version), 0) AS v FROM test_plans WHERE category_code = ?')
    .get(draft.categoryCode) as { v: number };
  db.prepare('UPDATE test_plans SET active = 0 WHERE category_code = ? AND active = 1').run(
    draft.categoryCode,
  );
  const info = db
    .prepare(
      `INSERT INTO test_plans (category_code, name, version, steps, active, updated_at, updated_by)
       VALUES (?, ?, ?, ?, 1, ?, ?)`,
    )
    .run(draft.categoryCode, draft.name, v + 1, JSON.stringify(draft.steps), now, staffId);
  const id = Number(info.lastInsertRowid);
  appendAudit(db, {
    at: now,
    storeId,
    staffId,
    action: 'bench.plan_saved',
    entityType: 'test_plan',
    entityId: String(id),
    data: { categoryCode: draft.categoryCode, version: v + 1, steps: draft.steps.length },
  });
  return planById(db, id);
}
