/**
 * Warranty at repair intake (pure rule over the 三包 / generic profiles), with hand-worked days:
 * today is Monday 2026-11-23 (Shanghai). 三包: 7 days return, 15 days exchange, 365 days repair,
 * replacement after 2 failed repairs of the same fault; laptops carry a 24-month manufacturer warranty.
 */
import { describe, expect, it } from 'vitest';
import { cnSanbaoProfile, genericRetailProfile } from '../../../shared/domain/policy';
import { decideRepairWarranty, type WarrantyInput } from '../../../shared/domain/repairs/warranty';
import { addMonths } from '../../../shared/domain/time/calendar';

const NOW = Date.UTC(2026, 10, 23, 6, 0, 0);
const at = (y: number, m: number, d: number): number => Date.UTC(y, m - 1, d, 6, 0, 0);

function input(partial: Partial<WarrantyInput>): WarrantyInput {
  return {
    profile: cnSanbaoProfile,
    categoryCode: 'laptop',
    sale: { id: 's1', receiptNo: 'S-1', soldAt: at(2026, 3, 23), lineNetMinor: 549_900 },
    now: NOW,
    timeZone: 'Asia/Shanghai',
    faultCode: 'not_charging',
    previousRepairs: [],
    manufacturerWarrantyMonths: 24,
    voidReason: null,
    ...partial,
  };
}

const repair = (id: string, created: number, fault = 'not_charging') => ({
  id,
  faultCode: fault,
  createdAt: created,
  pickedUpAt: created + 2 * 86_400_000,
  repairWarrantyDays: 90,
});

describe('warranty of a repair intake', () => {
  it('bought 8 months ago → 三包 repair until 2027-03-23 (journey 5)', () => {
    const d = decideRepairWarranty(input({}));
    expect(d.kind).toBe('sanbao');
    expect(d.coveredUntil).toBe('2027-03-23');
    expect(d.options).toEqual(['repair']);
    expect(d.reasons[0]).toEqual({
      key: 'policy.reason.sanbao.warrantyRepair',
      params: expect.objectContaining({ purchasedOn: '2026-03-23', days: 245, windowEnd: '2027-03-23' }),
    });
    expect(d.repeat).toBeNull();
  });

  it('within 7 days the customer may choose return or exchange instead; within 15 days exchange', () => {
    expect(
      decideRepairWarranty(
        input({ sale: { id: 's', receiptNo: 'r', soldAt: at(2026, 11, 18), lineNetMinor: 1 } }),
      ).options,
    ).toEqual(['refund', 'exchange', 'repair']);
    expect(
      decideRepairWarranty(
        input({ sale: { id: 's', receiptNo: 'r', soldAt: at(2026, 11, 13), lineNetMinor: 1 } }),
      ).options,
    ).toEqual(['exchange', 'repair']);
  });

  it('the second repair of the same fault within 三包: next failure → replacement', () => {
    const d = decideRepairWarranty(input({ previousRepairs: [repair('J-20260626-0001', at(2026, 6, 26))] }));
    expect(d.kind).toBe('sanbao');
    expect(d.repeat).toEqual({
      previousJobIds: ['J-20260626-0001'],
      repairNo: 2,
      maxFailedRepairs: 2,
      rule: 'next_failure_replacement',
      reason: {
        key: 'repairs.repeat.next_failure_replacement',
        params: { repairNo: 2, maxFailedRepairs: 2, previousJobId: 'J-20260626-0001' },
      },
    });
    expect(d.reasons.map((r) => r.key)).toEqual(['policy.reason.sanbao.warrantyRepair']);
  });

  it('after two repairs of the same fault: replacement or return is due', () => {
    const d = decideRepairWarranty(
      input({ previousRepairs: [repair('J-A', at(2026, 5, 2)), repair('J-B', at(2026, 8, 9))] }),
    );
    expect(d.repeat?.rule).toBe('replacement_due');
    expect(d.repeat?.previousJobIds).toEqual(['J-B', 'J-A']);
    expect(d.reasons[0]?.key).toBe('policy.reason.sanbao.warrantyReplacement');
    expect(d.options).toEqual(['replacement', 'refund']);
  });

  it('repairs of another fault, or from before this sale, do not count', () => {
    const d = decideRepairWarranty(
      input({ previousRepairs: [repair('J-X', at(2026, 6, 1), 'screen'), repair('J-Y', at(2026, 1, 5))] }),
    );
    expect(d.repeat).toBeNull();
  });

  it('past 三包 but within 24 months → manufacturer warranty until the same day two years on', () => {
    const d = decideRepairWarranty(
      input({ sale: { id: 's', receiptNo: 'r', soldAt: at(2025, 6, 1), lineNetMinor: 1 } }),
    );
    expect(d.kind).toBe('manufacturer');
    expect(d.coveredUntil).toBe('2027-06-01');
    expect(d.reasons.map((r) => r.key)).toEqual([
      'policy.reason.sanbao.warrantyExpired',
      'repairs.warranty.manufacturer',
    ]);
  });

  it('past both → paid repair', () => {
    const d = decideRepairWarranty(
      input({ sale: { id: 's', receiptNo: 'r', soldAt: at(2024, 10, 1), lineNetMinor: 1 } }),
    );
    expect(d.kind).toBe('none');
    expect(d.coveredUntil).toBeNull();
    expect(d.reasons.map((r) => r.key)).toEqual(['policy.reason.sanbao.warrantyExpired']);
  });

  it('no sale: paid repair, unless an earlier repair of the same fault is still under its 90-day repair warranty', () => {
    expect(decideRepairWarranty(input({ sale: null, profile: null }))).toMatchObject({
      kind: 'none',
      reasons: [{ key: 'repairs.warranty.noSale' }],
    });
    // Picked up 2026-10-01 (+2 days from 09-29): warranty until 2026-12-30.
    const d = decideRepairWarranty(
      input({ sale: null, profile: null, previousRepairs: [repair('J-P', at(2026, 9, 29))] }),
    );
    expect(d.kind).toBe('repair_warranty');
    expect(d.coveredUntil).toBe('2026-12-30');
    expect(d.repeat?.rule).toBe('repeat');
  });

  it('a store (generic) profile gives store warranty; a void reason turns any warranty into paid repair', () => {
    expect(
      decideRepairWarranty(input({ profile: genericRetailProfile, categoryCode: 'headphones' })).kind,
    ).toBe('store');
    const v = decideRepairWarranty(input({ voidReason: '进水 liquid damage' }));
    expect(v.kind).toBe('none');
    expect(v.reasons[0]).toEqual({
      key: 'repairs.warranty.voided',
      params: { reason: '进水 liquid damage' },
    });
  });

  it('adds calendar months clamped to the month end', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2025-06-01', 24)).toBe('2027-06-01');
  });
});
