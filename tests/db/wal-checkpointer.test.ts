import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSqlite } from '../../db/open';
import { startWalCheckpointer, WAL_BACKSTOP_PAGES } from '../../db/maintenance';
import { tempDir } from '../helpers/temp-dir';
import { waitFor } from '../helpers/wait-for';

describe('WAL checkpoints off the commit path', () => {
  it('commits do not checkpoint by themselves; the idle timer copies the WAL into the database file', async () => {
    const file = join(tempDir(), 'wal.sqlite');
    const db = openSqlite(file);
    const stop = startWalCheckpointer({ sqlite: db }, 50);
    try {
      expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(WAL_BACKSTOP_PAGES);
      db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT)');
      const ins = db.prepare('INSERT INTO t (body) VALUES (?)');
      const before = statSync(file).size;
      // 1,500 one-row commits of ~1 KB: more than the default 1,000-page threshold, all in one tick.
      for (let i = 0; i < 1500; i++) db.transaction(() => ins.run('x'.repeat(1000)))();
      expect(statSync(file).size).toBe(before); // nothing was checkpointed inside a commit
      await waitFor(() => statSync(file).size > 1_000_000, 'the idle checkpoint', 5_000);
      expect((db.prepare('SELECT count(*) AS n FROM t').get() as { n: number }).n).toBe(1500);
    } finally {
      stop();
      db.close();
    }
  });
});
