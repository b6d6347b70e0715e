/**
 * useScanTarget: a field says which kinds of scans it wants (a serial number, an IMEI, a product
 * code…). While mounted (and enabled) it is a target; the one that had the focus last is active,
 * and a scan of a kind it wants is handed to `onScan` instead of going anywhere else.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { FieldScanKind, RoutedScan } from './scan-decision';
import { useOptionalScanContext } from './scan-provider';

export interface ScanTargetOptions {
  /** What the field is, in the UI language ("序列号"); shown as "扫描将填入：序列号". */
  label: string;
  /** Default true. */
  enabled?: boolean;
}

export interface ScanTargetHandle {
  /** Put on the field (or its wrapper): the focus inside it makes this target active. */
  ref: (el: HTMLElement | null) => void;
  /** True while a scan of a wanted kind would come here. */
  active: boolean;
  /** Makes this target the active one (e.g. when its form opens). */
  activate(): void;
}

const noop = () => () => undefined;

/** Registers the calling field as a scan target for `kinds`; scans of those kinds go to `onScan`. */
export function useScanTarget(
  kinds: readonly FieldScanKind[],
  onScan: (scan: RoutedScan) => void,
  options: ScanTargetOptions,
): ScanTargetHandle {
  const ctx = useOptionalScanContext();
  const targets = ctx?.targets ?? null;
  const [id] = useState(() => targets?.newId() ?? 0);
  const el = useRef<HTMLElement | null>(null);
  const latest = useRef(onScan);
  useLayoutEffect(() => {
    latest.current = onScan;
  });
  const enabled = options.enabled ?? true;
  const kindsKey = kinds.join(',');

  const target = useCallback(
    () => ({
      id,
      kinds: kindsKey.split(',').filter(Boolean) as FieldScanKind[],
      label: options.label,
      deliver: (scan: RoutedScan) => latest.current(scan),
      hasFocus: () => {
        const node = el.current;
        return node !== null && node.contains(node.ownerDocument.activeElement);
      },
    }),
    [id, kindsKey, options.label],
  );

  const current = useRef(target);
  useLayoutEffect(() => {
    current.current = target;
  });
  useEffect(() => {
    if (!targets || !enabled) return undefined;
    return targets.register(current.current());
  }, [targets, enabled]);
  // A new label (language switch) or kinds change the target in place, without making it active.
  useEffect(() => {
    targets?.update(target());
  }, [targets, target]);

  const active = useSyncExternalStore(targets ? (l) => targets.subscribe(l) : noop, () =>
    targets && enabled ? targets.active()?.id === id : false,
  );

  return {
    ref: useCallback((node: HTMLElement | null) => {
      el.current = node;
    }, []),
    active,
    activate: useCallback(() => targets?.activate(id), [targets, id]),
  };
}
