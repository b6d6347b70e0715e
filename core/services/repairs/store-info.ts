/** The store facts repairs need on every call: name, time zone, currency, locale, receipt width. */
import type { SqliteDb } from '../../../db/open';
import { isCurrencyCode, type CurrencyCode } from '../../../shared/domain/money/currency';
import type { SlipStore } from '../../printing/documents/repair-slips';
import { readSettings } from '../settings/settings-repo';

export interface StoreInfo extends SlipStore {
  id: number;
  currency: CurrencyCode;
}

/** Reads the store row and its settings (settings win for name, zone, locale and paper). */
export function storeInfo(db: SqliteDb, storeId: number): StoreInfo {
  const row = db.prepare('SELECT name, currency FROM stores WHERE id = ?').get(storeId) as
    { name: string; currency: string } | undefined;
  const s = readSettings(db, storeId);
  const currency = row && isCurrencyCode(row.currency) ? row.currency : 'CNY';
  return {
    id: storeId,
    name: s.storeName !== 'CounterDesk' || !row ? s.storeName : row.name,
    timeZone: s.timeZone,
    locale: s.locale,
    paper: s.receiptWidth,
    currency,
  };
}
