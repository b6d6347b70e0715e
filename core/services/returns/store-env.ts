/** What the returns service needs to know about the store: time zone, currency, slip locale and paper. */
import type { SqliteDb } from '../../../db/open';
import type { Locale } from '../../../shared/i18n/types';
import { isCurrencyCode, type CurrencyCode } from '../../../shared/domain/money/currency';
import { readSettings } from '../settings/settings-repo';
import { prepared } from './prepared';

export interface StoreEnv {
  db: SqliteDb;
  storeId: number;
  now: number;
  timeZone: string;
  currency: CurrencyCode;
  locale: Locale;
  storeName: string;
  paper: 58 | 80;
}

/** Reads the store's settings and currency for one call at `now`. */
export function storeEnv(db: SqliteDb, storeId: number, now: number): StoreEnv {
  const settings = readSettings(db, storeId);
  const row = prepared(db, 'SELECT currency FROM stores WHERE id = ?').get(storeId) as
    { currency: string } | undefined;
  const currency = row && isCurrencyCode(row.currency) ? row.currency : 'CNY';
  return {
    db,
    storeId,
    now,
    timeZone: settings.timeZone,
    currency,
    locale: settings.locale,
    storeName: settings.storeName,
    paper: settings.receiptWidth,
  };
}
