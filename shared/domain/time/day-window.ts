/**
 * Windows of whole store-local calendar days counted from a purchase (return, exchange, warranty).
 *
 * The purchase day is day 0, the next local day is day 1 (as 《民法典》 counts: the first day is not
 * counted). A window of N days is open on days 0…N and closes at local midnight at the end of day N:
 * bought 2026-11-02 (any time that local day), a 15-day window's last day is 2026-11-17 and it closes at
 * 2026-11-18 00:00 local, so 2026-11-17 23:59:59.999 local is still inside. Days are cut in the store's
 * zone (never UTC) and counted on the calendar, so a DST change never adds or removes a day.
 */
import { addDays, businessDay, daysBetween, startOfBusinessDay } from './business-day';

/** Which day of a window `now` falls on: 0 on the purchase day, negative if `now` is before it. */
export function dayNumber(purchasedAt: number, now: number, timeZone: string): number {
  return daysBetween(businessDay(purchasedAt, timeZone), businessDay(now, timeZone));
}

export interface DayWindow {
  /** Local day of the purchase, YYYY-MM-DD (day 0). */
  purchaseDay: string;
  /** Last local day inside the window, YYYY-MM-DD (day N). */
  lastDay: string;
  /** UTC epoch ms at which the window closes (local midnight after lastDay); inside means now < closesAt. */
  closesAt: number;
}

/** The N-day window opened by a purchase (see the file comment for the exact rule). */
export function dayWindow(purchasedAt: number, days: number, timeZone: string): DayWindow {
  if (!Number.isSafeInteger(days) || days < 0)
    throw new RangeError(`window days must be a whole number ≥ 0, got ${days}`);
  const purchaseDay = businessDay(purchasedAt, timeZone);
  const lastDay = addDays(purchaseDay, days);
  return { purchaseDay, lastDay, closesAt: startOfBusinessDay(addDays(lastDay, 1), timeZone) };
}
