/**
 * Document numbers like `R-20261123-0001`: per store, kind and business day, allocated inside
 * the caller's transaction so a rolled-back change leaves no gap.
 */
import type { Statement } from 'better-sqlite3';
import type { DbClient } from './client';
import type { SqliteDb } from './open';

const cache = new WeakMap<SqliteDb, Statement>();

/** The next number of `kind` on `day` (1, 2, …), inside the caller's transaction. */
export function nextSequence(
  client: Pick<DbClient, 'sqlite'>,
  storeId: number,
  kind: string,
  day: string,
): number {
  const db = client.sqlite;
  if (!db.inTransaction) throw new Error('nextSequence must run inside a transaction');
  let stmt = cache.get(db);
  if (!stmt) {
    stmt = db.prepare(
      `INSERT INTO number_sequences (store_id, kind, day, last_value) VALUES (?, ?, ?, 1)
       ON CONFLICT(store_id, kind, day) DO UPDATE SET last_value = last_value + 1
       RETURNING last_value AS value`,
    );
    cache.set(db, stmt);
  }
  return (stmt.get(storeId, kind, day) as { value: number }).value;
}

/** `R` + `2026-11-23` + 7 → `R-20261123-0007` (more digits once a day passes 9999). */
export function formatDocumentNumber(prefix: string, day: string, n: number): string {
  return `${prefix}-${day.replaceAll('-', '')}-${String(n).padStart(4, '0')}`;
}
