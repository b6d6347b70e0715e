/** Customers at the repair counter: find by phone or create, the same way the sales importer keys them. */
import type { SqliteDb } from '../../../db/open';
import { AppError } from '../../../shared/contract/errors';
import { phoneRev } from '../sales/import/sale-writer';

export type CustomerInput = { id: number } | { name: string; phone: string };

export interface CustomerRow {
  id: number;
  name: string;
  phone: string | null;
}

/** Digits only (a leading + is dropped): the form phones are stored and compared in. */
export function normalisePhone(phone: string): string {
  return phone.replace(/\D/g, '');
}

/** The customer with exactly this phone number (digits compared; oldest first), or null. */
export function findCustomerByPhone(db: SqliteDb, phoneText: string): CustomerRow | null {
  const phone = normalisePhone(phoneText);
  if (phone === '') return null;
  const found = db
    .prepare('SELECT id, name, phone FROM customers WHERE phone_rev = ? AND phone = ? ORDER BY id LIMIT 1')
    .get(phoneRev(phone), phone) as CustomerRow | undefined;
  return found ?? null;
}

/** How many repair jobs a customer has had (every status). */
export function repairJobCount(db: SqliteDb, customerId: number): number {
  const row = db.prepare('SELECT count(*) AS n FROM repair_jobs WHERE customer_id = ?').get(customerId) as {
    n: number;
  };
  return row.n;
}

/**
 * The customer by id, or the one with this phone (oldest first), or a new one. A name given for an
 * existing phone replaces the stored one when it differs (the clerk corrected it at the counter;
 * `renamedFrom` says what it was, for the audit row).
 */
export function findOrCreateCustomer(
  db: SqliteDb,
  input: CustomerInput,
  now: number,
): CustomerRow & { renamedFrom?: string } {
  if ('id' in input) {
    const row = db.prepare('SELECT id, name, phone FROM customers WHERE id = ?').get(input.id) as
      CustomerRow | undefined;
    if (!row) throw new AppError('REPAIR_CUSTOMER_NOT_FOUND', { customerId: input.id });
    return row;
  }
  const phone = normalisePhone(input.phone);
  const found = findCustomerByPhone(db, phone);
  if (found) {
    const name = input.name.trim();
    if (name !== '' && name !== found.name) {
      db.prepare('UPDATE customers SET name = ? WHERE id = ?').run(name, found.id);
      return { ...found, name, renamedFrom: found.name };
    }
    return found;
  }
  const info = db
    .prepare('INSERT INTO customers (name, phone, phone_rev, created_at) VALUES (?, ?, ?, ?)')
    .run(input.name, phone, phoneRev(phone), now);
  return { id: Number(info.lastInsertRowid), name: input.name, phone };
}
