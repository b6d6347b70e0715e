/**
 * Typed reads of text columns that hold one of a closed set of values (a job's status, its
 * warranty kind …): the database only ever holds values this code wrote, so the column is read as
 * the union type through drizzle's `sql<T>` instead of casting the row.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';

/** `column` selected as `T` (a union of the strings the code stores in it). */
export function typed<T>(column: SQLiteColumn): SQL<T> {
  return sql<T>`${column}`;
}
