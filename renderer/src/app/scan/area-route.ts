/**
 * The area route in the URL hash (`#/returns?receipt=…`) as a tiny store over `location.hash`.
 * A scan writes the route with its hand-off parameters (history.replaceState, then a
 * `hashchange` event so screens listening for it notice, as they would after a link) and then
 * opens the area; the shell keeps the hash on the open area (no parameters once the clerk moves
 * on). A screen may strip a parameter it has taken from the URL; readers see the URL as it is.
 */
import { useEffect, useSyncExternalStore } from 'react';
import { formatAreaHash, parseAreaHash, type AreaRoute, type HandOffParams } from './hand-off';

/** The route plus a counter that grows on every write (a re-scan of the same receipt counts). */
export interface AreaRouteState extends AreaRoute {
  seq: number;
}

const listeners = new Set<() => void>();
let seq = 0;
let cached: { hash: string; seq: number; state: AreaRouteState } | null = null;

function read(): AreaRouteState {
  const hash = window.location.hash;
  if (!cached || cached.hash !== hash || cached.seq !== seq) {
    cached = { hash, seq, state: { ...parseAreaHash(hash), seq } };
  }
  return cached.state;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('hashchange', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('hashchange', listener);
  };
}

/** Sets the route in the URL hash, tells every reader, and fires `hashchange` for screens that listen to it. */
export function writeAreaRoute(area: string, params: HandOffParams = {}): void {
  const oldURL = window.location.href;
  const { pathname, search } = window.location;
  window.history.replaceState(
    window.history.state,
    '',
    `${pathname}${search}${formatAreaHash(area, params)}`,
  );
  seq += 1;
  for (const l of [...listeners]) l();
  window.dispatchEvent(new HashChangeEvent('hashchange', { oldURL, newURL: window.location.href }));
}

const EMPTY: HandOffParams = Object.freeze({});

/**
 * The hand-off parameters for `area` (e.g. `params.receipt` on Returns) and the write counter;
 * empty parameters while the route is on another area.
 */
export function useAreaRoute(area: string): { params: HandOffParams; seq: number } {
  const s = useSyncExternalStore(subscribe, read, read);
  return s.area === area ? { params: s.params, seq: s.seq } : { params: EMPTY, seq: s.seq };
}

/** Keeps the hash on the open area: when the clerk opens another area, the hash names it, without parameters. */
export function useAreaRouteSync(current: string | null): void {
  useEffect(() => {
    if (current && read().area !== current) writeAreaRoute(current);
  }, [current]);
}
