/** The pickup panel's tender list (issue #13): never a gift card; store credit only with a balance. */
import { describe, expect, it } from 'vitest';
import { repairPayment } from '../../../shared/contract/methods/repairs';
import { repairTendersFor } from '../../../shared/domain/money/tenders';

describe('tenders offered at a repair pickup', () => {
  it('offers store credit only when the customer has a balance, and never a gift card', () => {
    expect(repairTendersFor(0)).not.toContain('store_credit');
    expect(repairTendersFor(-5)).not.toContain('store_credit');
    expect(repairTendersFor(1)).toContain('store_credit');
    for (const b of [0, 1, 100_000]) expect(repairTendersFor(b)).not.toContain('gift_card');
  });

  it('every tender offered is one the contract accepts, and a gift card is refused by it', () => {
    for (const tender of repairTendersFor(1))
      expect(repairPayment.safeParse({ tender, amountMinor: 100 }).success).toBe(true);
    expect(repairPayment.safeParse({ tender: 'gift_card', amountMinor: 100 }).success).toBe(false);
  });
});
