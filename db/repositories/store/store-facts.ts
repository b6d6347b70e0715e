/**
 * The one answer to "which store is this?": name, time zone, currency, locale and receipt paper, as
 * every slip, report and service sees them. The store's name is the one set in Settings, or the
 * store row's name while Settings still hold the default.
 */
import { eq, sql } from 'drizzle-orm';
import { isCurrencyCode, type CurrencyCode } from '../../../shared/domain/money/currency';
import type { Locale } from '../../../shared/i18n/types';
import type { DbClient } from '../../client';
import { stores } from '../../schema';
import { prepared } from '../statements';
import { DEFAULT_SETTINGS, readSettings, storeWriteCount } from './settings';

export interface StoreFacts {
  id: number;
  code: string;
  name: string;
  timeZone: string;
  currency: CurrencyCode;
  locale: Locale;
  paper: 58 | 80;
  demo: boolean;
}

const cache = new WeakMap<object, { storeId: number; version: number; writes: number; facts: StoreFacts }>();

/**
 * The facts of store `storeId`; a missing row means a broken database (throws). Read on every
 * call of every service, so they are kept per connection until this process writes the settings
 * or the store row, or another connection commits (`PRAGMA data_version`).
 */
export function storeFacts(db: DbClient, storeId: number): StoreFacts {
  const version = db.dataVersion();
  const writes = storeWriteCount();
  const hit = cache.get(db.orm);
  if (hit && hit.storeId === storeId && hit.version === version && hit.writes === writes) return hit.facts;
  const facts = readStoreFacts(db, storeId);
  cache.set(db.orm, { storeId, version, writes, facts });
  return facts;
}

function readStoreFacts(db: DbClient, storeId: number): StoreFacts {
  const row = prepared(db, 'store.byId', (orm) =>
    orm
      .select({
        id: stores.id,
        code: stores.code,
        name: stores.name,
        currency: stores.currency,
        demo: stores.demo,
      })
      .from(stores)
      .where(eq(stores.id, sql.placeholder('storeId')))
      .prepare(),
  ).get({ storeId });
  if (!row) throw new Error(`store ${storeId} not found`);
  const s = readSettings(db, storeId);
  return {
    id: row.id,
    code: row.code,
    name: s.storeName !== DEFAULT_SETTINGS.storeName ? s.storeName : row.name,
    timeZone: s.timeZone,
    currency: isCurrencyCode(row.currency) ? row.currency : 'CNY',
    locale: s.locale,
    paper: s.receiptWidth,
    demo: row.demo,
  };
}

/** The id of the store in this database, or null before set-up. */
export function firstStoreId(db: DbClient): number | null {
  const row = prepared(db, 'store.first', (orm) =>
    orm.select({ id: stores.id }).from(stores).limit(1).prepare(),
  ).get();
  return row?.id ?? null;
}
