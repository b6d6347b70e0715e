/** The `counterdesk` command as a script would use it: real process, real data dir, exit codes. */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { dbPath } from '../../core/data-dir';
import { decodeEscPos, decodedToPlainText } from '../../core/hardware/printers/escpos-decoder';
import { tempDir } from '../helpers/temp-dir';
import { posSalesJson } from '../reliability/helpers/pos-sales';

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
      '654321',
      '--admin-code',
      'BOSS',
      '--store-name',
      'Shop 7',
    ]);
    expect(init.code, init.err).toBe(0);
    expect(init.out).toMatch(/admin staff code BOSS/);
    expect(cli(['init', '--data-dir', dir, '--admin-pin', '654321']).code).toBe(1);

    const ok = cli(['call', 'settings.get', '{}', '--data-dir', dir, '--staff', 'BOSS', '--pin', '654321']);
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
      '654321',
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
      '654321',
      '--json',
    ]);
    expect(badInput.code).toBe(1);
    expect(JSON.parse(badInput.err)).toMatchObject({ error: { code: 'INVALID_INPUT' } });

    const audit = cli(['verify-audit', '--data-dir', dir, '--json']);
    expect(audit.code).toBe(0);
    expect(JSON.parse(audit.out)).toMatchObject({ ok: true });
  });

  it('INVALID_INPUT names the field and the rule (en-US and zh-CN); a return number as receipt says so', () => {
    const dir = tempDir();
    expect(cli(['init', '--data-dir', dir, '--admin-pin', '654321', '--admin-code', 'BOSS']).code).toBe(0);
    const call = (method: string, input: string, env: Record<string, string> = {}, json = false) =>
      cli(
        [
          'call',
          method,
          input,
          '--data-dir',
          dir,
          '--staff',
          'BOSS',
          '--pin',
          '654321',
          ...(json ? ['--json'] : []),
        ],
        env,
      );

    const missing = call('sales.byReceipt', '{}');
    expect(missing.code).toBe(1);
    expect(missing.err.trim()).toBe('INVALID_INPUT: Some input is not valid: receipt number: is required');
    const zh = call('sales.byReceipt', '{"receiptNo":"S-1","x":1}', { COUNTERDESK_LANG: 'zh-CN' });
    expect(zh.err.trim()).toBe('INVALID_INPUT: 输入内容不正确：请求：含有不接受的字段：“x”');
    const asJson = call('sales.byReceipt', `{"receiptNo":"${'S'.repeat(70)}"}`, {}, true);
    expect(JSON.parse(asJson.err)).toMatchObject({
      error: {
        code: 'INVALID_INPUT',
        details: { issues: [{ path: 'receiptNo', rule: 'too_long', limit: 64, at: ['receiptNo'] }] },
        message: 'Some input is not valid: receipt number: is too long: at most 64 characters',
      },
    });

    const ret = call('returns.saleForReturn', '{"receiptNo":"R-20261123-0001"}');
    expect(ret.code).toBe(1);
    expect(ret.err).toMatch(/SALE_NOT_FOUND: R-20261123-0001 is a return number, not a sale receipt number/);
  });

  it('report daily prints ESC/POS bytes that decode to the summary, CSV with a BOM; a bad date is a usage error', () => {
    const dir = tempDir();
    expect(cli(['init', '--data-dir', dir, '--admin-pin', '654321', '--store-name', 'Shop 8']).code).toBe(0);
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

  it('refuses an option the command does not take, names it and does nothing; bad JSON says where', () => {
    const dir = tempDir();
    expect(cli(['init', '--data-dir', dir, '--admin-pin', '654321', '--admin-code', 'BOSS']).code).toBe(0);
    const wrongDir = tempDir();
    const restore = cli(['restore', join(dir, 'nothing.sqlite'), '--dat-dir', wrongDir]);
    expect(restore.code).toBe(2);
    expect(restore.err).toContain('restore does not take --dat-dir; nothing was done');
    expect(readdirSync(wrongDir)).toEqual([]);
    const backup = cli(['backup', '--data-dir', dir, '--out', join(wrongDir, 'b.sqlite')]);
    expect(backup.code).toBe(2);
    expect(backup.err).toContain('backup does not take --out');
    expect(existsSync(join(dir, 'backups')) ? readdirSync(join(dir, 'backups')) : []).toEqual([]);
    const zh = cli(['backup', '--data-dir', dir, '--keeep', '3'], { COUNTERDESK_LANG: 'zh-CN' });
    expect(zh.err).toContain('命令 backup 没有这些选项：--keeep');

    const bad = cli([
      'call',
      'settings.get',
      '{"a": 1,,}',
      '--data-dir',
      dir,
      '--staff',
      'BOSS',
      '--pin',
      '654321',
    ]);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/not valid JSON \(line 1, character 9, near .*1,,}/);
  });

  it('stops quietly when its output is piped into a reader that closes early (| head)', () => {
    const r = spawnSync('sh', ['-c', `"${process.execPath}" bin/counterdesk.mjs methods | head -c 10`], {
      encoding: 'utf8',
      env: { ...process.env, COUNTERDESK_LANG: 'en-US' },
      timeout: 60_000,
    });
    expect(r.stdout).toHaveLength(10);
    expect(r.stderr).not.toMatch(/EPIPE|Error/);
  });

  /** A store with an admin (BOSS / 654321) and `sales` imported sales; returns its data dir. */
  function storeWithSales(sales: number): string {
    const dir = tempDir();
    expect(cli(['init', '--data-dir', dir, '--admin-pin', '654321', '--admin-code', 'BOSS']).code).toBe(0);
    const file = join(tempDir(), 'pos.json');
    writeFileSync(file, posSalesJson('cli-a', sales));
    const imported = cli(['import-sales', file, '--data-dir', dir, '--staff', 'BOSS', '--pin', '654321']);
    expect(imported.code, imported.err).toBe(0);
    return dir;
  }
  const salesIn = (dir: string): number => {
    const db = new Database(dbPath(dir), { readonly: true });
    try {
      return (db.prepare('SELECT count(*) AS n FROM sales').get() as { n: number }).n;
    } finally {
      db.close();
    }
  };

  it('backup writes a verified copy; restore FILE verifies it, keeps the current data aside and brings the copy back', () => {
    const dir = storeWithSales(4);
    const made = cli(['backup', '--data-dir', dir, '--json']);
    expect(made.code, made.err).toBe(0);
    const info = JSON.parse(made.out) as { file: string; integrity: string; auditRows: number };
    expect(info).toMatchObject({ integrity: 'ok' });
    expect(info.auditRows).toBeGreaterThan(0);
    expect(existsSync(info.file)).toBe(true);
    const listed = JSON.parse(cli(['backups', '--data-dir', dir, '--json']).out) as { name: string }[];
    expect(listed.map((b) => join(dir, 'backups', b.name))).toEqual([info.file]);
    const human = cli(['backup', '--data-dir', dir]);
    expect(human.code, human.err).toBe(0);
    expect(human.out).toMatch(
      /^Backed up to .+counterdesk-.+\.sqlite \(.+ MB, integrity check passed, \d+ audit rows\)/,
    );

    // More sales after the backup; restoring the first backup brings back the 4 sales it holds.
    const later = join(tempDir(), 'later.json');
    writeFileSync(later, posSalesJson('cli-b', 3));
    expect(cli(['import-sales', later, '--data-dir', dir, '--staff', 'BOSS', '--pin', '654321']).code).toBe(
      0,
    );
    expect(salesIn(dir)).toBe(7);
    const restored = cli(['restore', info.file, '--data-dir', dir]);
    expect(restored.code, restored.err).toBe(0);
    expect(restored.out).toMatch(
      /^Restored from .+ \(\d+ audit rows\); the data from before the restore is kept as .+before-restore\.sqlite/,
    );
    expect(salesIn(dir)).toBe(4);
    const audit = cli(['verify-audit', '--data-dir', dir]);
    expect(audit.code, audit.err).toBe(0);
    // The restore itself is in the restored audit chain (as the Settings restore is).
    const back = new Database(dbPath(dir), { readonly: true });
    const row = back
      .prepare("SELECT entity_id AS name, data FROM audit_log WHERE action = 'backup.restored'")
      .all() as { name: string; data: string }[];
    back.close();
    expect(row).toHaveLength(1);
    expect(info.file.endsWith(row[0]?.name ?? '?')).toBe(true);
    expect(JSON.parse(row[0]?.data ?? '{}')).toMatchObject({ via: 'cli', auditRows: info.auditRows });
    // The data from before the restore (7 sales) is a verified backup of its own.
    const before = readdirSync(join(dir, 'backups')).find((n) => n.includes('before-restore'));
    expect(before).toBeDefined();
    const kept = new Database(join(dir, 'backups', before ?? ''), { readonly: true });
    expect(kept.prepare('SELECT count(*) AS n FROM sales').get()).toEqual({ n: 7 });
    kept.close();
  });

  it('restore refuses, in words, a file that is not a database, a damaged copy and one whose audit log was edited; the data stays', () => {
    const dir = storeWithSales(3);
    const made = JSON.parse(cli(['backup', '--data-dir', dir, '--json']).out) as { file: string };
    const work = tempDir();

    const junk = join(work, 'junk.sqlite');
    writeFileSync(junk, 'this is not a database '.repeat(500));
    const damaged = join(work, 'damaged.sqlite');
    const bytes = readFileSync(made.file);
    // Overwrite pages after the header with garbage: the copy no longer passes integrity_check.
    for (let i = 4096; i < bytes.length; i += 7) bytes[i] = (bytes[i] ?? 0) ^ 0x5a;
    writeFileSync(damaged, bytes);
    const edited = join(work, 'edited.sqlite');
    copyFileSync(made.file, edited);
    const db = new Database(edited);
    const triggers = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log'")
      .all() as { name: string }[];
    for (const t of triggers) db.exec(`DROP TRIGGER "${t.name}"`);
    db.prepare("UPDATE audit_log SET data = '{}' WHERE id = (SELECT min(id) FROM audit_log)").run();
    db.close();

    const backupsBefore = readdirSync(join(dir, 'backups')).sort();
    for (const [file, words] of [
      [junk, /BACKUP_CORRUPT: The backup .+junk\.sqlite is damaged and cannot be used/],
      [damaged, /BACKUP_CORRUPT: The backup .+damaged\.sqlite is damaged and cannot be used/],
      [
        edited,
        /BACKUP_AUDIT_BROKEN: The audit log in backup .+edited\.sqlite does not verify \(\d+ problems\); it cannot be used/,
      ],
      [join(work, 'missing.sqlite'), /BACKUP_NOT_FOUND: Backup file .+missing\.sqlite not found/],
    ] as const) {
      const r = cli(['restore', file, '--data-dir', dir]);
      expect({ file, code: r.code }).toEqual({ file, code: 1 });
      expect(r.err).toMatch(words);
    }
    // Nothing was swapped in and nothing was written: same sales, same backups, audit intact.
    expect(salesIn(dir)).toBe(3);
    expect(readdirSync(join(dir, 'backups')).sort()).toEqual(backupsBefore);
    expect(cli(['verify-audit', '--data-dir', dir]).code).toBe(0);
    expect(cli(['restore', '--data-dir', dir]).code).toBe(2);
  });

  it('export DIR writes every table with a manifest, verify-export re-checks it and names a tampered file', () => {
    const dir = storeWithSales(5);
    const out = join(tempDir(), 'archive');
    const r = cli(['export', out, '--data-dir', dir]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/^Exported \d+ tables, \d+ records to .+archive \(verified\)/);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as {
      tables: { name: string; rows: number }[];
    };
    expect(manifest.tables.find((t) => t.name === 'sales')?.rows).toBe(5);
    const salesLines = readFileSync(join(out, 'sales.jsonl'), 'utf8').trim().split('\n');
    expect(salesLines.map((l) => (JSON.parse(l) as { id: string }).id).sort()).toEqual([
      'cli-a-0',
      'cli-a-1',
      'cli-a-2',
      'cli-a-3',
      'cli-a-4',
    ]);
    // Credentials never leave the store: the PIN hash is blank in the export and found in no file.
    const staff = readFileSync(join(out, 'staff.jsonl'), 'utf8').trim().split('\n');
    expect(staff.map((l) => JSON.parse(l) as { code: string; pin_hash: unknown })).toEqual([
      expect.objectContaining({ code: 'BOSS', pin_hash: null, badge_hash: null }),
    ]);
    const live = new Database(dbPath(dir), { readonly: true });
    const pinHash = (
      live.prepare("SELECT pin_hash AS h FROM staff WHERE code = 'BOSS'").get() as { h: string }
    ).h;
    live.close();
    expect(pinHash.length).toBeGreaterThan(10);
    for (const name of readdirSync(out)) expect(readFileSync(join(out, name), 'utf8')).not.toContain(pinHash);
    const verified = cli(['verify-export', out]);
    expect(verified.code, verified.err).toBe(0);
    expect(verified.out).toMatch(/^The export .+archive is intact: \d+ tables, \d+ records/);
    // The export is recorded in the audit log, which still verifies.
    expect(cli(['verify-audit', '--data-dir', dir]).code).toBe(0);

    // Into a folder that is not empty: refused in words.
    const again = cli(['export', out, '--data-dir', dir]);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/EXPORT_DIR_NOT_EMPTY: The export folder .+archive is not empty/);
    // One changed byte in a table file: verify-export names it.
    const csv = join(out, 'sales.csv');
    writeFileSync(csv, readFileSync(csv, 'utf8').replace('cli-a-0', 'cli-a-9'));
    const broken = cli(['verify-export', out]);
    expect(broken.code).toBe(1);
    expect(broken.err).toMatch(/EXPORT_CORRUPT: The export .+archive is damaged: sales\.csv/);
  });
});
