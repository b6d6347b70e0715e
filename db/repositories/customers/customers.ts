/**
 * The customers table: the one place customers are found by phone, created and renamed. Every
 * writer (sales import, repair intake, no-receipt return, demo seed) stores `phone_rev` the same way.
 */
import { and, count, eq, sql } from 'drizzle-orm';
import type { DbClient, Orm } from '../../client';
import { customers, repairJobs } from '../../schema';
import { prepared } from '../statements';
import { phoneRev } from './phone';

export interface CustomerRow {
  id: number;
  name: string;
  phone: string | null;
}

const fields = { id: customers.id, name: customers.name, phone: customers.phone };

export function findCustomerById(db: DbClient, id: number): CustomerRow | null {
  return (
    prepared(db, 'customers.byId', (orm) =>
      orm
        .select(fields)
        .from(customers)
        .where(eq(customers.id, sql.placeholder('id')))
        .prepare(),
    ).get({ id }) ?? null
  );
}

/** The customer with exactly this phone (as stored; oldest first), or null. */
export function findCustomerByPhone(db: DbClient, phone: string): CustomerRow | null {
  return (
    prepared(db, 'customers.byPhone', (orm) =>
      orm
        .select(fields)
        .from(customers)
        .where(
          and(eq(customers.phoneRev, sql.placeholder('rev')), eq(customers.phone, sql.placeholder('phone'))),
        )
        .orderBy(customers.id)
        .limit(1)
        .prepare(),
    ).get({ rev: phoneRev(phone), phone }) ?? null
  );
}

/** Stores a new customer (with its reversed-phone index value); returns its id. */
export function insertCustomer(db: DbClient, name: string, phone: string | null, now: number): number {
  const info = prepared(db, 'customers.insert', (orm) =>
    orm
      .insert(customers)
      .values({
        name: sql.placeholder('name'),
        phone: sql.placeholder('phone'),
        phoneRev: sql.placeholder('rev'),
        createdAt: sql.placeholder('now'),
      })
      .prepare(),
  ).run({ name, phone, rev: phone === null ? null : phoneRev(phone), now });
  return Number(info.lastInsertRowid);
}

export function renameCustomer(db: DbClient, id: number, name: string): void {
  prepared(db, 'customers.rename', (orm) =>
    orm
      .update(customers)
      .set({ name: sql`${sql.placeholder('name')}` })
      .where(eq(customers.id, sql.placeholder('id')))
      .prepare(),
  ).run({ id, name });
}

/** Gives a name to a customer stored without one (an existing name is kept). */
export function fillEmptyCustomerName(db: DbClient, id: number, name: string): void {
  prepared(db, 'customers.fillName', (orm) =>
    orm
      .update(customers)
      .set({ name: sql`${sql.placeholder('name')}` })
      .where(and(eq(customers.id, sql.placeholder('id')), eq(customers.name, '')))
      .prepare(),
  ).run({ id, name });
}

/**
 * Ids of (at most 50) customers whose reversed phone starts with the placeholder `pattern`
 * (a `likePrefix` of reversed digits): the phone-suffix search, for use inside another query.
 */
export function customerIdsByPhoneSuffix(orm: Orm, pattern: ReturnType<typeof sql.placeholder>) {
  return orm
    .select({ id: customers.id })
    .from(customers)
    .where(sql`${customers.phoneRev} LIKE ${pattern} ESCAPE '\\'`)
    .limit(50);
}

/** Ids of (at most 50) customers whose name starts with the placeholder `pattern` (a `likePrefix`). */
export function customerIdsByNamePrefix(orm: Orm, pattern: ReturnType<typeof sql.placeholder>) {
  return orm
    .select({ id: customers.id })
    .from(customers)
    .where(sql`${customers.name} LIKE ${pattern} ESCAPE '\\'`)
    .limit(50);
}

/** How many repair jobs a customer has had (every status). */
export function repairJobCountOfCustomer(db: DbClient, customerId: number): number {
  const row = prepared(db, 'customers.repairJobCount', (orm) =>
    orm
      .select({ n: count() })
      .from(repairJobs)
      .where(eq(repairJobs.customerId, sql.placeholder('customerId')))
      .prepare(),
  ).get({ customerId });
  return row?.n ?? 0;
}
