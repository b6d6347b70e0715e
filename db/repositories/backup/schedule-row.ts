/** The settings row that holds the backup schedule (JSON text; its meaning is core/services/backup's). */
import { and, eq, sql } from 'drizzle-orm';
import type { DbClient } from '../../client';
import { settings } from '../../schema';
import { prepared } from '../statements';

/** The stored value of settings row `key` of the store, or undefined. */
export function settingValue(db: DbClient, storeId: number, key: string): string | undefined {
  return prepared(db, 'backup.settingValue', (orm) =>
    orm
      .select({ value: settings.value })
      .from(settings)
      .where(and(eq(settings.storeId, sql.placeholder('storeId')), eq(settings.key, sql.placeholder('key'))))
      .prepare(),
  ).get({ storeId, key })?.value;
}

/** Stores `value` as settings row `key` of the store (insert or replace). */
export function putSettingValue(
  db: DbClient,
  storeId: number,
  key: string,
  value: string,
  now: number,
): void {
  prepared(db, 'backup.putSettingValue', (orm) =>
    orm
      .insert(settings)
      .values({
        storeId: sql.placeholder('storeId'),
        key: sql.placeholder('key'),
        value: sql.placeholder('value'),
        updatedAt: sql.placeholder('now'),
      })
      .onConflictDoUpdate({
        target: [settings.storeId, settings.key],
        set: { value: sql`excluded.value`, updatedAt: sql`excluded.updated_at` },
      })
      .prepare(),
  ).run({ storeId, key, value, now });
}
