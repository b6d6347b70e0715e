/**
 * The one statement cache. Every repository builds its queries with drizzle's typed builder and
 * `.prepare()`s them once per connection through `prepared()`; the next call on the same connection
 * reuses the prepared query (no SQL re-parse, no builder work on the hot path).
 */
import type { DbClient, Orm } from '../client';

const caches = new WeakMap<Orm, Map<string, unknown>>();

/**
 * The prepared query named `key` on this connection, built by `build` on first use.
 * `key` must be unique per query across db/repositories: `<aggregate>.<what>` (e.g. `sales.byReceipt`).
 */
export function prepared<T>(db: Pick<DbClient, 'orm'>, key: string, build: (orm: Orm) => T): T {
  let cache = caches.get(db.orm);
  if (!cache) {
    cache = new Map();
    caches.set(db.orm, cache);
  }
  let q = cache.get(key) as T | undefined;
  if (q === undefined) {
    q = build(db.orm);
    cache.set(key, q);
  }
  return q;
}

/** How many prepared queries this connection holds (bench/RSS diagnostics). */
export function preparedCount(db: Pick<DbClient, 'orm'>): number {
  return caches.get(db.orm)?.size ?? 0;
}
