/** Where CounterDesk keeps its data, per OS convention, overridable by --data-dir or COUNTERDESK_DATA_DIR. */
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
