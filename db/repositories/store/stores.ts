/** The stores row: created at first run, its name and time zone kept in step with Settings. */
import { eq, sql } from 'drizzle-orm';
import type { DbClient } from '../../client';
import { stores } from '../../schema';
import { prepared } from '../statements';
import { storeWritten } from './settings';

const ph = sql.placeholder;

export interface NewStore {
  code: string;
  name: string;
  timeZone: string;
  currency: string;
  locale: string;
  demo: boolean;
  createdAt: number;
}

/** Stores the store row; returns its id. */
export function insertStore(db: DbClient, s: NewStore): number {
  storeWritten();
  const info = prepared(db, 'store.insert', (orm) =>
    orm
      .insert(stores)
      .values({
        code: ph('code'),
        name: ph('name'),
        timeZone: ph('timeZone'),
        currency: ph('currency'),
        locale: ph('locale'),
        demo: ph('demo'),
        createdAt: ph('createdAt'),
      })
      .prepare(),
  ).run({ ...s, demo: s.demo ? 1 : 0 });
  return Number(info.lastInsertRowid);
}

export function setStoreName(db: DbClient, storeId: number, name: string): void {
  storeWritten();
  prepared(db, 'store.setName', (orm) =>
    orm
      .update(stores)
      .set({ name: sql`${ph('name')}` })
      .where(eq(stores.id, ph('storeId')))
      .prepare(),
  ).run({ storeId, name });
}

export function setStoreTimeZone(db: DbClient, storeId: number, timeZone: string): void {
  storeWritten();
  prepared(db, 'store.setTimeZone', (orm) =>
    orm
      .update(stores)
      .set({ timeZone: sql`${ph('timeZone')}` })
      .where(eq(stores.id, ph('storeId')))
      .prepare(),
  ).run({ storeId, timeZone });
}
