/** How often a report was already printed or exported (its audit rows), to mark a reprint. */
import { and, eq, sql } from 'drizzle-orm';
import type { DbClient } from '../../client';
import { auditLog } from '../../schema';
import { prepared } from '../statements';

/** Audit rows of `action` ('report.printed', 'report.exported') on `entityId` ('daily:<day>'). */
export function reportOutputCount(db: DbClient, action: string, entityId: string): number {
  const row = prepared(db, 'reports.outputCount', (orm) =>
    orm
      .select({ n: sql<number>`count(*)` })
      .from(auditLog)
      .where(and(eq(auditLog.action, sql.placeholder('action')), eq(auditLog.entityId, sql.placeholder('entityId'))))
      .prepare(),
  ).get({ action, entityId });
  return row?.n ?? 0;
}
