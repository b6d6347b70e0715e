/**
 * First-run set-up of a store: the store row, default settings, the role → permission table
 * and (optionally) an admin. Idempotent: running it again changes nothing that exists.
 */
import type { DbClient } from '../../db/client';
import { grantPermission } from '../../db/repositories/staff/staff';
import { DEFAULT_SETTINGS, writeSettings } from '../../db/repositories/store/settings';
import { firstStoreId } from '../../db/repositories/store/store-facts';
import { insertStore } from '../../db/repositories/store/stores';
import { ROLE_DEFAULTS, ROLES } from '../../shared/contract/permissions';
import type { Locale } from '../../shared/i18n/types';

export interface StoreSeed {
  code: string;
  name: string;
  timeZone: string;
  currency: string;
  locale: Locale;
  demo: boolean;
}

export function ensureStore(db: DbClient, seed: StoreSeed, now: number): number {
  return db.transaction(() => {
    const existing = firstStoreId(db);
    if (existing !== null) {
      syncRolePermissions(db);
      return existing;
    }
    const storeId = insertStore(db, { ...seed, createdAt: now });
    writeSettings(
      db,
      storeId,
      { ...DEFAULT_SETTINGS, storeName: seed.name, timeZone: seed.timeZone, locale: seed.locale },
      now,
    );
    syncRolePermissions(db);
    return storeId;
  });
}

/** Adds any default permission a role lacks (new permissions arrive with app updates). */
export function syncRolePermissions(db: DbClient): void {
  for (const role of ROLES) for (const p of ROLE_DEFAULTS[role]) grantPermission(db, role, p);
}
