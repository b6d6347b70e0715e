/**
 * Tells a badge scanned by a keyboard-wedge scanner from a person typing: a scanner "types" the
 * whole code in a burst (a few ms per key) and ends with Enter; people are much slower. Only a
 * fast burst that parses as a staff badge (`CDB-…`, shared/domain/codes) counts.
 */
import { parseBadge } from '../../../../shared/domain/codes/document-number';

export interface WedgeTiming {
  /** Longest gap between two keys of one burst. */
  maxGapMs: number;
  /** Shortest burst that can be a badge (`CDB-` + 3 characters). */
  minLength: number;
}

export const DEFAULT_WEDGE_TIMING: WedgeTiming = { maxGapMs: 40, minLength: 7 };

export type WedgeVerdict = { kind: 'none' } | { kind: 'badge'; badge: string };

export class BadgeWedgeDetector {
  private buffer = '';
  private lastAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly timing: WedgeTiming = DEFAULT_WEDGE_TIMING) {}

  /** Feeds one keydown (KeyboardEvent.key and its time in ms); a badge comes back on the closing Enter. */
  key(key: string, at: number): WedgeVerdict {
    const fast = at - this.lastAt <= this.timing.maxGapMs;
    if (key === 'Shift') return { kind: 'none' };
    if (key === 'Enter') {
      const text = this.buffer;
      this.reset();
      if (!fast || text.length < this.timing.minLength) return { kind: 'none' };
      const badge = parseBadge(text);
      return badge.ok ? { kind: 'badge', badge: badge.text } : { kind: 'none' };
    }
    if (key.length !== 1) {
      this.reset();
      return { kind: 'none' };
    }
    this.buffer = fast ? this.buffer + key : key;
    this.lastAt = at;
    return { kind: 'none' };
  }

  private reset(): void {
    this.buffer = '';
    this.lastAt = Number.NEGATIVE_INFINITY;
  }
}
