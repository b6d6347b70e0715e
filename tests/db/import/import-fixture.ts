/** A real migrated SQLite store in a temp dir for import tests, and a census of every table. */
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { openDatabase, type DbClient } from '../../../db/client';
import type { SqliteDb } from '../../../db/open';
import { ensureStore } from '../../../core/store/init-store';
import { importSales, type ImportResult } from '../../../core/services/sales/import/import-sales';
import { POS_CSV_HEADER } from '../../helpers/pos-csv';
import { tempDir } from '../../helpers/temp-dir';

/** 2026-11-23 14:00 in Shanghai. */
export const NOW = Date.UTC(2026, 10, 23, 6, 0, 0);

export interface ImportStore {
  client: DbClient;
  db: SqliteDb;
  storeId: number;
  run(format: 'csv' | 'json', content: string, fileName?: string): ImportResult;
}

/** Opens (and migrates) a fresh database file and creates the store. */
export function importStore(now = NOW): ImportStore {
  const client = openDatabase(join(tempDir('cd-import-'), 'counterdesk.sqlite'));
  afterEach(() => client.close());
  const storeId = ensureStore(
    client,
    {
      code: 'TEST',
      name: '测试门店',
      timeZone: 'Asia/Shanghai',
      currency: 'CNY',
      locale: 'zh-CN',
      demo: false,
    },
    now,
  );
  return {
    client,
    db: client.sqlite,
    storeId,
    run: (format, content, fileName = `test.${format}`) =>
      importSales({ db: client, storeId }, { format, content, fileName }, null, now),
  };
}

/** Row count of every table in the database (the before/after census of "nothing half-written"). */
export function census(db: SqliteDb): Record<string, number> {
  const tables = db
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
    .all() as { name: string }[];
  const out: Record<string, number> = {};
  for (const { name } of tables) {
    out[name] = (db.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n;
  }
  return out;
}

/** The CSV header in the documented column order. */
export const HEADER = POS_CSV_HEADER;

/** One CSV record from named values (unnamed columns empty). */
export function csvRow(v: Partial<Record<string, string>>): string {
  return HEADER.split(',')
    .map((c) => v[c] ?? '')
    .join(',');
}

/** A valid one-line sale of one ¥59 cable paid in cash, with overrides. */
export function cableRow(id: string, over: Partial<Record<string, string>> = {}): string {
  return csvRow({
    sale_id: id,
    receipt_no: `R-${id}`,
    sold_at: '2026-11-20T10:00:00+08:00',
    line_no: '1',
    sku: 'AC-CBL-UG-C15',
    name: 'USB-C cable',
    category: 'accessories',
    qty: '1',
    unit_price: '59.00',
    tax_rate: '13',
    total: '59.00',
    payments: 'cash:59.00',
    ...over,
  });
}
