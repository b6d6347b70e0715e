/**
 * What to do with one classified scan (pure): fill the active field that asked for this kind,
 * open a screen with the scanned document handed over in the route (receipt → Returns, repair
 * job → Bench or Repairs), switch clerk on a badge, or explain why nothing happened.
 */
import type { ScanClassification, ScanKind } from '../../../../shared/domain/codes/classify';
import type { ScanSource } from '../../../../shared/domain/scanner/scan-event';
import { HAND_OFF, type HandOffArea, type HandOffParams } from './hand-off';

/** Kinds a field may ask for: everything except badges (always a clerk switch) and unknown codes. */
export type FieldScanKind = Exclude<ScanKind, 'badge' | 'unknown'>;

/** One decoded scan as the router sees it, whatever scanner it came from. */
export interface RoutedScan {
  code: string;
  source: ScanSource;
  classification: ScanClassification;
  /** UTC epoch ms when the renderer received it. */
  at: number;
}

/** A registered field that wants scans of some kinds (see useScanTarget). */
export interface TargetInfo {
  id: number;
  kinds: readonly FieldScanKind[];
}

export type ScanDecision =
  | { type: 'fill'; targetId: number }
  | { type: 'open'; areas: readonly HandOffArea[]; params: HandOffParams }
  | { type: 'badge'; badge: string }
  | { type: 'no-target'; kind: FieldScanKind }
  | { type: 'no-screen'; kind: ScanKind }
  | { type: 'unknown'; reason: string };

/** True for a kind that a field may ask for. */
export function isFieldKind(kind: ScanKind): kind is FieldScanKind {
  return kind !== 'badge' && kind !== 'unknown';
}

/**
 * Decides where a scan goes. `target` is the active scan target (the focused one, else the newest).
 * A field that asked for this very kind gets it first — also a receipt number, so a repair
 * intake form can take the proof of purchase instead of the app jumping to Returns.
 */
export function decideScan(c: ScanClassification, target: TargetInfo | null): ScanDecision {
  if (c.kind === 'badge') return { type: 'badge', badge: c.badge.text };
  if (c.kind === 'unknown') return { type: 'unknown', reason: c.reason };
  if (target && target.kinds.includes(c.kind)) return { type: 'fill', targetId: target.id };
  switch (c.kind) {
    case 'sale-receipt':
      return { type: 'open', areas: ['returns'], params: { [HAND_OFF.receipt]: c.document.text } };
    case 'document':
      switch (c.document.type) {
        case 'repair-job':
          return { type: 'open', areas: ['bench', 'repairs'], params: { [HAND_OFF.job]: c.document.text } };
        case 'return':
        case 'exchange':
          return { type: 'open', areas: ['returns'], params: { [HAND_OFF.document]: c.document.text } };
        case 'sale-receipt':
          return { type: 'open', areas: ['returns'], params: { [HAND_OFF.receipt]: c.document.text } };
        case 'complaint':
          return { type: 'no-screen', kind: c.kind };
      }
      return { type: 'no-screen', kind: c.kind };
    case 'gtin':
    case 'gs1':
    case 'imei':
    case 'serial':
      return { type: 'no-target', kind: c.kind };
  }
}
