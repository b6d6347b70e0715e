/**
 * Fills a new store with the demo data a first run shows: staff of every role (PINs printed
 * on the sign-in screen), and — from seed-demo-sales — catalog, customers and ~90 days of sales.
 */
import type { SqliteDb } from '../../db/open';
import { createStaff } from '../store/create-staff';
import { writeSettings } from '../services/settings/settings-repo';
import { DEMO_STAFF } from './demo-staff';

export interface DemoSeedResult {
  staff: number;
}

export function seedDemoStaff(db: SqliteDb, storeId: number, now: number): DemoSeedResult {
  for (const s of DEMO_STAFF) createStaff(db, storeId, s, now, null);
  db.prepare(
    `INSERT INTO settings (store_id, key, value, updated_at) VALUES (?, 'demo.credentials', ?, ?)
     ON CONFLICT(store_id, key) DO NOTHING`,
  ).run(
    storeId,
    JSON.stringify(DEMO_STAFF.map(({ code, name, role, pin }) => ({ code, name, role, pin }))),
    now,
  );
  writeSettings(db, storeId, {}, now);
  return { staff: DEMO_STAFF.length };
}

/** Demo PINs to print on the sign-in screen; only a demo store has them. */
export function demoCredentials(
  db: SqliteDb,
  storeId: number,
): { code: string; name: string; role: string; pin: string }[] {
  const row = db
    .prepare(`SELECT value FROM settings WHERE store_id = ? AND key = 'demo.credentials'`)
    .get(storeId) as { value: string } | undefined;
  if (!row) return [];
  try {
    return JSON.parse(row.value) as { code: string; name: string; role: string; pin: string }[];
  } catch {
    return [];
  }
}
