/**
 * A restore chosen on the Settings screen cannot swap the database under a running counter, so it
 * is staged: the backup is verified and `restore-pending.json` is written into the data folder.
 * The next start applies it before the data is opened (restore.ts: the current data is first kept
 * aside as a `before-restore` backup), records `backup.restored` in the restored audit chain, and
 * removes the marker whatever happened — a backup that fails at that point is reported and the
 * current data opens unchanged, so a bad file can never trap the app in a restart loop.
 */
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { appendAudit } from '../../../db/audit/chain';
import { openDatabase } from '../../../db/client';
import { lowestStoreId, staffExists } from '../../../db/repositories/backup/restore-facts';
import { dbPath } from '../../data-dir';
import { backupDir, verifyDatabaseFile } from './backup';
import { restoreBackup, type RestoreResult } from './restore';

export const PENDING_RESTORE_FILE = 'restore-pending.json';

export interface PendingRestore {
  name: string;
  stagedAt: number;
  staffId: number;
  staffName: string;
}

const markerPath = (dataDir: string): string => join(dataDir, PENDING_RESTORE_FILE);

/** Verifies `name` in the backups folder and stages it for the next start; returns its audit row count. */
export function stageRestore(
  dataDir: string,
  name: string,
  staff: { id: number; name: string },
  now: number,
): { auditRows: number } {
  const file = join(backupDir(dataDir), name);
  const { auditRows } = verifyDatabaseFile(file);
  const marker: PendingRestore = { name, stagedAt: now, staffId: staff.id, staffName: staff.name };
  const tmp = `${markerPath(dataDir)}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(marker)}\n`);
  renameSync(tmp, markerPath(dataDir));
  return { auditRows };
}

/** The staged restore, or null (also for a damaged marker). */
export function readPendingRestore(dataDir: string): PendingRestore | null {
  try {
    const v = JSON.parse(readFileSync(markerPath(dataDir), 'utf8')) as Partial<PendingRestore>;
    if (typeof v.name !== 'string' || !/^counterdesk-[A-Za-z0-9_-]+\.sqlite$/.test(v.name)) return null;
    return {
      name: v.name,
      stagedAt: Number(v.stagedAt) || 0,
      staffId: Number(v.staffId) || 0,
      staffName: String(v.staffName ?? ''),
    };
  } catch {
    return null;
  }
}

/** Removes a staged restore; true when there was one. */
export function cancelPendingRestore(dataDir: string): boolean {
  const had = existsSync(markerPath(dataDir));
  rmSync(markerPath(dataDir), { force: true });
  return had;
}

export type AppliedRestore =
  | { applied: false }
  | { applied: true; ok: true; name: string; result: RestoreResult }
  | { applied: true; ok: false; name: string; error: unknown };

/**
 * Writes `backup.restored` into the restored database's audit chain (the Settings restore at the
 * next start, and `counterdesk restore`): the backup's name, who (when that staff member exists in
 * the restored data), the file the replaced database was kept as, and the rows verified.
 */
export function recordRestore(
  dataDir: string,
  entry: { name: string; staffId: number | null; data: Record<string, unknown>; result: RestoreResult },
  now: number,
): void {
  const client = openDatabase(dbPath(dataDir));
  try {
    const staffKnown = entry.staffId !== null && entry.staffId > 0 && staffExists(client, entry.staffId);
    const storeId = lowestStoreId(client) ?? 1;
    client.transaction(() =>
      appendAudit(client, {
        at: now,
        storeId,
        staffId: staffKnown ? entry.staffId : null,
        action: 'backup.restored',
        entityType: 'backup',
        entityId: entry.name,
        data: {
          ...entry.data,
          previousKeptAs: entry.result.previousKeptAs
            ? (entry.result.previousKeptAs.split(/[\\/]/).pop() ?? null)
            : null,
          auditRows: entry.result.auditRows,
        },
      }),
    );
  } finally {
    client.close();
  }
}

/** Applies a staged restore before the host opens the data (see the file comment). */
export async function applyPendingRestore(dataDir: string, now: number): Promise<AppliedRestore> {
  const pending = readPendingRestore(dataDir);
  if (!pending) {
    rmSync(markerPath(dataDir), { force: true }); // a damaged marker must not linger
    return { applied: false };
  }
  rmSync(markerPath(dataDir), { force: true });
  try {
    const result = await restoreBackup(dataDir, join(backupDir(dataDir), pending.name), now);
    recordRestore(
      dataDir,
      {
        name: pending.name,
        staffId: pending.staffId,
        data: { stagedAt: pending.stagedAt, stagedBy: pending.staffName },
        result,
      },
      now,
    );
    return { applied: true, ok: true, name: pending.name, result };
  } catch (error) {
    return { applied: true, ok: false, name: pending.name, error };
  }
}

/** One line for the host's log about what `applyPendingRestore` did (nothing when nothing was staged). */
export function describeAppliedRestore(r: AppliedRestore): string | null {
  if (!r.applied) return null;
  if (r.ok) {
    const kept = r.result.previousKeptAs?.split(/[\\/]/).pop() ?? 'nothing';
    return `CounterDesk restored backup ${r.name} (${r.result.auditRows} audit rows verified; the previous data was kept as ${kept})`;
  }
  const code =
    (r.error as { code?: string }).code ?? (r.error instanceof Error ? r.error.message : String(r.error));
  return `CounterDesk could not restore backup ${r.name} (${code}); the current data opens unchanged`;
}
