/**
 * Reassembles HID-POS reports into whole scans: reports with the continuation bit are joined until
 * the report without it. Malformed reports are skipped and counted, never thrown; a half-built
 * code that is interrupted (AIM changes), left hanging too long, or grows past the cap is dropped
 * and counted, so a wrong value is never emitted.
 */
import {
  HID_POS_LAYOUT,
  HID_POS_REPORT_ERRORS,
  type HidPosLayout,
  type HidPosReport,
  parseHidPosReport,
} from './hid-pos-report';
import { type DecodedScan, decodeScanBytes } from './scan-bytes';

export const HID_POS_ERRORS = [
  ...HID_POS_REPORT_ERRORS,
  'empty',
  'interrupted',
  'stale',
  'too_long',
] as const;
export type HidPosError = (typeof HID_POS_ERRORS)[number];

export interface HidPosScan extends DecodedScan {
  aim?: string;
  bytes: Uint8Array;
  vendorSymbology: number;
  /** How many reports carried it. */
  reports: number;
}

export interface HidPosAssemblerOptions {
  layout?: Readonly<HidPosLayout>;
  /** Longest code accepted, in bytes. Default 4096. */
  maxCodeBytes?: number;
  /** Longest wait for the next report of a code, in ms. Default 1000. */
  maxGapMs?: number;
}

export interface HidPosAssembler {
  /** Feeds one input report received at `at` (ms); returns a scan when this report completed one. */
  push(report: Uint8Array, at: number): HidPosScan | undefined;
  /** Drops any half-built code (device closed). */
  reset(): void;
  /** Reports accepted so far. */
  readonly accepted: number;
  /** Errors so far, by reason. */
  readonly errors: Readonly<Record<HidPosError, number>>;
}

/** Creates an assembler with its own counters. */
export function createHidPosAssembler(options: HidPosAssemblerOptions = {}): HidPosAssembler {
  const layout = options.layout ?? HID_POS_LAYOUT;
  const maxCodeBytes = options.maxCodeBytes ?? 4096;
  const maxGapMs = options.maxGapMs ?? 1000;
  const errors = Object.fromEntries(HID_POS_ERRORS.map((e) => [e, 0])) as Record<HidPosError, number>;
  let accepted = 0;
  let parts: Uint8Array[] = [];
  let size = 0;
  let first: HidPosReport | undefined;
  let lastAt = 0;
  let overflow = false;

  const clear = (): void => {
    parts = [];
    size = 0;
    first = undefined;
    overflow = false;
  };

  return {
    push(bytes: Uint8Array, at: number): HidPosScan | undefined {
      const parsed = parseHidPosReport(bytes, layout);
      if (!parsed.ok) {
        errors[parsed.reason] += 1;
        return undefined;
      }
      accepted += 1;
      const r = parsed.report;
      if (first) {
        const gap = at - lastAt;
        if (!(gap >= 0 && gap <= maxGapMs)) {
          errors.stale += 1;
          clear();
        } else if (r.aim !== first.aim) {
          errors.interrupted += 1;
          clear();
        }
      }
      if (!first) first = r;
      lastAt = at;
      if (!overflow) {
        if (size + r.data.length > maxCodeBytes) {
          overflow = true;
          parts = [];
        } else {
          parts.push(r.data);
          size += r.data.length;
        }
      }
      if (r.more) return undefined;

      const head = first;
      const count = parts.length;
      const wasOverflow = overflow;
      const all = new Uint8Array(size);
      let o = 0;
      for (const p of parts) {
        all.set(p, o);
        o += p.length;
      }
      clear();
      if (wasOverflow) {
        errors.too_long += 1;
        return undefined;
      }
      if (all.length === 0) {
        errors.empty += 1;
        return undefined;
      }
      const scan: HidPosScan = {
        ...decodeScanBytes(all),
        bytes: all,
        vendorSymbology: head.vendorSymbology,
        reports: count,
      };
      if (head.aim !== undefined) scan.aim = head.aim;
      return scan;
    },
    reset: clear,
    get accepted() {
      return accepted;
    },
    get errors() {
      return errors;
    },
  };
}
