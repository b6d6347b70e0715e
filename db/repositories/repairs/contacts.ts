/**
 * The customer of a job as slips, messages and the job screen show it (id, name, phone). Finding
 * and creating customers is the customers repository's; this only reads the one a job points at.
 */
import { eq, sql } from 'drizzle-orm';
import type { DbClient } from '../../client';
import { customers } from '../../schema';
import { prepared } from '../statements';

export interface JobCustomer {
  id: number;
  name: string;
  phone: string | null;
}

/** The customer `id`, or undefined. */
export function jobCustomer(db: DbClient, id: number): JobCustomer | undefined {
  return prepared(db, 'repairs.jobCustomer', (orm) =>
    orm
      .select({ id: customers.id, name: customers.name, phone: customers.phone })
      .from(customers)
      .where(eq(customers.id, sql.placeholder('id')))
      .prepare(),
  ).get({ id });
}
