/** Listens for a keyboard-wedge badge scan anywhere on the page and hands the badge text over. */
import { useEffect, useLayoutEffect, useRef } from 'react';
import { BadgeWedgeDetector } from './badge-wedge';

/**
 * Calls `onBadge` when a fast `CDB-…` burst ends with Enter; that Enter is swallowed so it does
 * not also submit the form that happened to have focus.
 */
export function useBadgeScan(onBadge: (badge: string) => void, enabled = true): void {
  const latest = useRef(onBadge);
  useLayoutEffect(() => {
    latest.current = onBadge;
  });
  useEffect(() => {
    if (!enabled) return undefined;
    const detector = new BadgeWedgeDetector();
    const listener = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.altKey || e.metaKey) return;
      const verdict = detector.key(e.key, e.timeStamp);
      if (verdict.kind === 'badge') {
        e.preventDefault();
        e.stopPropagation();
        latest.current(verdict.badge);
      }
    };
    window.addEventListener('keydown', listener, true);
    return () => window.removeEventListener('keydown', listener, true);
  }, [enabled]);
}
