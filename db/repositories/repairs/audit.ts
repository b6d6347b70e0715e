/**
 * The audit row of a repair, part, bench or notification change, appended to the hash chain
 * (db/audit/chain.ts) on the same connection, inside the caller's transaction.
 */
import { appendAudit, type AuditEntry } from '../../audit/chain';
import type { DbClient } from '../../client';

/** Appends one audit row (throws outside a transaction); returns its id and hash. */
export function appendRepairAudit(db: DbClient, entry: AuditEntry): { id: number; hash: string } {
  return appendAudit(db.sqlite, entry);
}
