/** Migration 0000 creates the foundation tables on an empty file. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../db/migrate/run';
import { migrationsDir } from '../../../db/migrations-dir';
import { openSqlite } from '../../../db/open';
import { tempDir } from '../../helpers/temp-dir';

describe('migration 0000_foundation', () => {
  it('creates every foundation table on an empty database', () => {
    const db = openSqlite(join(tempDir(), 'f.sqlite'));
    expect(migrate(db, migrationsDir(), { toIdx: 0 }).applied).toEqual(['0000_foundation']);
    const tables = (
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]
    ).map((t) => t.name);
    for (const t of [
      'stores',
      'settings',
      'staff',
      'role_permissions',
      'categories',
      'products',
      'customers',
      'sales',
      'sale_lines',
      'sale_payments',
      'audit_log',
      'audit_head',
      'overrides',
      'number_sequences',
      'idempotency_keys',
      'import_batches',
    ]) {
      expect(tables, t).toContain(t);
    }
    db.close();
  });
});
