import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvField, exportArchive, verifyExportArchive } from '../../../core/services/backup/export-archive';
import { AppError } from '../../../shared/contract/errors';
import { makeCore } from '../../helpers/core-fixture';
import { tempDir } from '../../helpers/temp-dir';

const codeOf = (fn: () => unknown): string | null => {
  try {
    fn();
    return null;
  } catch (e) {
    return e instanceof AppError ? e.code : String(e);
  }
};

describe('export of all records to a portable archive', () => {
  it('writes every table as JSON Lines and CSV with counts and hashes that verify, without credentials', () => {
    const f = makeCore();
    try {
      const db = f.core.ctx.db.sqlite;
      const tricky = 'Wang "Xiao", 王\nline two';
      db.prepare('INSERT INTO customers (name, phone, phone_rev, created_at) VALUES (?, ?, ?, ?)').run(
        tricky,
        '13800138000',
        '00083100831',
        Date.UTC(2026, 10, 23),
      );
      const dir = join(tempDir(), 'archive');
      const m = exportArchive(f.core.ctx.db, dir, { now: Date.UTC(2026, 10, 23, 3), appVersion: 'test' });
      // Every table of the database is in it, with the row count SQLite itself reports.
      const tables = (
        db
          .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
          .all() as { name: string }[]
      ).map((t) => t.name);
      expect(m.tables.map((t) => t.name).sort()).toEqual([...tables].sort());
      for (const t of m.tables) {
        const n = (db.prepare(`SELECT count(*) AS n FROM "${t.name}"`).get() as { n: number }).n;
        expect(t.rows, t.name).toBe(n);
      }
      expect(m.auditChain.ok).toBe(true);
      expect(verifyExportArchive(dir).tables).toBe(tables.length);
      // Credentials are not exported: 5 staff rows, no PIN hash in either file.
      const staff = readFileSync(join(dir, 'staff.jsonl'), 'utf8').trim().split('\n');
      expect(staff).toHaveLength(5);
      for (const line of staff) expect(JSON.parse(line)).toMatchObject({ pin_hash: null });
      expect(readFileSync(join(dir, 'staff.csv'), 'utf8')).not.toMatch(/scrypt/);
      // A name with quotes, a comma, Chinese and a line break round-trips in both formats.
      const jsonl = readFileSync(join(dir, 'customers.jsonl'), 'utf8').trim().split('\n');
      expect(jsonl.map((l) => (JSON.parse(l) as { name: string }).name)).toContain(tricky);
      expect(readFileSync(join(dir, 'customers.csv'), 'utf8')).toContain('"Wang ""Xiao"", 王\nline two"');
      // No half-written folder is left beside it.
      expect(readdirSync(join(dir, '..')).filter((n) => n.includes('.partial-'))).toEqual([]);
    } finally {
      f.close();
    }
  });

  it('detects a changed byte, a missing file and a damaged manifest', () => {
    const f = makeCore();
    try {
      const dir = join(tempDir(), 'archive');
      exportArchive(f.core.ctx.db, dir, { now: Date.UTC(2026, 10, 23), appVersion: 'test' });
      const file = join(dir, 'staff.csv');
      const original = readFileSync(file);
      const changed = Buffer.from(original);
      changed[changed.length - 3] = (changed[changed.length - 3] ?? 0) ^ 1;
      writeFileSync(file, changed);
      expect(codeOf(() => verifyExportArchive(dir))).toBe('EXPORT_CORRUPT');
      writeFileSync(file, original);
      expect(codeOf(() => verifyExportArchive(dir))).toBeNull();
      writeFileSync(join(dir, 'manifest.json'), '{"format": "something else"');
      expect(codeOf(() => verifyExportArchive(dir))).toBe('EXPORT_CORRUPT');
    } finally {
      f.close();
    }
  });

  it('refuses a folder that already holds files, and leaves it untouched', () => {
    const f = makeCore();
    try {
      const dir = join(tempDir(), 'busy');
      mkdirSync(dir);
      writeFileSync(join(dir, 'keep.txt'), 'mine');
      expect(codeOf(() => exportArchive(f.core.ctx.db, dir, { now: 0, appVersion: 'test' }))).toBe(
        'EXPORT_DIR_NOT_EMPTY',
      );
      expect(readdirSync(dir)).toEqual(['keep.txt']);
      expect(existsSync(`${dir}.partial-${process.pid}`)).toBe(false);
    } finally {
      f.close();
    }
  });

  it('quotes CSV fields only when it must (RFC 4180)', () => {
    expect(csvField(null)).toBe('');
    expect(csvField('')).toBe('""');
    expect(csvField(35910)).toBe('35910');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField(' padded')).toBe('" padded"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField(Buffer.from([0xde, 0xad]))).toBe('3q0=');
  });
});
