/**
 * Badge scans from a keyboard-wedge scanner: the shared burst detector
 * (shared/domain/scanner/wedge-detector) tells a scanner's burst from a person typing, and only a
 * burst that parses as a staff badge (`CDB-…`, shared/domain/codes) counts here. Other scans
 * (receipts, products) are left alone for the screens that want them.
 */
import { parseBadge } from '../../../../shared/domain/codes/document-number';
import { createWedgeDetector, type WedgeOptions } from '../../../../shared/domain/scanner/wedge-detector';

export interface BadgeWedge {
  /** Feeds one keydown (KeyboardEvent.key, timeStamp, repeat); returns the badge on the closing Enter/Tab. */
  key(key: string, at: number, repeat?: boolean): string | null;
  /** Forgets a half-seen burst (window lost focus). */
  reset(): void;
}

/** A badge detector over one wedge detector. */
export function createBadgeWedge(options: WedgeOptions = {}): BadgeWedge {
  const detector = createWedgeDetector(options);
  return {
    key(key, at, repeat = false) {
      const r = detector.push({ key, at, repeat });
      if (r.type !== 'scan') return null;
      const badge = parseBadge(r.scan.code);
      return badge.ok ? badge.text : null;
    },
    reset: () => detector.reset(),
  };
}
