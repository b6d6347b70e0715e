/**
 * Store settings: key → JSON rows, merged over the defaults and validated on the way in and out.
 * A damaged or unknown value falls back to its default; the parsed result is reused while the
 * stored rows are unchanged, so hot paths (a return commit) do not re-validate settings they have seen.
 */
import { and, eq, sql } from 'drizzle-orm';
import { storeSettings, type StoreSettings } from '../../../shared/contract/methods/settings';
import type { DbClient } from '../../client';
import { settings } from '../../schema';
import { prepared } from '../statements';

export const DEFAULT_SETTINGS: StoreSettings = {
  storeName: 'CounterDesk',
  timeZone: 'Asia/Shanghai',
  locale: 'zh-CN',
  receiptWidth: 80,
  badgeSignIn: true,
  lockoutAttempts: 5,
  lockoutMinutes: 5,
  approvalFourEyes: true,
  terminalFailureLimit: 10,
  idleLockMinutes: 10,
};

const memo = new WeakMap<object, { raw: string; value: StoreSettings }>();

/**
 * Bumped by every write of this process to the settings or the store row (writeSettings and the
 * stores repository), so facts cached from them are read again; writes by another connection show
 * in `db.dataVersion()` instead.
 */
let storeWrites = 0;
export function storeWritten(): void {
  storeWrites += 1;
}
export function storeWriteCount(): number {
  return storeWrites;
}

function parse(rows: readonly { key: string; value: string }[]): StoreSettings {
  const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const r of rows) {
    if (!(r.key in DEFAULT_SETTINGS)) continue;
    try {
      merged[r.key] = JSON.parse(r.value);
    } catch {
      // a damaged value falls back to the default
    }
  }
  const parsed = storeSettings.safeParse(merged);
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

/** The store's settings (defaults where nothing valid is stored). */
export function readSettings(db: DbClient, storeId: number): StoreSettings {
  const rows = prepared(db, 'settings.ofStore', (orm) =>
    orm
      .select({ key: settings.key, value: settings.value })
      .from(settings)
      .where(eq(settings.storeId, sql.placeholder('storeId')))
      .orderBy(settings.key)
      .prepare(),
  ).all({ storeId });
  let raw = `${storeId}`;
  for (const r of rows) raw += `\u0000${r.key}\u0001${r.value}`;
  const cached = memo.get(db.orm);
  if (cached && cached.raw === raw) return cached.value;
  const value = parse(rows);
  memo.set(db.orm, { raw, value });
  return value;
}

/** Stores the given settings (the caller validated them and owns the transaction and its audit row). */
export function writeSettings(
  db: DbClient,
  storeId: number,
  patch: Partial<StoreSettings>,
  now: number,
): void {
  for (const [key, v] of Object.entries(patch)) {
    if (v !== undefined) putSettingValue(db, storeId, key, JSON.stringify(v), now);
  }
  storeWritten();
}

/**
 * The stored text of settings row `key` of the store, or undefined: the one read of a single row,
 * for areas that keep their own JSON under their own key (`backup.schedule`, `repairs.skills`).
 */
export function settingValue(db: DbClient, storeId: number, key: string): string | undefined {
  return prepared(db, 'settings.value', (orm) =>
    orm
      .select({ value: settings.value })
      .from(settings)
      .where(and(eq(settings.storeId, sql.placeholder('storeId')), eq(settings.key, sql.placeholder('key'))))
      .prepare(),
  ).get({ storeId, key })?.value;
}

/** Stores `value` as settings row `key` of the store (insert or replace); the caller owns the transaction. */
export function putSettingValue(
  db: DbClient,
  storeId: number,
  key: string,
  value: string,
  now: number,
): void {
  prepared(db, 'settings.upsert', (orm) =>
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
