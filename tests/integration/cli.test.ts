/** The `counterdesk` command as a script would use it: real process, real data dir, exit codes. */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir';

function cli(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, ['bin/counterdesk.mjs', ...args], {
    encoding: 'utf8',
    env: { ...process.env, COUNTERDESK_LANG: 'en-US', ...env },
    timeout: 60_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('counterdesk CLI', { timeout: 120_000 }, () => {
  it('lists contract methods with JSON Schemas', () => {
    const r = cli(['methods', '--json']);
    expect(r.code).toBe(0);
    const list = JSON.parse(r.out) as { name: string; access: string; input: { type?: string } }[];
    const signIn = list.find((m) => m.name === 'auth.signIn');
    expect(signIn).toMatchObject({ access: 'public', input: { type: 'object' } });
    expect(JSON.stringify(signIn?.input)).toContain('pin');
  });

  it('init creates a store with an admin; call goes through sign-in and permission checks', () => {
    const dir = tempDir();
    const init = cli([
      'init',
      '--data-dir',
      dir,
      '--admin-pin',
      '4321',
      '--admin-code',
      'BOSS',
      '--store-name',
      'Shop 7',
    ]);
    expect(init.code, init.err).toBe(0);
    expect(init.out).toMatch(/admin staff code BOSS/);
    expect(cli(['init', '--data-dir', dir, '--admin-pin', '4321']).code).toBe(1);

    const ok = cli(['call', 'settings.get', '{}', '--data-dir', dir, '--staff', 'BOSS', '--pin', '4321']);
    expect(ok.code, ok.err).toBe(0);
    expect(JSON.parse(ok.out)).toMatchObject({ storeName: 'Shop 7', timeZone: 'Asia/Shanghai' });

    const wrong = cli(['call', 'settings.get', '{}', '--data-dir', dir, '--staff', 'BOSS', '--pin', '0000']);
    expect(wrong.code).toBe(1);
    expect(wrong.err).toMatch(/AUTH_FAILED/);

    const badJson = cli([
      'call',
      'settings.update',
      '{oops',
      '--data-dir',
      dir,
      '--staff',
      'BOSS',
      '--pin',
      '4321',
    ]);
    expect(badJson.code).toBe(2);
    expect(badJson.err).toMatch(/CLI_BAD_JSON/);

    const badInput = cli([
      'call',
      'settings.update',
      '{"receiptWidth":57}',
      '--data-dir',
      dir,
      '--staff',
      'BOSS',
      '--pin',
      '4321',
      '--json',
    ]);
    expect(badInput.code).toBe(1);
    expect(JSON.parse(badInput.err)).toMatchObject({ error: { code: 'INVALID_INPUT' } });

    const audit = cli(['verify-audit', '--data-dir', dir, '--json']);
    expect(audit.code).toBe(0);
    expect(JSON.parse(audit.out)).toMatchObject({ ok: true });
  });

  it('refuses to work on a data dir with no store and on a file that is not a database', () => {
    const dir = tempDir();
    const r = cli(['verify-audit', '--data-dir', dir]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/STORE_NOT_INITIALISED/);
    const junk = tempDir();
    writeFileSync(join(junk, 'counterdesk.sqlite'), 'garbage'.repeat(1000));
    const j = cli(['verify-audit', '--data-dir', junk]);
    expect(j.code).toBe(1);
    expect(j.err).toMatch(/DB_NOT_SQLITE/);
  });

  it('unknown commands and missing arguments are usage errors (exit 2)', () => {
    expect(cli(['frobnicate']).code).toBe(2);
    expect(cli([]).code).toBe(2);
    expect(cli(['import-sales']).code).toBe(2);
  });
});
