/**
 * GS1 YYMMDD dates (AIs 11, 13, 15, 17). The century follows GS1 General Specifications §7.12:
 * a year 51–99 ahead of the reference year is last century, 50–99 behind is next century.
 * DD = 00 means the last day of that month.
 */
import { daysInMonth } from '../time/calendar';

export type Gs1DateResult = { ok: true; iso: string; dayWasZero: boolean } | { ok: false };

/** The four-digit year for a two-digit `yy`, by the GS1 sliding window around `referenceYear`. */
export function gs1Year(yy: number, referenceYear: number): number {
  const century = Math.floor(referenceYear / 100) * 100;
  const diff = yy - (referenceYear % 100);
  if (diff >= 51) return century - 100 + yy;
  if (diff <= -50) return century + 100 + yy;
  return century + yy;
}

/** `'261100'` with reference year 2026 → `{ ok: true, iso: '2026-11-30', dayWasZero: true }`. */
export function parseGs1Date(yymmdd: string, referenceYear: number): Gs1DateResult {
  if (!/^[0-9]{6}$/.test(yymmdd)) return { ok: false };
  const yy = Number(yymmdd.slice(0, 2));
  const month = Number(yymmdd.slice(2, 4));
  const dd = Number(yymmdd.slice(4, 6));
  if (month < 1 || month > 12) return { ok: false };
  const year = gs1Year(yy, referenceYear);
  const last = daysInMonth(year, month);
  if (dd > last) return { ok: false };
  const day = dd === 0 ? last : dd;
  const iso = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return { ok: true, iso, dayWasZero: dd === 0 };
}
