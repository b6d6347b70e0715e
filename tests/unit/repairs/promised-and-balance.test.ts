/**
 * Promised dates in business days (Mon–Fri, store-local, intake day not counted, due by the end
 * of the local day) and what the customer pays at pickup. Expected values are worked out by hand
 * from a calendar: 2026-11-23 is a Monday, 2027-01-01 a Friday, Berlin leaves summer time on
 * 2026-10-25.
 */
import { describe, expect, it } from 'vitest';
import { repairBalance } from '../../../shared/domain/repairs/balance';
import { addBusinessDays, promisedFor, weekdayOf } from '../../../shared/domain/repairs/promised-date';

describe('business days', () => {
  it('skips weekends and never counts the starting day', () => {
    expect(weekdayOf('2026-11-23')).toBe(1);
    expect(addBusinessDays('2026-11-23', 5)).toBe('2026-11-30');
    expect(addBusinessDays('2026-11-27', 1)).toBe('2026-11-30');
    expect(addBusinessDays('2026-11-28', 1)).toBe('2026-11-30');
    expect(addBusinessDays('2026-11-29', 3)).toBe('2026-12-02');
    expect(addBusinessDays('2026-11-28', 0)).toBe('2026-11-28');
    expect(addBusinessDays('2026-12-31', 3)).toBe('2027-01-05');
    expect(() => addBusinessDays('2026-11-23', -1)).toThrow(RangeError);
  });

  it('a laptop taken in on Monday 2026-11-23 14:00 Shanghai is promised for Monday 11-30, 23:59:59.999 local', () => {
    expect(promisedFor(Date.UTC(2026, 10, 23, 6, 0, 0), 'Asia/Shanghai', 5)).toEqual({
      promisedDay: '2026-11-30',
      promisedAt: Date.UTC(2026, 10, 30, 15, 59, 59, 999),
    });
  });

  it('a taken-in at 23:30 local still counts from that local day, not the UTC one', () => {
    // 2026-11-23 23:30 Shanghai = 15:30 UTC the same day; 2026-11-24 00:30 Shanghai = 16:30 UTC on the 23rd.
    expect(promisedFor(Date.UTC(2026, 10, 23, 15, 30), 'Asia/Shanghai', 1).promisedDay).toBe('2026-11-24');
    expect(promisedFor(Date.UTC(2026, 10, 23, 16, 30), 'Asia/Shanghai', 1).promisedDay).toBe('2026-11-25');
  });

  it('ends the promised day at local midnight in a zone with DST (Berlin, after the October change: UTC+1)', () => {
    expect(promisedFor(Date.UTC(2026, 9, 23, 10, 0), 'Europe/Berlin', 5)).toEqual({
      promisedDay: '2026-10-30',
      promisedAt: Date.UTC(2026, 9, 30, 23, 0, 0) - 1,
    });
  });
});

describe('balance at pickup', () => {
  it('out of warranty: estimate + parts − deposit', () => {
    expect(
      repairBalance({ warranty: 'none', estimateMinor: 8_000, partsPriceMinor: 3_500, depositMinor: 3_000 }),
    ).toEqual({ chargeMinor: 11_500, balanceDueMinor: 8_500, refundDueMinor: 0 });
  });
  it('a deposit above the charge is handed back', () => {
    expect(
      repairBalance({ warranty: 'none', estimateMinor: 8_000, partsPriceMinor: 3_500, depositMinor: 20_000 }),
    ).toEqual({ chargeMinor: 11_500, balanceDueMinor: 0, refundDueMinor: 8_500 });
  });
  it('under any warranty the charge is 0, parts included, and a deposit comes back', () => {
    for (const warranty of ['sanbao', 'store', 'manufacturer', 'repair_warranty'] as const) {
      expect(
        repairBalance({ warranty, estimateMinor: 0, partsPriceMinor: 3_500, depositMinor: 0 }),
        warranty,
      ).toEqual({ chargeMinor: 0, balanceDueMinor: 0, refundDueMinor: 0 });
      expect(
        repairBalance({ warranty, estimateMinor: 5_000, partsPriceMinor: 0, depositMinor: 5_000 }),
        warranty,
      ).toEqual({ chargeMinor: 0, balanceDueMinor: 0, refundDueMinor: 5_000 });
    }
  });
});
