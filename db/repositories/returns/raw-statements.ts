/**
 * Statements whose SQL still sits with its caller until its owner moves it: the print job rows of a
 * return (moving to core/printing, the only writer of print_jobs) and the no-receipt customer's row
 * (moving to the customers repository). Prepared once per connection through the one cache.
 */
import type { DbClient } from '../../client';
import { prepared } from '../statements';

/** The statement for `text` on this connection (prepared on first use). */
export function rawStatement(db: DbClient, text: string) {
  return prepared(db, `raw.${text}`, () => db.sqlite.prepare(text));
}
