/**
 * Enter moves the flow on: a window keydown listener that acts for keys typed inside the Returns
 * screen (or with nothing focused), except in places that own their Enter — text areas, ordinary
 * buttons, and anything inside `[data-own-enter]` (the receipt field looks up, search fields search).
 * Toggle buttons (checklist ✓/✗, grades, reasons) and buttons marked `data-enter-advances` (All ✓)
 * do not act on Enter here, Space does: a clerk who clicked one and presses Enter means "next".
 */
import { useEffect, useLayoutEffect, useRef, type RefObject } from 'react';

/** Whether an Enter on this element should move the flow on. */
export function enterAdvances(target: Element | null): boolean {
  if (!target || target === document.body) return true;
  if (target.closest('[data-own-enter]')) return false;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT' || tag === 'A') return false;
  if (tag === 'BUTTON' || target.getAttribute('role') === 'button')
    return target.classList.contains('MuiToggleButton-root') || target.hasAttribute('data-enter-advances');
  if (tag === 'INPUT') {
    const type = (target as HTMLInputElement).type;
    return ['text', 'tel', 'number', 'search', 'checkbox', 'radio', 'date', ''].includes(type);
  }
  return true;
}

/** Calls `onEnter` for an Enter that belongs to the screen under `root`, while `enabled`. */
export function useEnterKey(
  root: RefObject<HTMLElement | null>,
  onEnter: () => void,
  enabled: boolean,
): void {
  const latest = useRef(onEnter);
  useLayoutEffect(() => {
    latest.current = onEnter;
  });
  useEffect(() => {
    if (!enabled) return undefined;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Enter' || e.defaultPrevented || e.repeat || e.isComposing) return;
      if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
      const target = e.target instanceof Element ? e.target : null;
      const inside = target !== null && root.current?.contains(target) === true;
      const nowhere = target === null || target === document.body;
      if (!inside && !(nowhere && !document.querySelector('.MuiDialog-root'))) return;
      if (!enterAdvances(target)) return;
      e.preventDefault();
      latest.current();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [root, enabled]);
}
