/** How a return can be resolved at the counter, and which policy options cover each. */
import type { Resolution } from '../policy/vocabulary';

/** The resolutions a clerk can choose, in the order the counter offers them (repair last). */
export const RETURN_RESOLUTIONS = ['refund', 'exchange', 'store_credit', 'repair'] as const;
export type ReturnResolution = (typeof RETURN_RESOLUTIONS)[number];

/**
 * Whether a policy decision's options cover a resolution: store credit comes with a refund, an
 * exchange with a replacement too.
 */
export function offers(options: readonly Resolution[], resolution: ReturnResolution): boolean {
  switch (resolution) {
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
