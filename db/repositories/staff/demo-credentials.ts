/**
 * The demo store's printed sign-in list (code, name, role, PIN), kept as the `demo.credentials`
 * settings row, which only a demo store has. Stored once; never overwritten.
 */
import { sql } from 'drizzle-orm';
import type { DbClient } from '../../client';
import { settings } from '../../schema';
import { prepared } from '../statements';
import { settingValue } from '../store/settings';

const KEY = 'demo.credentials';
const ph = sql.placeholder;

/** The stored list as JSON text, or null outside a demo store. */
export function readDemoCredentials(db: DbClient, storeId: number): string | null {
  return settingValue(db, storeId, KEY) ?? null;
}

/** Stores the list (JSON text) unless one is stored. */
export function storeDemoCredentials(db: DbClient, storeId: number, json: string, now: number): void {
  prepared(db, 'staff.storeDemoCredentials', (orm) =>
    orm
      .insert(settings)
      .values({ storeId: ph('storeId'), key: KEY, value: ph('value'), updatedAt: ph('now') })
      .onConflictDoNothing()
      .prepare(),
  ).run({ storeId, value: json, now });
}
