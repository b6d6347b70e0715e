/**
 * Business days are cut in the store's time zone; instants are UTC epoch ms.
 * Only Intl is used, so this runs in the renderer, Node 20 and Electron alike.
 */

const formatterCache = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatterCache.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatterCache.set(timeZone, f);
  }
  return f;
}

export interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

export function localParts(epochMs: number, timeZone: string): LocalParts {
  const out: Record<string, number> = {};
  for (const p of partsFormatter(timeZone).formatToParts(new Date(epochMs))) {
    if (p.type !== 'literal') out[p.type] = Number(p.value);
  }
  return {
    year: out.year ?? 1970,
    month: out.month ?? 1,
    day: out.day ?? 1,
    hour: out.hour ?? 0,
    minute: out.minute ?? 0,
    second: out.second ?? 0,
  };
}

/** Offset of the zone from UTC at that instant, in ms (UTC+8 → 28 800 000). */
export function zoneOffsetMs(epochMs: number, timeZone: string): number {
  const p = localParts(epochMs, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(epochMs / 1000) * 1000;
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** The store-local calendar day of an instant, as `YYYY-MM-DD`. */
export function businessDay(epochMs: number, timeZone: string): string {
  const p = localParts(epochMs, timeZone);
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
}

/** `YYYYMMDD` form used inside document numbers. */
export function compactDay(day: string): string {
  return day.replaceAll('-', '');
}

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isBusinessDay(day: string): boolean {
  const m = DAY_RE.exec(day);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d;
}

/**
 * The UTC instant of store-local midnight starting `day`. Resolves DST gaps by taking the
 * first instant whose local day is `day`.
 */
export function startOfBusinessDay(day: string, timeZone: string): number {
  const m = DAY_RE.exec(day);
  // A day that does not exist (2026-13-45) would never be reached by the search below.
  if (!m || !isBusinessDay(day)) throw new RangeError(`not a day: ${day}`);
  const naive = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  // Two passes converge for every real zone (offset changes at most once around midnight).
  let guess = naive - zoneOffsetMs(naive, timeZone);
  guess = naive - zoneOffsetMs(guess, timeZone);
  // If midnight does not exist (DST gap at 00:00), step forward to the first local instant of the day.
  while (businessDay(guess, timeZone) !== day) guess += 15 * 60_000;
  while (businessDay(guess - 60_000, timeZone) === day) guess -= 60_000;
  return guess;
}

/**
 * The UTC instant of a store-local wall-clock time `HH:MM` on `day` (a DST-change day included: 22:30
 * is 22:30 on the clock, not midnight plus 22.5 hours). A time inside a spring-forward gap resolves
 * to the instant one gap later.
 */
export function localTimeOn(day: string, hhmm: string, timeZone: string): number {
  const d = DAY_RE.exec(day);
  const t = /^(\d{2}):(\d{2})$/.exec(hhmm);
  if (!d || !t) throw new RangeError(`not a day/time: ${day} ${hhmm}`);
  const naive = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]), Number(t[2]));
  const guess = naive - zoneOffsetMs(naive, timeZone);
  return naive - zoneOffsetMs(guess, timeZone);
}

/** Half-open [start, end) UTC range of a business day. */
export function businessDayRange(day: string, timeZone: string): { start: number; end: number } {
  return { start: startOfBusinessDay(day, timeZone), end: startOfBusinessDay(addDays(day, 1), timeZone) };
}

/** Calendar arithmetic on `YYYY-MM-DD` strings. */
export function addDays(day: string, n: number): string {
  const m = DAY_RE.exec(day);
  if (!m) throw new RangeError(`not a day: ${day}`);
  const dt = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + n));
  return `${pad(dt.getUTCFullYear(), 4)}-${pad(dt.getUTCMonth() + 1)}-${pad(dt.getUTCDate())}`;
}

/** Whole calendar days from `from` to `to` (store-local days, so DST never shifts it). */
export function daysBetween(from: string, to: string): number {
  const a = DAY_RE.exec(from);
  const b = DAY_RE.exec(to);
  if (!a || !b) throw new RangeError('not a day');
  const ua = Date.UTC(Number(a[1]), Number(a[2]) - 1, Number(a[3]));
  const ub = Date.UTC(Number(b[1]), Number(b[2]) - 1, Number(b[3]));
  return Math.round((ub - ua) / 86_400_000);
}

const validZones = new Map<string, boolean>();

/** Whether Intl knows this IANA zone (cached: it sits on the return-commit path). */
export function isValidTimeZone(timeZone: string): boolean {
  const known = validZones.get(timeZone);
  if (known !== undefined) return known;
  let ok: boolean;
  try {
    partsFormatter(timeZone);
    ok = true;
  } catch {
    ok = false;
  }
  if (validZones.size < 1000) validZones.set(timeZone, ok);
  return ok;
}
