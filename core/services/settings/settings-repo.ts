/** Store settings as key → JSON rows, merged over defaults and validated on the way in and out. */
import { storeSettings, type StoreSettings } from '../../../shared/contract/methods/settings';
import type { SqliteDb } from '../../../db/open';

export const DEFAULT_SETTINGS: StoreSettings = {
  storeName: 'CounterDesk',
  timeZone: 'Asia/Shanghai',
  locale: 'zh-CN',
  receiptWidth: 80,
  badgeSignIn: true,
  lockoutAttempts: 5,
  lockoutMinutes: 5,
};

export function readSettings(db: SqliteDb, storeId: number): StoreSettings {
  const rows = db.prepare('SELECT key, value FROM settings WHERE store_id = ?').all(storeId) as {
    key: string;
    value: string;
  }[];
  const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const r of rows) {
    if (r.key in DEFAULT_SETTINGS) {
      try {
        merged[r.key] = JSON.parse(r.value);
      } catch {
        // a damaged value falls back to the default
      }
    }
  }
  const parsed = storeSettings.safeParse(merged);
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

export function writeSettings(
  db: SqliteDb,
  storeId: number,
  patch: Partial<StoreSettings>,
  now: number,
): void {
  const stmt = db.prepare(
    `INSERT INTO settings (store_id, key, value, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT(store_id, key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  );
  for (const [k, v] of Object.entries(patch)) {
    if (v !== undefined) stmt.run(storeId, k, JSON.stringify(v), now);
  }
}
