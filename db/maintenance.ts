/**
 * WAL checkpoints off the commit path. SQLite's automatic checkpoint runs inside whichever commit
 * crosses the threshold (1000 pages by default), so one return commit in ~50 pays for copying the
 * WAL back and fsyncing the database file — the p99 of a commit. Here the automatic checkpoint is
 * only a backstop (10,000 pages ≈ 40 MB) and a PASSIVE checkpoint runs on a timer while the counter
 * is idle between calls (it never waits for readers or blocks a writer). Durability is unchanged:
 * a commit is durable once its WAL frames are fsynced (synchronous=FULL).
 */
import type { DbClient } from './client';

/** Pages in the WAL before a commit checkpoints by itself (the backstop). */
export const WAL_BACKSTOP_PAGES = 10_000;

/** Starts the idle checkpoints on a writable connection; returns the stop function. */
export function startWalCheckpointer(client: Pick<DbClient, 'sqlite'>, everyMs = 5_000): () => void {
  const db = client.sqlite;
  if (db.readonly) return () => undefined;
  db.pragma(`wal_autocheckpoint = ${WAL_BACKSTOP_PAGES}`);
  const timer = setInterval(() => {
    try {
      db.pragma('wal_checkpoint(PASSIVE)');
    } catch {
      // busy or closing: the next tick (or the backstop) does it
    }
  }, everyMs);
  timer.unref?.();
  return () => clearInterval(timer);
}
