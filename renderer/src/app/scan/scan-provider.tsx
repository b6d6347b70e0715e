/**
 * Scan routing for the signed-in shell. Scans come from core (`scanner.scan`: HID-POS, serial and
 * simulated scanners, already classified) and from keyboard-wedge bursts in this window (classified
 * here with the same classifyScan). Each one goes to the active field that asked for its kind
 * (useScanTarget), or opens its screen with the document handed over in the route (README.md),
 * or switches clerk on a badge; anything else is explained in a short notice. The last scan and
 * the active target are shown by <ScanStatus> in the status bar.
 */
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { useTranslation } from 'react-i18next';
import { classifyScan } from '../../../../shared/domain/codes/classify';
import { useApi } from '../api-context';
import type { HandOffArea, HandOffParams } from './hand-off';
import { decideScan, type RoutedScan } from './scan-decision';
import { describeOutcome, type ScanOutcome } from './scan-outcome';
import { ScanTargets } from './scan-targets';
import { installWedgeListener } from './wedge-listener';

/** A short message for the shell's notice area. */
export interface ScanNotice {
  severity: 'info' | 'success' | 'warning';
  text: string;
}

/** What the shell lets scan routing do. */
export interface ScanActions {
  /** Writes the hand-off route and opens the area; false when this staff member may not open it. */
  open(area: HandOffArea, params: HandOffParams): boolean;
  /** A staff badge was scanned: switch clerk. */
  badge(badge: string): void;
  /** Shows a short message. */
  notify(notice: ScanNotice): void;
}

/** The last scan and what became of it. */
export interface LastScan {
  scan: RoutedScan;
  outcome: ScanOutcome;
  /** Grows with every scan (a repeated code is a new scan). */
  seq: number;
}

interface ScanContextValue {
  targets: ScanTargets;
  last: LastScan | null;
  /** Label of the field a product/serial scan would fill now, or null. */
  activeLabel: string | null;
  /** Routes a scan as if a scanner had read it (the Devices screen's demo box uses the real path instead). */
  route(scan: RoutedScan): void;
}

const ScanContext = createContext<ScanContextValue | null>(null);

export interface ScanProviderProps {
  actions: ScanActions;
  children: ReactNode;
}

/** Listens to every scanner while mounted and routes each scan. */
export function ScanProvider({ actions, children }: ScanProviderProps) {
  const api = useApi();
  const { t } = useTranslation();
  const [targets] = useState(() => new ScanTargets());
  const [last, setLast] = useState<LastScan | null>(null);
  const [activeLabel, setActiveLabel] = useState<string | null>(null);
  const latest = useRef({ actions, t });
  useLayoutEffect(() => {
    latest.current = { actions, t };
  });
  const seq = useRef(0);

  const route = useCallback(
    (scan: RoutedScan) => {
      const { actions: act, t: tr } = latest.current;
      const target = targets.active();
      const d = decideScan(scan.classification, target);
      let outcome: ScanOutcome;
      switch (d.type) {
        case 'fill': {
          const to = targets.get(d.targetId);
          to?.deliver(scan);
          outcome = { type: 'filled', label: to?.label ?? '' };
          break;
        }
        case 'open': {
          const opened = d.areas.find((area) => act.open(area, d.params));
          outcome = opened
            ? { type: 'opened', area: opened }
            : { type: 'not-allowed', area: d.areas[0] ?? 'returns' };
          break;
        }
        case 'badge':
          act.badge(d.badge);
          outcome = { type: 'badge' };
          break;
        case 'no-target':
          outcome = { type: 'no-target' };
          break;
        case 'no-screen':
          outcome = { type: 'no-screen' };
          break;
        case 'unknown':
          outcome = { type: 'unknown', reason: d.reason };
          break;
      }
      const notice = describeOutcome(scan, outcome, tr).notice;
      if (notice) act.notify(notice);
      seq.current += 1;
      setLast({ scan, outcome, seq: seq.current });
    },
    [targets],
  );

  // Scanners core drives (HID-POS, serial, simulated): already classified there.
  useEffect(
    () =>
      api.on('scanner.scan', (p) =>
        route({
          code: p.classification.code,
          source: p.source,
          classification: p.classification,
          at: Date.now(),
        }),
      ),
    [api, route],
  );

  // Keyboard-wedge scanners: bursts of keys in this window. Installed in the commit itself, so a
  // scan that arrives the moment the shell shows is not missed.
  useLayoutEffect(
    () =>
      installWedgeListener(window, (code) => {
        const classification = classifyScan(code);
        route({ code: classification.code || code, source: 'wedge', classification, at: Date.now() });
      }),
    [route],
  );

  // The field that gets the focus becomes the active target and stays so until another one does.
  useEffect(() => {
    const refresh = () => setActiveLabel(targets.active()?.label ?? null);
    const onFocus = () => {
      const focused = targets.active();
      if (focused) targets.activate(focused.id);
      refresh();
    };
    refresh();
    document.addEventListener('focusin', onFocus);
    const stop = targets.subscribe(refresh);
    return () => {
      document.removeEventListener('focusin', onFocus);
      stop();
    };
  }, [targets]);

  const value = useMemo<ScanContextValue>(
    () => ({ targets, last, activeLabel, route }),
    [targets, last, activeLabel, route],
  );
  return <ScanContext.Provider value={value}>{children}</ScanContext.Provider>;
}

/** The scan routing state, or null outside the signed-in shell. */
export function useOptionalScanContext(): ScanContextValue | null {
  return useContext(ScanContext);
}
