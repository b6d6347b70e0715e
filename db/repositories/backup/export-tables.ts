/**
 * What the data export reads: every table of the database (whatever this version's schema says),
 * its columns as SQLite declares them, and its rows in storage order. Table names come from
 * sqlite_master and are quoted, never taken from input.
 */
import type { DbClient } from '../../client';
import { stores } from '../../schema';
import { prepared } from '../statements';

export type ExportRow = Record<string, unknown>;

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Every table but SQLite's own, by name. */
export function exportTableNames(db: DbClient): string[] {
  return db.sqlite
    .prepare<[], { name: string }>(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`,
    )
    .all()
    .map((r) => r.name);
}

/** The columns of table `name` with their declared types, in table order. */
export function tableColumns(db: DbClient, name: string): { name: string; type: string }[] {
  return db.sqlite
    .prepare<[], { name: string; type: string }>(`PRAGMA table_info(${quoted(name)})`)
    .all()
    .map((c) => ({ name: c.name, type: c.type }));
}

/** The rows of table `name` in rowid order (a WITHOUT ROWID table: its primary key order). */
export function tableRows(db: DbClient, name: string): IterableIterator<ExportRow> {
  try {
    return db.sqlite.prepare<[], ExportRow>(`SELECT * FROM ${quoted(name)} ORDER BY rowid`).iterate();
  } catch {
    return db.sqlite.prepare<[], ExportRow>(`SELECT * FROM ${quoted(name)}`).iterate();
  }
}

/** The first store's code and name (the export's manifest names it). */
export function firstStoreLabel(db: DbClient): { code: string; name: string } | undefined {
  return prepared(db, 'backup.firstStoreLabel', (orm) =>
    orm.select({ code: stores.code, name: stores.name }).from(stores).orderBy(stores.id).limit(1).prepare(),
  ).get();
}
