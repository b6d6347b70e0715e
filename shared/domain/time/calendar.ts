/**
 * Gregorian calendar arithmetic on calendar dates (`YYYY-MM-DD` days and the dates inside codes),
 * not instants: leap years, month lengths, whole months later.
 */

/** True for a Gregorian leap year. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in `month` (1–12) of `year`. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Calendar months after (or before, when negative) a day, clamped to the month's end (2026-01-31 + 1 → 2026-02-28). */
export function addMonths(day: string, months: number): string {
  const m = DAY_RE.exec(day);
  if (!m) throw new RangeError(`not a day: ${day}`);
  const index = Number(m[1]) * 12 + (Number(m[2]) - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  const d = Math.min(Number(m[3]), daysInMonth(year, month));
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
