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

/** The customer by id, or the one with this phone (oldest first), or a new one; fills a missing name. */
export function findOrCreateCustomer(db: SqliteDb, input: CustomerInput, now: number): CustomerRow {
  if ('id' in input) {
    const row = db.prepare('SELECT id, name, phone FROM customers WHERE id = ?').get(input.id) as
      CustomerRow | undefined;
    if (!row) throw new AppError('REPAIR_CUSTOMER_NOT_FOUND', { customerId: input.id });
    return row;
  }
  const phone = normalisePhone(input.phone);
  const found = db
    .prepare('SELECT id, name, phone FROM customers WHERE phone_rev = ? AND phone = ? ORDER BY id LIMIT 1')
    .get(phoneRev(phone), phone) as CustomerRow | undefined;
  if (found) {
    if (found.name === '' && input.name) {
      db.prepare('UPDATE customers SET name = ? WHERE id = ?').run(input.name, found.id);
      return { ...found, name: input.name };
    }
    return found;
  }
  const info = db
    .prepare('INSERT INTO customers (name, phone, phone_rev, created_at) VALUES (?, ?, ?, ?)')
    .run(input.name, phone, phoneRev(phone), now);
  return { id: Number(info.lastInsertRowid), name: input.name, phone };
}
