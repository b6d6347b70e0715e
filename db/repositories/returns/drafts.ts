/** Return drafts (table drafts, kind 'return'): save, list newest first, read one, delete. */
import { and, asc, desc, eq, lt, sql } from 'drizzle-orm';
import type { Role } from '../../../shared/contract/permissions';
import type { DbClient } from '../../client';
import { drafts, staff } from '../../schema';
import { prepared } from '../statements';

const KIND = 'return';
const LIST_LIMIT = 50;

/** The return draft whose id is the `id` placeholder. */
const thisDraft = () => and(eq(drafts.id, sql.placeholder('id')), eq(drafts.kind, KIND));

/** Replaces a draft's content; false when there is no return draft with this id. */
export function updateDraft(
  db: DbClient,
  d: { id: string; staffId: number; title: string; data: string; updatedAt: number },
): boolean {
  const r = prepared(db, 'returns.updateDraft', (orm) =>
    orm
      .update(drafts)
      // drizzle's set() takes placeholders only inside sql``
      .set({
        staffId: sql`${sql.placeholder('staffId')}`,
        title: sql`${sql.placeholder('title')}`,
        data: sql`${sql.placeholder('data')}`,
        updatedAt: sql`${sql.placeholder('updatedAt')}`,
      })
      .where(thisDraft())
      .prepare(),
  ).run(d);
  return r.changes > 0;
}

/** A new return draft. */
export function insertDraft(
  db: DbClient,
  d: { id: string; staffId: number; title: string; data: string; at: number },
): void {
  prepared(db, 'returns.insertDraft', (orm) =>
    orm
      .insert(drafts)
      .values({
        id: sql.placeholder('id'),
        kind: KIND,
        staffId: sql.placeholder('staffId'),
        title: sql.placeholder('title'),
        data: sql.placeholder('data'),
        createdAt: sql.placeholder('at'),
        updatedAt: sql.placeholder('at'),
      })
      .prepare(),
  ).run(d);
}

/** The newest 50 return drafts with their size in bytes and their clerk. */
export function listDrafts(db: DbClient) {
  return prepared(db, 'returns.listDrafts', (orm) =>
    orm
      .select({
        id: drafts.id,
        title: drafts.title,
        createdAt: drafts.createdAt,
        updatedAt: drafts.updatedAt,
        sizeBytes: sql<number>`length(CAST(${drafts.data} AS BLOB))`,
        staffId: staff.id,
        staffCode: staff.code,
        staffName: staff.name,
        // staff.role only ever holds one of ROLES (auth writes it)
        staffRole: sql<Role | null>`${staff.role}`,
      })
      .from(drafts)
      .leftJoin(staff, eq(staff.id, drafts.staffId))
      .where(eq(drafts.kind, KIND))
      .orderBy(desc(drafts.updatedAt), asc(drafts.id))
      .limit(LIST_LIMIT)
      .prepare(),
  ).all();
}

/** One return draft's JSON, or undefined. */
export function draftData(db: DbClient, id: string): string | undefined {
  return prepared(db, 'returns.draftData', (orm) =>
    orm.select({ data: drafts.data }).from(drafts).where(thisDraft()).prepare(),
  ).get({ id })?.data;
}

/** Deletes a return draft; false when there was none. */
export function deleteDraft(db: DbClient, id: string): boolean {
  return (
    prepared(db, 'returns.deleteDraft', (orm) => orm.delete(drafts).where(thisDraft()).prepare()).run({ id })
      .changes > 0
  );
}

/** Deletes the return drafts last saved before `cutoff` (expired); how many went. */
export function deleteDraftsSavedBefore(db: DbClient, cutoff: number): number {
  return prepared(db, 'returns.deleteExpiredDrafts', (orm) =>
    orm
      .delete(drafts)
      .where(and(eq(drafts.kind, KIND), lt(drafts.updatedAt, sql.placeholder('cutoff'))))
      .prepare(),
  ).run({ cutoff }).changes;
}
