/**
 * First-run set-up of a store: the store row, default settings, the role → permission table
 * and (optionally) an admin. Idempotent: running it again changes nothing that exists.
 */
import type { SqliteDb } from '../../db/open';
import { ROLE_DEFAULTS, ROLES } from '../../shared/contract/permissions';
import type { Locale } from '../../shared/i18n/types';
import { DEFAULT_SETTINGS, writeSettings } from '../services/settings/settings-repo';

export interface StoreSeed {
  code: string;
  name: string;
  timeZone: string;
  currency: string;
  locale: Locale;
  demo: boolean;
}

export function ensureStore(db: SqliteDb, seed: StoreSeed, now: number): number {
  return db.transaction(() => {
    const existing = db.prepare('SELECT id FROM stores ORDER BY id LIMIT 1').get() as
      { id: number } | undefined;
    if (existing) {
      syncRolePermissions(db);
      return existing.id;
    }
    const info = db
      .prepare(
        'INSERT INTO stores (code, name, time_zone, currency, locale, demo, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      )
      .run(seed.code, seed.name, seed.timeZone, seed.currency, seed.locale, seed.demo ? 1 : 0, now);
    const storeId = Number(info.lastInsertRowid);
    writeSettings(
      db,
      storeId,
      { ...DEFAULT_SETTINGS, storeName: seed.name, timeZone: seed.timeZone, locale: seed.locale },
      now,
    );
    syncRolePermissions(db);
    return storeId;
  })();
}

/** Adds any default permission a role lacks (new permissions arrive with app updates). */
export function syncRolePermissions(db: SqliteDb): void {
  const ins = db.prepare('INSERT OR IGNORE INTO role_permissions (role, permission) VALUES (?, ?)');
  for (const role of ROLES) for (const p of ROLE_DEFAULTS[role]) ins.run(role, p);
}

export function storeRow(db: SqliteDb, storeId: number) {
  return db
    .prepare('SELECT id, code, name, time_zone AS timeZone, currency, locale, demo FROM stores WHERE id = ?')
    .get(storeId) as {
    id: number;
    code: string;
    name: string;
    timeZone: string;
    currency: string;
    locale: Locale;
    demo: number;
  };
}
