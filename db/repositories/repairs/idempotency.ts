/** Idempotency keys of repair commands (`idempotency_keys`): method, request hash and stored result. */
import { eq, sql } from 'drizzle-orm';
import type { DbClient } from '../../client';
import { idempotencyKeys } from '../../schema';
import { prepared } from '../statements';

/** The entry stored under a key, or undefined. */
export function idempotencyEntry(
  db: DbClient,
  key: string,
): { method: string; requestHash: string; result: string } | undefined {
  return prepared(db, 'repairs.idempotencyEntry', (orm) =>
    orm
      .select({
        method: idempotencyKeys.method,
        requestHash: idempotencyKeys.requestHash,
        result: idempotencyKeys.result,
      })
      .from(idempotencyKeys)
      .where(eq(idempotencyKeys.key, sql.placeholder('key')))
      .prepare(),
  ).get({ key });
}

/** Stores a key with its method, request hash and result JSON. */
export function insertIdempotencyEntry(
  db: DbClient,
  e: { key: string; method: string; staffId: number; requestHash: string; result: string; createdAt: number },
): void {
  prepared(db, 'repairs.insertIdempotencyEntry', (orm) =>
    orm
      .insert(idempotencyKeys)
      .values({
        key: sql.placeholder('key'),
        method: sql.placeholder('method'),
        staffId: sql.placeholder('staffId'),
        requestHash: sql.placeholder('requestHash'),
        result: sql.placeholder('result'),
        createdAt: sql.placeholder('createdAt'),
      })
      .prepare(),
  ).run(e);
}
