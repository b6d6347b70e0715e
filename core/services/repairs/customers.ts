/** Customers at the repair counter: find by phone or create, over the one customers repository. */
import type { DbClient } from '../../../db/client';
import {
  findCustomerById,
  findCustomerByPhone as customerWithPhone,
  insertCustomer,
  renameCustomer,
  repairJobCountOfCustomer,
  type CustomerRow,
} from '../../../db/repositories/customers/customers';
import { normalisePhone } from '../../../db/repositories/customers/phone';
import { AppError } from '../../../shared/contract/errors';

export type CustomerInput = { id: number } | { name: string; phone: string };

/** The customer with exactly this phone number (digits compared; oldest first), or null. */
export function findCustomerByPhone(db: DbClient, phoneText: string): CustomerRow | null {
  const phone = normalisePhone(phoneText);
  return phone === '' ? null : customerWithPhone(db, phone);
}

/**
 * The customer by id, or the one with this phone (oldest first), or a new one. A name given for an
 * existing phone replaces the stored one when it differs (the clerk corrected it at the counter;
 * `renamedFrom` says what it was, for the audit row).
 */
export function findOrCreateCustomer(
  db: DbClient,
  input: CustomerInput,
  now: number,
): CustomerRow & { renamedFrom?: string } {
  if ('id' in input) {
    const row = findCustomerById(db, input.id);
    if (!row) throw new AppError('REPAIR_CUSTOMER_NOT_FOUND', { customerId: input.id });
    return row;
  }
  const phone = normalisePhone(input.phone);
  const found = findCustomerByPhone(db, phone);
  if (found) {
    const name = input.name.trim();
    if (name !== '' && name !== found.name) {
      renameCustomer(db, found.id, name);
      return { ...found, name, renamedFrom: found.name };
    }
    return found;
  }
  return { id: insertCustomer(db, input.name, phone, now), name: input.name, phone };
}

/** How many repair jobs a customer has had (every status). */
export function repairJobCount(db: DbClient, customerId: number): number {
  return repairJobCountOfCustomer(db, customerId);
}
