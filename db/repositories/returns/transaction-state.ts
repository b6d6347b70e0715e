/** Whether this connection is inside a transaction (a caller's, or a nested call's). */
import type { DbClient } from '../../client';

export function inTransaction(db: DbClient): boolean {
  return db.sqlite.inTransaction;
}
