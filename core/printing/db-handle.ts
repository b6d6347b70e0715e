/**
 * Until every service holds the DbClient (issue #12, section 1), some callers of the print queue
 * still pass the raw better-sqlite3 handle; they get the one client wrapped around that handle, so
 * their print jobs go through the same repository and statement cache. Remove once none does.
 */
import { clientOf, type DbClient } from '../../db/client';
import type { SqliteDb } from '../../db/open';

const clients = new WeakMap<SqliteDb, DbClient>();

function isClient(db: DbClient | SqliteDb): db is DbClient {
  return 'orm' in db;
}

/** The DbClient for `db` (itself when it is one). */
export function printDb(db: DbClient | SqliteDb): DbClient {
  if (isClient(db)) return db;
  let client = clients.get(db);
  if (!client) {
    client = clientOf(db.name, db);
    clients.set(db, client);
  }
  return client;
}
