/**
 * Keyboard-wedge scan detection: a scanner in keyboard mode "types" its code far faster than a
 * person (every gap between keys a few ms) and ends it with Enter (or Tab). This pure state
 * machine is fed keydown events and tells, key by key, whether the key may belong to a scan,
 * whether it is a person typing, or whether it just completed a scan.
 *
 * How a field uses it (the renderer wraps this in a hook, one detector per window):
 * 1. On every keydown call `push({ key: e.key, at: e.timeStamp, repeat: e.repeat })`.
 * 2. `candidate` — let the key through as usual (never eat it: it may be a person typing). When
 *    `burstLength === 1` this key starts a burst: remember the field's value and selection as they
 *    are *now* (keydown runs before the character is inserted).
 * 3. `typing` — an ordinary key; nothing to do. `released` lists the keys of the burst that just
 *    turned out to be typing (only a field that holds keys back needs them; a pass-through field
 *    already shows them).
 * 4. `scan` — the keys since the snapshot were a scanner: call `preventDefault()` on this Enter/Tab
 *    (so the form does not submit or move focus), put the field back to the remembered value and
 *    selection, and hand `scan.code` to the scan router (which may give it back to this field when
 *    the field wants that kind of code). The scanned characters are visible for the few
 *    milliseconds the burst lasts, then vanish — the field never keeps them as typed text.
 * A detector that must not see a key at all (e.g. inside an IME composition: `e.isComposing` or
 * key 'Process') should not be fed it; such keys break a burst if fed.
 */

export interface WedgeKeyEvent {
  /** `KeyboardEvent.key`: the character for printable keys, a name ('Enter', 'Shift', …) otherwise. */
  key: string;
  /** Timestamp in ms from a monotonic clock (`KeyboardEvent.timeStamp`). */
  at: number;
  /** `KeyboardEvent.repeat`: auto-repeat of a held key, which a scanner never produces. */
  repeat?: boolean;
}

export interface WedgeOptions {
  /** Fewest printable characters that can be a scan. Default 6. */
  minLength?: number;
  /** Largest gap between consecutive keys of a scan, in ms. Default 35. */
  maxGapMs?: number;
  /** Keys that end a scan. Default Enter and Tab. */
  terminators?: readonly string[];
  /** Longest burst kept; a longer one is treated as typing. Default 4096. */
  maxLength?: number;
}

export interface WedgeScan {
  code: string;
  /** `at` of the first character. */
  startedAt: number;
  /** `at` of the terminator. */
  endedAt: number;
}

export type WedgeResult =
  | { type: 'candidate'; burstLength: number; released: string[] }
  | { type: 'typing'; released: string[] }
  | { type: 'scan'; scan: WedgeScan };

export interface WedgeDetector {
  /** Feeds one keydown; never throws. */
  push(ev: WedgeKeyEvent): WedgeResult;
  /** Ends a burst that has been quiet for longer than maxGapMs at `now`; returns its keys (typing). */
  flush(now: number): string[];
  /** Forgets any burst (call when the window loses focus). */
  reset(): void;
  /** Printable keys in the current burst. */
  readonly pending: number;
}

export const WEDGE_DEFAULTS = {
  minLength: 6,
  maxGapMs: 35,
  terminators: ['Enter', 'Tab'],
  maxLength: 4096,
} as const;

/** Keys that a scanner sends around characters (Shift for capitals) and that neither extend nor break a burst. */
const MODIFIERS = new Set(['Shift', 'Control', 'Alt', 'AltGraph', 'Meta', 'CapsLock', 'NumLock']);

/** True for a key that inserts one character (a single code point, not a named key). */
function isPrintable(key: string): boolean {
  if (key.length === 0 || key.length > 2) return false;
  const cp = key.codePointAt(0) ?? 0;
  if (key.length === 2 && cp <= 0xffff) return false;
  return cp >= 0x20 && cp !== 0x7f;
}

/** Creates a detector; see the file comment for how a field should use its results. */
export function createWedgeDetector(options: WedgeOptions = {}): WedgeDetector {
  const minLength = options.minLength ?? WEDGE_DEFAULTS.minLength;
  const maxGapMs = options.maxGapMs ?? WEDGE_DEFAULTS.maxGapMs;
  const terminators = new Set<string>(options.terminators ?? WEDGE_DEFAULTS.terminators);
  const maxLength = options.maxLength ?? WEDGE_DEFAULTS.maxLength;

  let keys: string[] = [];
  let startedAt = 0;
  let lastAt = Number.NaN;

  const closeGap = (at: number): boolean => {
    const gap = at - lastAt;
    return Number.isFinite(gap) && gap >= 0 && gap <= maxGapMs;
  };
  const release = (): string[] => {
    const out = keys;
    keys = [];
    lastAt = Number.NaN;
    return out;
  };

  return {
    push(ev: WedgeKeyEvent): WedgeResult {
      const key = typeof ev?.key === 'string' ? ev.key : '';
      const at = typeof ev?.at === 'number' ? ev.at : Number.NaN;
      const inBurst = keys.length > 0 && closeGap(at);

      if (MODIFIERS.has(key) && !ev.repeat) {
        if (inBurst) {
          lastAt = at;
          return { type: 'candidate', burstLength: keys.length, released: [] };
        }
        return { type: 'typing', released: release() };
      }

      if (terminators.has(key)) {
        if (inBurst && keys.length >= minLength && !ev.repeat) {
          const scan = { code: keys.join(''), startedAt, endedAt: at };
          release();
          return { type: 'scan', scan };
        }
        return { type: 'typing', released: release() };
      }

      if (!isPrintable(key) || ev.repeat || !Number.isFinite(at))
        return { type: 'typing', released: release() };

      if (inBurst && keys.length < maxLength) {
        keys.push(key);
        lastAt = at;
        return { type: 'candidate', burstLength: keys.length, released: [] };
      }
      const released = release();
      keys = [key];
      startedAt = at;
      lastAt = at;
      return { type: 'candidate', burstLength: 1, released };
    },

    flush(now: number): string[] {
      if (keys.length === 0 || closeGap(now)) return [];
      return release();
    },

    reset(): void {
      release();
    },

    get pending(): number {
      return keys.length;
    },
  };
}
