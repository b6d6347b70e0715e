/**
 * Idempotent commands (intake, pickup): the key, the method and a hash of the request are kept in
 * `idempotency_keys` with the result, in the command's own transaction. The same key and request
 * again returns the stored result; the same key with a different request is refused.
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from '../../../db/audit/canonical';
import type { DbClient } from '../../../db/client';
import { idempotencyEntry, insertIdempotencyEntry } from '../../../db/repositories/repairs/idempotency';
import { AppError } from '../../../shared/contract/errors';

/** SHA-256 of the request without its key (canonical JSON, so key order does not matter). */
export function requestHash(input: Record<string, unknown>): string {
  const { idempotencyKey: _key, ...rest } = input;
  return createHash('sha256').update(canonicalJson(rest)).digest('hex');
}

/** The stored result of an earlier identical request, or null; REPAIR_IDEMPOTENCY_CONFLICT if it differed. */
export function storedResult<T>(db: DbClient, key: string, method: string, hash: string): T | null {
  const row = idempotencyEntry(db, key);
  if (!row) return null;
  if (row.method !== method || row.requestHash !== hash)
    throw new AppError('REPAIR_IDEMPOTENCY_CONFLICT', { key });
  return JSON.parse(row.result) as T;
}

/** Records the result of a request under its key (inside the command's transaction). */
export function storeResult(
  db: DbClient,
  entry: { key: string; method: string; hash: string; staffId: number; result: unknown; now: number },
): void {
  insertIdempotencyEntry(db, {
    key: entry.key,
    method: entry.method,
    staffId: entry.staffId,
    requestHash: entry.hash,
    result: JSON.stringify(entry.result),
    createdAt: entry.now,
  });
}
