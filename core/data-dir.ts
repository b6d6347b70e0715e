/** Where CounterDesk keeps its data, per OS convention, overridable by --data-dir or COUNTERDESK_DATA_DIR. */
import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { homedir, platform } from 'node:os';
import { join } from 'node:path';

export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  os: NodeJS.Platform = platform(),
): string {
  if (env.COUNTERDESK_DATA_DIR) return env.COUNTERDESK_DATA_DIR;
  if (os === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'CounterDesk');
  if (os === 'darwin') return join(homedir(), 'Library', 'Application Support', 'CounterDesk');
  return join(env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'counterdesk');
}

export const DB_FILE_NAME = 'counterdesk.sqlite';

export function dbPath(dataDir: string): string {
  return join(dataDir, DB_FILE_NAME);
}

/**
 * The data folder and everything CounterDesk writes into it are the signed-in OS user's alone: the
 * folder 0700, the database (and its -wal/-shm, which SQLite creates with the database's mode) 0600,
 * and from now on this process creates files 0600 and folders 0700 (umask 077: backups, exports,
 * keys, locks). On Windows the per-user %APPDATA% ACLs do this and modes mean little: nothing to do.
 */
export function makeDataPrivate(dataDir: string, os: NodeJS.Platform = platform()): void {
  if (os === 'win32') return;
  process.umask(0o077);
  // Tightening is best effort: on a read-only medium or a folder the user does not own, opening the
  // database says what is wrong (DB_READ_ONLY, DB_DIR_UNWRITABLE) in words; chmod must not hide that.
  const tighten = (path: string, mode: number) => {
    try {
      chmodSync(path, mode);
    } catch {
      // see above
    }
  };
  try {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  } catch {
    return; // the open reports the folder it cannot create
  }
  tighten(dataDir, 0o700);
  for (const f of [dbPath(dataDir), `${dbPath(dataDir)}-wal`, `${dbPath(dataDir)}-shm`]) {
    if (existsSync(f)) tighten(f, 0o600);
  }
}
