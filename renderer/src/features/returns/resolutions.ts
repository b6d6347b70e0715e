/** Which resolutions the policy offers for the quoted lines, read from the quote's decisions. */
import type { Quote, ReturnResolution } from '../../../../shared/contract/methods/returns';
import { offers, RETURN_RESOLUTIONS } from '../../../../shared/domain/returns/resolutions';

export type Availability = 'offered' | 'override' | 'no';

/** Offered by policy for every line; or possible with a manager override (paid as store credit); or not at all. */
export function availability(quote: Quote, r: ReturnResolution): Availability {
  if (quote.lines.length === 0) return 'no';
  if (quote.lines.every((l) => offers(l.decision.options, r))) return 'offered';
  if (r === 'repair') return 'no';
  const overridable = quote.lines.every((l) => offers(l.decision.options, r) || l.overridable);
  return overridable ? 'override' : 'no';
}

/** The resolution to start with: the first the policy offers (repair last); store credit when only an override can help. */
export function defaultResolution(quote: Quote): ReturnResolution {
  for (const r of RETURN_RESOLUTIONS) if (availability(quote, r) === 'offered') return r;
  // Nothing offered: an override pays store credit; a line no override can take back stays on refund.
  return availability(quote, 'store_credit') === 'override' ? 'store_credit' : 'refund';
}
