/**
 * Phone numbers as customers are stored and found: digits (a leading + kept where the caller kept
 * it), and the digits reversed in `customers.phone_rev`, so "the last 4 digits" is an indexed
 * prefix search.
 */

/** Digits only (a leading + is dropped): the form the repair counter stores and compares phones in. */
export function normalisePhone(phone: string): string {
  return phone.replace(/\D/g, '');
}

/** Phone digits reversed (the indexed suffix search of `customers.phone_rev`). */
export function phoneRev(phone: string): string {
  return phone.replace(/\D/g, '').split('').reverse().join('');
}

/** A LIKE pattern for "starts with `text`" (used with ESCAPE '\'): a typed % or _ matches itself. */
export function likePrefix(text: string): string {
  return `${text.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
}
