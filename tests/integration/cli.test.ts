/** The `counterdesk` command as a script would use it: real process, real data dir, exit codes. */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeEscPos, decodedToPlainText } from '../../core/hardware/printers/escpos-decoder';
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

  it('report daily prints ESC/POS bytes that decode to the summary, CSV with a BOM; a bad date is a usage error', () => {
    const dir = tempDir();
    expect(cli(['init', '--data-dir', dir, '--admin-pin', '4321', '--store-name', 'Shop 8']).code).toBe(0);
    const bin = join(dir, 'daily.bin');
    const esc = cli([
      'report',
      'daily',
      '--date',
      '2026-11-20',
      '--format',
      'escpos',
      '--out',
      bin,
      '--data-dir',
      dir,
    ]);
    expect(esc.code, esc.err).toBe(0);
    const paper = decodedToPlainText(decodeEscPos(readFileSync(bin)).items, 48).join('\n');
    expect(paper).toContain('2026-11-20');
    expect(paper).toMatch(/CUT/);
    const csv = cli(['report', 'daily', '--date', '2026-11-20', '--format', 'csv', '--data-dir', dir]);
    expect(csv.code, csv.err).toBe(0);
    expect(csv.out.charCodeAt(0)).toBe(0xfeff);
    expect(csv.out).toContain('退款合计'); // in the store's language (zh-CN by default)
    const kpi = cli([
      'report',
      'kpi',
      '--from',
      '2026-11-01',
      '--to',
      '2026-11-20',
      '--format',
      'json',
      '--data-dir',
      dir,
    ]);
    expect(kpi.code, kpi.err).toBe(0);
    expect(JSON.parse(kpi.out)).toMatchObject({ from: '2026-11-01', to: '2026-11-20', jobsReceived: 0 });
    expect(cli(['report', 'daily', '--date', '2026-02-30', '--data-dir', dir]).code).toBe(2);
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
