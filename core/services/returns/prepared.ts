/** Prepared statements cached per connection, so the hot paths never re-parse SQL. */
import type { Statement } from 'better-sqlite3';
import type { SqliteDb } from '../../../db/open';

const caches = new WeakMap<SqliteDb, Map<string, Statement>>();

/** The prepared statement for `sql` on `db` (prepared once per connection). */
export function prepared(db: SqliteDb, sql: string): Statement {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let stmt = cache.get(sql);
  if (!stmt) {
    stmt = db.prepare(sql);
    cache.set(sql, stmt);
  }
  return stmt;
}
