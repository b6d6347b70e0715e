/**
 * The promised date of a repair: N business days (Monday–Friday, store-local calendar) after the
 * intake day, due by the end of that local day. Weekends are skipped; the intake day itself never
 * counts. No public-holiday calendar: a store that closes on a holiday moves the promise by hand.
 */
import { addDays, businessDay, startOfBusinessDay } from '../time/business-day';

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** 0 = Sunday … 6 = Saturday for a `YYYY-MM-DD` calendar day. */
export function weekdayOf(day: string): number {
  const m = DAY_RE.exec(day);
  if (!m) throw new RangeError(`not a day: ${day}`);
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))).getUTCDay();
}

/** True for Monday–Friday. */
export function isWeekday(day: string): boolean {
  const w = weekdayOf(day);
  return w >= 1 && w <= 5;
}

/** The day `n` business days after `day` (n ≥ 0; n = 0 returns `day`). */
export function addBusinessDays(day: string, n: number): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`business days must be a whole number ≥ 0: ${n}`);
  let d = day;
  let left = n;
  while (left > 0) {
    d = addDays(d, 1);
    if (isWeekday(d)) left--;
  }
  return d;
}

/** Last instant (UTC ms) of a store-local day: the promise is kept if the job is ready before it. */
export function endOfBusinessDay(day: string, timeZone: string): number {
  return startOfBusinessDay(addDays(day, 1), timeZone) - 1;
}

/** Promised day and instant for an intake at `now` with an SLA of `slaBusinessDays`. */
export function promisedFor(
  now: number,
  timeZone: string,
  slaBusinessDays: number,
): { promisedDay: string; promisedAt: number } {
  const promisedDay = addBusinessDays(businessDay(now, timeZone), slaBusinessDays);
  return { promisedDay, promisedAt: endOfBusinessDay(promisedDay, timeZone) };
}
