/**
 * The raw reading log (`meter_readings`), written in batches by the bench's reading ingest, and the
 * configured meter behind a device role. The batch insert is the meter ingest's hot path: one
 * prepared insert run per row inside one transaction.
 */
import { and, eq, is, Param, Placeholder, sql } from 'drizzle-orm';
import type { DbClient } from '../../client';
import { devices, meterReadings } from '../../schema';
import { prepared } from '../statements';

export interface ReadingRow {
  at: number;
  deviceId: number | null;
  jobId: string | null;
  value: number | null;
  unit: string;
  fn: string;
  overload: boolean;
}

/** The order the insert takes its values in (checked against the statement drizzle builds). */
const READING_PARAMS = ['at', 'deviceId', 'jobId', 'value', 'unit', 'fn', 'overload'] as const;

/**
 * The reading insert. Hot path: drizzle builds the statement from the schema, but it runs on the
 * better-sqlite3 statement with positional values — drizzle's prepared `run()` (placeholder
 * filling per row) measured ~40 % slower per reading on an in-memory database.
 */
function readingInsert(db: DbClient) {
  return prepared(db, 'bench.insertReading', (orm) => {
    const q = orm
      .insert(meterReadings)
      .values({
        at: sql.placeholder('at'),
        deviceId: sql.placeholder('deviceId'),
        jobId: sql.placeholder('jobId'),
        value: sql.placeholder('value'),
        unit: sql.placeholder('unit'),
        fn: sql.placeholder('fn'),
        overload: sql.placeholder('overload'),
      })
      .toSQL();
    const names = q.params.map((p) => (is(p, Param) && is(p.value, Placeholder) ? p.value.name : '?'));
    if (names.join() !== READING_PARAMS.join())
      throw new Error(`meter_readings insert params: ${names.join()}`);
    return db.sqlite.prepare(q.sql);
  });
}

/** Writes a batch in one transaction; false (nothing written) when the database is already closed. */
export function insertReadings(db: DbClient, rows: readonly ReadingRow[]): boolean {
  if (!db.sqlite.open) return false;
  const insert = readingInsert(db);
  db.transaction(() => {
    for (const r of rows) insert.run(r.at, r.deviceId, r.jobId, r.value, r.unit, r.fn, r.overload ? 1 : 0);
  });
  return true;
}

/** The id of the first meter configured under a device role, or null. */
export function meterIdOfRole(db: DbClient, role: string): number | null {
  return (
    prepared(db, 'bench.meterOfRole', (orm) =>
      orm
        .select({ id: devices.id })
        .from(devices)
        .where(and(eq(devices.role, sql.placeholder('role')), eq(devices.kind, 'meter')))
        .limit(1)
        .prepare(),
    ).get({ role })?.id ?? null
  );
}
