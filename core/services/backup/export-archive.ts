/**
 * Export of every record to a portable archive: a folder (no zip) with, per table, one JSON Lines
 * file (one object per row, column names as keys) and one CSV file (RFC 4180, header row, UTF-8),
 * plus `manifest.json` with each table's columns, row count and each file's size and sha256.
 * Everything is read in ONE read transaction, so the archive is a consistent snapshot while the
 * counter keeps working (WAL). Files are written into `<dir>.partial-<pid>` and the folder is renamed
 * into place only when complete. Credentials are not exported (`REDACTED_COLUMNS`: PIN/badge hashes,
 * the encrypted device passcodes); the manifest says so. `verifyExportArchive` re-reads an archive
 * and checks every count and hash.
 *
 * Values: integers and reals as JSON numbers; text as strings; BLOBs as `{"$base64": "…"}` in JSON
 * Lines and as base64 text in CSV; NULL as `null` in JSON Lines and an empty unquoted CSV field
 * (an empty string is `""`).
 */
import { createHash, type Hash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { verifyAudit } from '../../../db/audit/chain';
import type { DbClient } from '../../../db/client';
import {
  exportTableNames,
  firstStoreLabel,
  tableColumns,
  tableRows,
} from '../../../db/repositories/backup/export-tables';
import { csvCell } from '../../../shared/domain/csv/csv';
import { AppError } from '../../../shared/contract/errors';

export const EXPORT_FORMAT = 'counterdesk-export';
export const EXPORT_FORMAT_VERSION = 1;
export const MANIFEST_FILE = 'manifest.json';

/** Columns never exported: credentials (hashes still help an attacker) and encrypted passcodes. */
export const REDACTED_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  staff: ['pin_hash', 'badge_hash'],
  repair_jobs: ['passcode_enc'],
};

export interface ExportedFile {
  file: string;
  bytes: number;
  sha256: string;
}

export interface ExportedTable {
  name: string;
  rows: number;
  columns: { name: string; type: string }[];
  redacted: string[];
  jsonl: ExportedFile;
  csv: ExportedFile;
}

export interface ExportManifest {
  format: typeof EXPORT_FORMAT;
  version: number;
  createdAt: string;
  appVersion: string;
  store: { code: string; name: string } | null;
  auditChain: { ok: boolean; rows: number };
  tables: ExportedTable[];
}

/** A file written through a buffer while its sha256 and size are computed. */
class HashedFile {
  private readonly fd: number;
  private readonly hash: Hash = createHash('sha256');
  private chunks: string[] = [];
  private pending = 0;
  bytes = 0;

  constructor(readonly path: string) {
    this.fd = openSync(path, 'wx');
  }

  write(text: string): void {
    this.chunks.push(text);
    this.pending += text.length;
    if (this.pending > 1 << 20) this.flush();
  }

  private flush(): void {
    if (this.chunks.length === 0) return;
    const buf = Buffer.from(this.chunks.join(''), 'utf8');
    this.chunks = [];
    this.pending = 0;
    this.hash.update(buf);
    let off = 0;
    while (off < buf.length) off += writeSync(this.fd, buf, off, buf.length - off);
    this.bytes += buf.length;
  }

  close(name: string): ExportedFile {
    this.flush();
    closeSync(this.fd);
    return { file: name, bytes: this.bytes, sha256: this.hash.digest('hex') };
  }
}

/** One CSV field: NULL empty, a blob as base64, text through the one CSV writer (quoted, neutralised). */
export function csvField(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (Buffer.isBuffer(v)) return csvCell(v.toString('base64'));
  return csvCell(typeof v === 'number' || typeof v === 'boolean' ? v : String(v));
}

function jsonValue(v: unknown): unknown {
  return Buffer.isBuffer(v) ? { $base64: v.toString('base64') } : v;
}

function fsError(code: string, dir: string, e: unknown): AppError {
  const errno = (e as { code?: string }).code;
  return new AppError(errno === 'ENOSPC' ? 'EXPORT_DISK_FULL' : code, {
    dir,
    detail: e instanceof Error ? e.message : String(e),
  });
}

/**
 * Writes the archive of every table into `dir` (which must not exist or be empty) and returns its
 * manifest. AppErrors: EXPORT_DIR_NOT_EMPTY, EXPORT_DIR_UNWRITABLE, EXPORT_DISK_FULL.
 */
export function exportArchive(
  db: DbClient,
  dir: string,
  meta: { now: number; appVersion: string },
): ExportManifest {
  if (existsSync(dir) && (!statSync(dir).isDirectory() || readdirSync(dir).length > 0))
    throw new AppError('EXPORT_DIR_NOT_EMPTY', { dir });
  const partial = `${dir}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  try {
    mkdirSync(partial, { recursive: true });
  } catch (e) {
    throw fsError('EXPORT_DIR_UNWRITABLE', dir, e);
  }
  try {
    const manifest = db.transaction((): ExportManifest => {
      const tables: ExportedTable[] = [];
      for (const name of exportTableNames(db)) tables.push(exportTable(db, partial, name));
      const storeRow = exportTableNames(db).includes('stores') ? firstStoreLabel(db) : undefined;
      // verifyAudit (db/audit) still takes the raw handle
      const audit = verifyAudit(db);
      return {
        format: EXPORT_FORMAT,
        version: EXPORT_FORMAT_VERSION,
        createdAt: new Date(meta.now).toISOString(),
        appVersion: meta.appVersion,
        store: storeRow ?? null,
        auditChain: { ok: audit.ok, rows: audit.rowsChecked },
        tables,
      };
    });
    const m = new HashedFile(join(partial, MANIFEST_FILE));
    m.write(`${JSON.stringify(manifest, null, 2)}\n`);
    m.close(MANIFEST_FILE);
    if (existsSync(dir)) rmSync(dir, { recursive: true, force: true }); // empty, checked above
    renameSync(partial, dir);
    return manifest;
  } catch (e) {
    rmSync(partial, { recursive: true, force: true });
    if (e instanceof AppError) throw e;
    throw fsError('EXPORT_DIR_UNWRITABLE', dir, e);
  }
}

function exportTable(db: DbClient, dir: string, name: string): ExportedTable {
  const columns = tableColumns(db, name);
  const redacted = (REDACTED_COLUMNS[name] ?? []).filter((c) => columns.some((i) => i.name === c));
  const jsonl = new HashedFile(join(dir, `${name}.jsonl`));
  const csv = new HashedFile(join(dir, `${name}.csv`));
  csv.write(`${columns.map((c) => csvField(c.name)).join(',')}\r\n`);
  let rows = 0;
  for (const row of tableRows(db, name)) {
    for (const c of redacted) if (row[c] !== null) row[c] = null;
    const obj: Record<string, unknown> = {};
    for (const c of columns) obj[c.name] = jsonValue(row[c.name]);
    jsonl.write(`${JSON.stringify(obj)}\n`);
    csv.write(`${columns.map((c) => csvField(row[c.name])).join(',')}\r\n`);
    rows++;
  }
  return {
    name,
    rows,
    columns,
    redacted,
    jsonl: jsonl.close(`${name}.jsonl`),
    csv: csv.close(`${name}.csv`),
  };
}

/** Re-reads an archive: every file's size and sha256, and the JSON Lines row counts. AppError EXPORT_CORRUPT. */
export function verifyExportArchive(dir: string): { tables: number; rows: number } {
  let manifest: ExportManifest;
  try {
    manifest = JSON.parse(readFileSync(join(dir, MANIFEST_FILE), 'utf8')) as ExportManifest;
  } catch (e) {
    throw new AppError('EXPORT_CORRUPT', {
      dir,
      file: MANIFEST_FILE,
      detail: e instanceof Error ? e.message : String(e),
    });
  }
  if (manifest.format !== EXPORT_FORMAT)
    throw new AppError('EXPORT_CORRUPT', { dir, file: MANIFEST_FILE, detail: 'not a CounterDesk export' });
  let rows = 0;
  for (const t of manifest.tables) {
    for (const f of [t.jsonl, t.csv]) {
      const path = join(dir, f.file);
      if (!existsSync(path)) throw new AppError('EXPORT_CORRUPT', { dir, file: f.file, detail: 'missing' });
      const bytes = readFileSync(path);
      const sha = createHash('sha256').update(bytes).digest('hex');
      if (bytes.length !== f.bytes || sha !== f.sha256)
        throw new AppError('EXPORT_CORRUPT', { dir, file: f.file, detail: 'sha256 mismatch' });
      if (f === t.jsonl) {
        let lines = 0;
        for (const b of bytes) if (b === 0x0a) lines++;
        if (lines !== t.rows)
          throw new AppError('EXPORT_CORRUPT', {
            dir,
            file: f.file,
            detail: `${lines} rows, manifest says ${t.rows}`,
          });
      }
    }
    rows += t.rows;
  }
  return { tables: manifest.tables.length, rows };
}
