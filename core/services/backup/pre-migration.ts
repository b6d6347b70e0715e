/**
 * A backup taken synchronously right before migrations change an existing database
 * (`VACUUM INTO` writes a consistent, compact copy without leaving the migration's call stack).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { MigrationFile } from '../../../db/migrate/journal';
import { vacuumInto } from '../../../db/maintenance';
import type { SqliteDb } from '../../../db/open';
import { AppError } from '../../../shared/contract/errors';
import { backupDir } from './backup';

export function preMigrationBackup(dataDir: string, now: () => number) {
  return (db: SqliteDb, pending: MigrationFile[], appliedCount: number): string | null => {
    if (appliedCount === 0) return null; // a brand-new database has nothing to lose
    const dir = backupDir(dataDir);
    const file = join(
      dir,
      `counterdesk-${new Date(now())
        .toISOString()
        .replace(/[-:]/g, '')
        .replace(/\.\d+Z$/, 'Z')}-before-${pending[0]?.tag ?? 'migration'}.sqlite`,
    );
    try {
      mkdirSync(dir, { recursive: true });
      vacuumInto(db, file);
    } catch (e) {
      throw new AppError('BACKUP_BEFORE_MIGRATION_FAILED', {
        file,
        detail: e instanceof Error ? e.message : String(e),
      });
    }
    return file;
  };
}
