/** Test plans (`test_plans`): one active version per category; saving writes the next version. */
import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { DbClient } from '../../client';
import { testPlans } from '../../schema';
import { prepared } from '../statements';

const FIELDS = {
  id: testPlans.id,
  categoryCode: testPlans.categoryCode,
  name: testPlans.name,
  version: testPlans.version,
  steps: testPlans.steps,
  active: testPlans.active,
  updatedAt: testPlans.updatedAt,
  updatedBy: testPlans.updatedBy,
};

export interface PlanRow {
  id: number;
  categoryCode: string;
  name: string;
  version: number;
  /** JSON array of steps. */
  steps: string;
  active: boolean;
  updatedAt: number;
  updatedBy: number | null;
}

/** The newest active plan of a category, or undefined. */
export function activePlanRow(db: DbClient, categoryCode: string): PlanRow | undefined {
  return prepared(db, 'bench.activePlan', (orm) =>
    orm
      .select(FIELDS)
      .from(testPlans)
      .where(and(eq(testPlans.categoryCode, sql.placeholder('categoryCode')), eq(testPlans.active, true)))
      .orderBy(desc(testPlans.version))
      .limit(1)
      .prepare(),
  ).get({ categoryCode });
}

/** A plan version by id, or undefined. */
export function planRowById(db: DbClient, id: number): PlanRow | undefined {
  return prepared(db, 'bench.planById', (orm) =>
    orm
      .select(FIELDS)
      .from(testPlans)
      .where(eq(testPlans.id, sql.placeholder('id')))
      .prepare(),
  ).get({ id });
}

/** Plans, active only unless asked, by category then newest version first. */
export function planRows(db: DbClient, q: { categoryCode?: string; includeInactive: boolean }): PlanRow[] {
  const shape = `${q.categoryCode ? 1 : 0}:${q.includeInactive ? 1 : 0}`;
  return prepared(db, `bench.plans:${shape}`, (orm) => {
    const where: SQL[] = [];
    if (q.categoryCode) where.push(eq(testPlans.categoryCode, sql.placeholder('categoryCode')));
    if (!q.includeInactive) where.push(eq(testPlans.active, true));
    return orm
      .select(FIELDS)
      .from(testPlans)
      .where(and(...where))
      .orderBy(testPlans.categoryCode, desc(testPlans.version))
      .prepare();
  }).all({ categoryCode: q.categoryCode });
}

/** Writes the category's next plan version and retires the active one; returns the new id and version. */
export function insertPlanVersion(
  db: DbClient,
  p: { categoryCode: string; name: string; steps: string; updatedAt: number; updatedBy: number | null },
): { id: number; version: number } {
  const last = prepared(db, 'bench.lastPlanVersion', (orm) =>
    orm
      .select({ v: sql<number>`coalesce(max(${testPlans.version}), 0)` })
      .from(testPlans)
      .where(eq(testPlans.categoryCode, sql.placeholder('categoryCode')))
      .prepare(),
  ).get({ categoryCode: p.categoryCode });
  const version = (last?.v ?? 0) + 1;
  prepared(db, 'bench.retirePlans', (orm) =>
    orm
      .update(testPlans)
      .set({ active: false })
      .where(and(eq(testPlans.categoryCode, sql.placeholder('categoryCode')), eq(testPlans.active, true)))
      .prepare(),
  ).run({ categoryCode: p.categoryCode });
  const row = prepared(db, 'bench.insertPlan', (orm) =>
    orm
      .insert(testPlans)
      .values({
        categoryCode: sql.placeholder('categoryCode'),
        name: sql.placeholder('name'),
        version: sql.placeholder('version'),
        steps: sql.placeholder('steps'),
        active: true,
        updatedAt: sql.placeholder('updatedAt'),
        updatedBy: sql.placeholder('updatedBy'),
      })
      .returning({ id: testPlans.id })
      .prepare(),
  ).get({ ...p, version });
  if (!row) throw new Error('test plan insert returned no id');
  return { id: row.id, version };
}
