import {
  decideLine,
  type DecideLineInput,
  type Inspection,
  type LineDecision,
} from '../../../shared/domain/policy/decide';
import { cnSanbaoProfile } from '../../../shared/domain/policy/profiles/cn-sanbao';

/** UTC ms of a wall-clock time in Asia/Shanghai (UTC+8 all year). */
export const shanghai = (y: number, mo: number, d: number, h = 12, mi = 0, s = 0, ms = 0): number =>
  Date.UTC(y, mo - 1, d, h - 8, mi, s, ms);

export const goodInspection: Inspection = {
  grade: 'A-defective',
  accessoriesComplete: true,
  packagingIntact: true,
  serialMatches: true,
  faultConfirmed: true,
};

/** decideLine with journey-1-like defaults (三包, Shanghai, fault, receipt), overridable per case. */
export function decide(
  over: Partial<Omit<DecideLineInput, 'inspection'>> & { inspection?: Partial<Inspection> } = {},
): LineDecision {
  const { inspection, ...rest } = over;
  return decideLine({
    profile: cnSanbaoProfile,
    category: 'phone',
    saleAt: shanghai(2026, 11, 2, 10),
    now: shanghai(2026, 11, 7, 15),
    timeZone: 'Asia/Shanghai',
    reason: 'performance_fault',
    hasReceipt: true,
    failedRepairsOfSameFault: 0,
    lineNetMinor: 35910,
    ...rest,
    inspection: { ...goodInspection, ...inspection },
  });
}

export const keys = (d: LineDecision): string[] => d.reasons.map((r) => r.key);
