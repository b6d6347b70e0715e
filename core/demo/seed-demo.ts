/**
 * Fills a new store with the demo data a first run shows: staff of every role (PINs printed
 * on the sign-in screen), and — from seed-demo-sales — catalog, customers and ~90 days of sales.
 */
import type { DbClient } from '../../db/client';
import { readDemoCredentials, storeDemoCredentials } from '../../db/repositories/staff/demo-credentials';
import { writeSettings } from '../../db/repositories/store/settings';
import { createStaff } from '../store/create-staff';
import { DEMO_STAFF } from './demo-staff';

export interface DemoSeedResult {
  staff: number;
}

export function seedDemoStaff(db: DbClient, storeId: number, now: number): DemoSeedResult {
  for (const s of DEMO_STAFF) createStaff(db, storeId, s, now, null);
  storeDemoCredentials(
    db,
    storeId,
    JSON.stringify(DEMO_STAFF.map(({ code, name, role, pin }) => ({ code, name, role, pin }))),
    now,
  );
  writeSettings(db, storeId, {}, now);
  return { staff: DEMO_STAFF.length };
}

/** Demo PINs to print on the sign-in screen; only a demo store has them. */
export function demoCredentials(
  db: DbClient,
  storeId: number,
): { code: string; name: string; role: string; pin: string }[] {
  const value = readDemoCredentials(db, storeId);
  if (value === null) return [];
  try {
    return JSON.parse(value) as { code: string; name: string; role: string; pin: string }[];
  } catch {
    return [];
  }
}
