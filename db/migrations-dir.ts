/** Where the shipped migration folder is, in source checkouts, the web host and Electron builds. */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export function migrationsDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [
    process.env.COUNTERDESK_MIGRATIONS,
    join(here, 'migrations'), // db/ in source (tsx, vitest)
    resolve(here, '../../db/migrations'), // out/main in an electron-vite build run from the project
    resolve(process.cwd(), 'db/migrations'),
    (process as { resourcesPath?: string }).resourcesPath
      ? join((process as { resourcesPath?: string }).resourcesPath as string, 'migrations')
      : undefined,
  ];
  for (const c of candidates) {
    if (c && existsSync(join(c, 'meta', '_journal.json'))) return c;
  }
  throw new Error(
    `CounterDesk migrations folder not found (looked in ${candidates.filter(Boolean).join(', ')})`,
  );
}
