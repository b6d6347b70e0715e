/** Which resolutions the policy offers for the quoted lines, mirrored from the quote's decisions. */
import type { Quote, ReturnResolution } from '../../../../shared/contract/methods/returns';
import type { Resolution } from '../../../../shared/domain/policy/vocabulary';

export type Availability = 'offered' | 'override' | 'no';

/** Whether a decision's options cover a resolution (as the returns service reads them). */
export function offers(options: readonly Resolution[], r: ReturnResolution): boolean {
  switch (r) {
    case 'refund':
      return options.includes('refund');
    case 'store_credit':
      return options.includes('refund') || options.includes('store_credit');
    case 'exchange':
      return options.includes('exchange') || options.includes('replacement');
    case 'repair':
      return options.includes('repair');
  }
}

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
  for (const r of ['refund', 'exchange', 'store_credit', 'repair'] as const)
    if (availability(quote, r) === 'offered') return r;
  // Nothing offered: an override pays store credit; a line no override can take back stays on refund.
  return availability(quote, 'store_credit') === 'override' ? 'store_credit' : 'refund';
}
