/**
 * What the returns service needs to know about the store: time zone, currency, slip locale and
 * paper, store name. Read on every call (settings can change at any time) with one prepared
 * statement; the parsed result is reused while the stored rows are unchanged, so a commit does not
 * pay for re-validating settings it has already seen.
 */
import type { SqliteDb } from '../../../db/open';
import { storeSettings } from '../../../shared/contract/methods/settings';
import { isCurrencyCode, type CurrencyCode } from '../../../shared/domain/money/currency';
import type { Locale } from '../../../shared/i18n/types';
import { DEFAULT_SETTINGS } from '../settings/settings-repo';
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

type StoreFacts = Omit<StoreEnv, 'db' | 'storeId' | 'now'>;

const SETTINGS_SQL = `SELECT s.key, s.value, st.currency FROM stores st
  LEFT JOIN settings s ON s.store_id = st.id WHERE st.id = ? ORDER BY s.key`;

const memo = new WeakMap<SqliteDb, { raw: string; facts: StoreFacts }>();

/** Parses the rows the way settings-repo does: defaults, stored JSON over them, one schema check. */
function parseFacts(rows: { key: string | null; value: string | null; currency: string }[]): StoreFacts {
  const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const r of rows) {
    if (r.key === null || r.value === null || !(r.key in DEFAULT_SETTINGS)) continue;
    try {
      merged[r.key] = JSON.parse(r.value);
    } catch {
      // a damaged value falls back to the default
    }
  }
  const parsed = storeSettings.safeParse(merged);
  const s = parsed.success ? parsed.data : DEFAULT_SETTINGS;
  const currency = rows[0]?.currency ?? 'CNY';
  return {
    timeZone: s.timeZone,
    locale: s.locale,
    storeName: s.storeName,
    paper: s.receiptWidth,
    currency: isCurrencyCode(currency) ? currency : 'CNY',
  };
}

/** The store's settings and currency for one call at `now`. */
export function storeEnv(db: SqliteDb, storeId: number, now: number): StoreEnv {
  const rows = prepared(db, SETTINGS_SQL).all(storeId) as {
    key: string | null;
    value: string | null;
    currency: string;
  }[];
  let raw = `${storeId}`;
  for (const r of rows) raw += `\u0000${r.key ?? ''}\u0001${r.value ?? ''}\u0001${r.currency}`;
  let cached = memo.get(db);
  if (!cached || cached.raw !== raw) {
    cached = { raw, facts: parseFacts(rows) };
    memo.set(db, cached);
  }
  return { db, storeId, now, ...cached.facts };
}
