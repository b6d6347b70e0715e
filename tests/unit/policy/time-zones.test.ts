import { describe, expect, it } from 'vitest';
import { dayNumber, dayWindow } from '../../../shared/domain/time/day-window';
import { decide } from './helpers';

describe('windows count store-local calendar days, never UTC days', () => {
  it('Shanghai: a sale at 00:30 local is the previous day in UTC but day 0 locally', () => {
    const saleAt = Date.UTC(2026, 10, 1, 16, 30); // 2026-11-02 00:30 Asia/Shanghai = 2026-11-01 16:30 UTC
    const inside = Date.UTC(2026, 10, 9, 15, 59, 59, 999); // 2026-11-09 23:59:59.999 local: day 7 (UTC would say day 8)
    const outside = Date.UTC(2026, 10, 9, 16, 0); // 2026-11-10 00:00 local: day 8 (UTC still says 2026-11-09)
    expect(dayNumber(saleAt, inside, 'Asia/Shanghai')).toBe(7);
    expect(dayNumber(saleAt, outside, 'Asia/Shanghai')).toBe(8);
    expect(decide({ saleAt, now: inside }).decidingRule).toBe('fault_return');
    const late = decide({ saleAt, now: outside });
    expect(late.decidingRule).toBe('fault_exchange');
    expect(late.window).toEqual({ purchasedOn: '2026-11-02', today: '2026-11-10', days: 8 });
    expect(dayWindow(saleAt, 7, 'Asia/Shanghai')).toEqual({
      purchaseDay: '2026-11-02',
      lastDay: '2026-11-09',
      closesAt: outside,
    });
  });

  it('Shanghai: a sale at 23:30 local is that day (15:30 UTC the same day)', () => {
    const saleAt = Date.UTC(2026, 10, 2, 15, 30);
    expect(dayWindow(saleAt, 15, 'Asia/Shanghai')).toEqual({
      purchaseDay: '2026-11-02',
      lastDay: '2026-11-17',
      closesAt: Date.UTC(2026, 10, 17, 16, 0), // 2026-11-18 00:00 local
    });
    expect(dayNumber(saleAt, Date.UTC(2026, 10, 17, 15, 59, 59, 999), 'Asia/Shanghai')).toBe(15);
  });

  it('New York, DST starts (2026-03-08): a 7-day window closes at local midnight on EDT', () => {
    const tz = 'America/New_York';
    const saleAt = Date.UTC(2026, 2, 1, 17, 0); // 2026-03-01 12:00 EST
    const w = dayWindow(saleAt, 7, tz);
    expect(w).toEqual({
      purchaseDay: '2026-03-01',
      lastDay: '2026-03-08',
      closesAt: Date.UTC(2026, 2, 9, 4, 0),
    });
    const lastMs = Date.UTC(2026, 2, 9, 3, 59, 59, 999); // 2026-03-08 23:59:59.999 EDT (UTC is already 03-09)
    expect(dayNumber(saleAt, lastMs, tz)).toBe(7);
    expect(dayNumber(saleAt, w.closesAt, tz)).toBe(8);
    expect(decide({ saleAt, now: lastMs, timeZone: tz }).decidingRule).toBe('fault_return');
    expect(decide({ saleAt, now: w.closesAt, timeZone: tz }).decidingRule).toBe('fault_exchange');
  });

  it('New York, DST ends (2026-11-01): the 25-hour day still counts as one day', () => {
    const tz = 'America/New_York';
    const saleAt = Date.UTC(2026, 9, 25, 16, 0); // 2026-10-25 12:00 EDT
    const w = dayWindow(saleAt, 7, tz);
    expect(w).toEqual({
      purchaseDay: '2026-10-25',
      lastDay: '2026-11-01',
      closesAt: Date.UTC(2026, 10, 2, 5, 0),
    });
    expect(dayNumber(saleAt, Date.UTC(2026, 10, 2, 4, 59, 59, 999), tz)).toBe(7); // 23:59:59.999 EST on 11-01
    expect(dayNumber(saleAt, Date.UTC(2026, 10, 2, 5, 0), tz)).toBe(8);
    // A sale in the repeated hour 01:30 (first, EDT) and 01:30 (second, EST) is the same local day.
    expect(dayWindow(Date.UTC(2026, 10, 1, 5, 30), 0, tz).purchaseDay).toBe('2026-11-01');
    expect(dayWindow(Date.UTC(2026, 10, 1, 6, 30), 0, tz).purchaseDay).toBe('2026-11-01');
  });

  it('refuses a negative or fractional window', () => {
    expect(() => dayWindow(0, -1, 'UTC')).toThrow(RangeError);
    expect(() => dayWindow(0, 1.5, 'UTC')).toThrow(RangeError);
  });
});
