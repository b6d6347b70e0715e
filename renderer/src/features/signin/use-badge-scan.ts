/** Listens for a keyboard-wedge badge scan anywhere on the page and hands the badge text over. */
import { useEffect, useLayoutEffect, useRef } from 'react';
import { createBadgeWedge } from './badge-wedge';

/**
 * Calls `onBadge` when a scanner burst that is a badge ends; that Enter is swallowed so it does
 * not also submit the form that happened to have focus.
 */
export function useBadgeScan(onBadge: (badge: string) => void, enabled = true): void {
  const latest = useRef(onBadge);
  useLayoutEffect(() => {
    latest.current = onBadge;
  });
  useEffect(() => {
    if (!enabled) return undefined;
    const wedge = createBadgeWedge();
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.altKey || e.metaKey || e.isComposing || e.key === 'Process') return;
      const badge = wedge.key(e.key, e.timeStamp, e.repeat);
      if (badge) {
        e.preventDefault();
        e.stopPropagation();
        latest.current(badge);
      }
    };
    const onBlur = () => wedge.reset();
    window.addEventListener('keydown', onKey, true);
    window.addEventListener('blur', onBlur);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      window.removeEventListener('blur', onBlur);
    };
  }, [enabled]);
}
