import { describe, expect, it } from 'vitest';
import {
  addDays,
  businessDay,
  businessDayRange,
  daysBetween,
  isBusinessDay,
  isValidTimeZone,
  startOfBusinessDay,
} from '../../../shared/domain/time/business-day';

describe('business days in the store time zone', () => {
  it('cuts Shanghai days at local midnight (UTC+8), not UTC midnight', () => {
    // 2026-11-22 16:30 UTC is 2026-11-23 00:30 in Shanghai.
    expect(businessDay(Date.UTC(2026, 10, 22, 16, 30), 'Asia/Shanghai')).toBe('2026-11-23');
    expect(businessDay(Date.UTC(2026, 10, 22, 15, 59, 59, 999), 'Asia/Shanghai')).toBe('2026-11-22');
    expect(startOfBusinessDay('2026-11-23', 'Asia/Shanghai')).toBe(Date.UTC(2026, 10, 22, 16, 0));
  });

  it('handles a DST zone: New York days are 23 h in March and 25 h in November', () => {
    const spring = businessDayRange('2026-03-08', 'America/New_York');
    expect(spring.start).toBe(Date.UTC(2026, 2, 8, 5, 0)); // EST, UTC−5
    expect(spring.end - spring.start).toBe(23 * 3_600_000);
    const autumn = businessDayRange('2026-11-01', 'America/New_York');
    expect(autumn.start).toBe(Date.UTC(2026, 10, 1, 4, 0)); // EDT, UTC−4
    expect(autumn.end - autumn.start).toBe(25 * 3_600_000);
  });

  it('finds the first instant of a day whose midnight does not exist (Santiago springs forward at 00:00)', () => {
    // Chile: 2026-09-06 00:00 → 01:00 local.
    const start = startOfBusinessDay('2026-09-06', 'America/Santiago');
    expect(businessDay(start, 'America/Santiago')).toBe('2026-09-06');
    expect(businessDay(start - 1, 'America/Santiago')).toBe('2026-09-05');
  });

  it('does calendar arithmetic on day strings', () => {
    expect(addDays('2026-02-27', 2)).toBe('2026-03-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(daysBetween('2026-11-02', '2026-11-23')).toBe(21);
    expect(daysBetween('2026-03-07', '2026-03-09')).toBe(2);
  });

  it('validates days and time zones', () => {
    expect(isBusinessDay('2026-02-29')).toBe(false);
    expect(isBusinessDay('2028-02-29')).toBe(true);
    expect(isBusinessDay('2026-13-01')).toBe(false);
    expect(isBusinessDay('20261123')).toBe(false);
    expect(isValidTimeZone('Asia/Shanghai')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(() => startOfBusinessDay('yesterday', 'Asia/Shanghai')).toThrow(RangeError);
  });
});
