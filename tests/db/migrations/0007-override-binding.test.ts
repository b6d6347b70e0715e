/**
 * Upgrade test for 0007 (issue #13, approvals): overrides gain the approved request's hash, the
 * expected total and a self-approved flag. Grants written by older versions keep their rows, read as
 * unbound (null hash) and not self-approved; an unconsumed old grant can no longer pay a return
 * (returns.commit refuses a grant without the request's hash).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../db/migrate/run';
import { migrationsDir } from '../../../db/migrations-dir';
import { openSqlite } from '../../../db/open';
import { tempDir } from '../../helpers/temp-dir';

describe('migration 0007_override_binding', () => {
  it('adds request_hash, expected_total_minor, self_approved; old rows read unbound and not self-approved', () => {
    const db = openSqlite(join(tempDir(), 'u7.sqlite'));
    migrate(db, migrationsDir(), { toIdx: 6 });
    db.prepare(
      `INSERT INTO overrides (at, store_id, action, manager_id, requested_by, reason_code, note, token_hash, expires_at)
       VALUES (1, 1, 'returns.commit', 2, 1, 'goodwill', '', 'abc', 120001)`,
    ).run();
    expect(migrate(db, migrationsDir(), { toIdx: 7 }).applied).toEqual(['0007_override_binding']);
    expect(
      db
        .prepare(
          'SELECT action, request_hash AS h, expected_total_minor AS t, self_approved AS s FROM overrides',
        )
        .all(),
    ).toEqual([{ action: 'returns.commit', h: null, t: null, s: 0 }]);
    expect(migrate(db, migrationsDir()).applied).toEqual([]);
    db.close();
  });
});
