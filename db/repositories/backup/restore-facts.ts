/** What the audit row of an applied restore needs to know about the restored database. */
import { eq, sql } from 'drizzle-orm';
import type { DbClient } from '../../client';
import { staff, stores } from '../../schema';
import { prepared } from '../statements';

/** Whether staff member `staffId` exists in this database. */
export function staffExists(db: DbClient, staffId: number): boolean {
  return (
    prepared(db, 'backup.staffExists', (orm) =>
      orm
        .select({ id: staff.id })
        .from(staff)
        .where(eq(staff.id, sql.placeholder('staffId')))
        .prepare(),
    ).get({ staffId }) !== undefined
  );
}

/** The lowest store id in this database, or undefined before set-up. */
export function lowestStoreId(db: DbClient): number | undefined {
  return prepared(db, 'backup.lowestStoreId', (orm) =>
    orm.select({ id: stores.id }).from(stores).orderBy(stores.id).limit(1).prepare(),
  ).get()?.id;
}
