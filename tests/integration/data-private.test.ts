/** The data folder and what CounterDesk writes into it are the OS user's alone (0700 / 0600). */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dbPath } from '../../core/data-dir';
import { tempDir } from '../helpers/temp-dir';

const mode = (path: string) => (statSync(path).mode & 0o777).toString(8);

function cli(args: string[]) {
  const r = spawnSync(process.execPath, ['bin/counterdesk.mjs', ...args], {
    encoding: 'utf8',
    env: { ...process.env, COUNTERDESK_LANG: 'en-US' },
    timeout: 60_000,
  });
  return { code: r.status, err: r.stderr };
}

describe('private data folder', { timeout: 120_000 }, () => {
  it.skipIf(process.platform === 'win32')(
    'a store made in a world-readable folder ends up 0700, its database and backups 0600',
    () => {
      const dir = join(tempDir(), 'store');
      mkdirSync(dir, { mode: 0o755 });
      chmodSync(dir, 0o755);
      expect(cli(['init', '--data-dir', dir, '--admin-pin', '482913', '--admin-code', 'BOSS']).code).toBe(0);
      expect(mode(dir)).toBe('700');
      expect(mode(dbPath(dir))).toBe('600');

      chmodSync(dbPath(dir), 0o644); // e.g. copied in by hand: tightened again at the next start
      const backup = cli(['backup', '--data-dir', dir]);
      expect(backup.code, backup.err).toBe(0);
      expect(mode(dbPath(dir))).toBe('600');
      const backups = join(dir, 'backups');
      expect(mode(backups)).toBe('700');
      const files = readdirSync(backups);
      expect(files.length).toBeGreaterThan(0);
      for (const f of files) expect(mode(join(backups, f)), f).toBe('600');
    },
  );
});
