/** Manager overrides granted in [start, end), oldest first, with the manager's and requester's names. */
import { and, eq, gte, lt, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { DbClient } from '../../client';
import { overrides, staff } from '../../schema';
import { prepared } from '../statements';

export type RangeParams = {
  storeId: number;
  start: number;
  end: number;
};

export function overridesInRange(db: DbClient, p: RangeParams) {
  return prepared(db, 'reports.overridesInRange', (orm) => {
    const manager = alias(staff, 'm');
    const requester = alias(staff, 'q');
    return orm
      .select({
        id: overrides.id,
        at: overrides.at,
        manager: manager.name,
        requestedBy: requester.name,
        action: overrides.action,
        reason: overrides.reasonCode,
        note: overrides.note,
        ref: overrides.entityId,
        selfApproved: overrides.selfApproved,
      })
      .from(overrides)
      .innerJoin(manager, eq(manager.id, overrides.managerId))
      .innerJoin(requester, eq(requester.id, overrides.requestedBy))
      .where(
        and(
          eq(overrides.storeId, sql.placeholder('storeId')),
          gte(overrides.at, sql.placeholder('start')),
          lt(overrides.at, sql.placeholder('end')),
        ),
      )
      .orderBy(overrides.at, overrides.id)
      .prepare();
  }).all(p);
}
