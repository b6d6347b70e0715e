/**
 * Warranty of a device brought in for repair, from its sale and its repair history:
 * - within the policy's fault windows or warranty period (三包 for cn_sanbao profiles, store warranty
 *   otherwise) → `sanbao` / `store`, with the policy's own sentence (decideLine) and, within 7/15
 *   days, the return/exchange options the customer has instead of a repair;
 * - else, within the repair warranty of an earlier repair of the same fault → `repair_warranty`;
 * - else, within the manufacturer's warranty (calendar months from the purchase) → `manufacturer`;
 * - else `none` (paid repair).
 * Repeat repairs: earlier repairs (picked up) of the same serial and fault since the purchase; under
 * warranty the policy's `maxFailedRepairsBeforeReplacement` turns the next failure into replacement.
 */
import { decideLine, type PolicyProfile, type PolicyReason } from '../policy';
import { rulesFor } from '../policy/profile';
import type { Resolution } from '../policy/vocabulary';
import { addDays, businessDay } from '../time/business-day';
import { addMonths } from '../time/calendar';

export const WARRANTY_KINDS = ['sanbao', 'manufacturer', 'store', 'repair_warranty', 'none'] as const;
export type WarrantyKind = (typeof WARRANTY_KINDS)[number];

/** A sentence for the clerk: a policy reason (`policy.reason.*`) or a repairs reason (`repairs.*`). */
export interface WarrantyReason {
  key: string;
  params: Record<string, string | number>;
}

export interface PreviousRepair {
  id: string;
  faultCode: string;
  createdAt: number;
  /** Null unless the device was picked up repaired. */
  pickedUpAt: number | null;
  repairWarrantyDays: number;
}

export interface WarrantyInput {
  /** The policy profile of the sold item's category (null without a sale). */
  profile: PolicyProfile | null;
  categoryCode: string;
  sale: { id: string; receiptNo: string; soldAt: number; lineNetMinor: number } | null;
  now: number;
  timeZone: string;
  faultCode: string;
  /** Earlier jobs of the same serial that were picked up repaired. */
  previousRepairs: readonly PreviousRepair[];
  manufacturerWarrantyMonths: number;
  /** The clerk found the warranty void (e.g. physical or liquid damage), with the reason. */
  voidReason: string | null;
}

export type RepeatRule = 'repeat' | 'next_failure_replacement' | 'replacement_due';

export interface RepeatInfo {
  /** Earlier repairs of the same fault in the window, newest first. */
  previousJobIds: string[];
  /** This job's number among the repairs of the fault (2 = second repair). */
  repairNo: number;
  /** The policy's limit (0 = no replacement rule). */
  maxFailedRepairs: number;
  rule: RepeatRule;
  reason: WarrantyReason;
}

export interface WarrantyDecision {
  kind: WarrantyKind;
  /** Deciding sentence first. */
  reasons: WarrantyReason[];
  /** What the customer may choose instead of a repair (within the 三包 return/exchange windows). */
  options: Resolution[];
  /** Last day of the warranty that applies (store-local), when one applies. */
  coveredUntil: string | null;
  repeat: RepeatInfo | null;
}

const COVERED_RULES = new Set(['fault_return', 'fault_exchange', 'warranty_repair', 'warranty_replacement']);

/** Decides the warranty of a repair intake (see the file comment). Pure. */
export function decideRepairWarranty(input: WarrantyInput): WarrantyDecision {
  const today = businessDay(input.now, input.timeZone);
  const sameFault = input.previousRepairs
    .filter((p) => p.faultCode === input.faultCode && p.pickedUpAt !== null)
    .filter((p) => !input.sale || p.createdAt >= input.sale.soldAt)
    .sort((a, b) => b.createdAt - a.createdAt);

  let decision: WarrantyDecision | null = null;
  let maxFailed = 0;
  if (input.sale && input.profile) {
    const rules = rulesFor(input.profile, input.categoryCode);
    maxFailed = rules.maxFailedRepairsBeforeReplacement;
    const d = decideLine({
      profile: input.profile,
      category: input.categoryCode,
      saleAt: input.sale.soldAt,
      now: input.now,
      timeZone: input.timeZone,
      reason: 'performance_fault',
      inspection: {
        grade: 'A-defective',
        accessoriesComplete: true,
        packagingIntact: true,
        serialMatches: null,
        faultConfirmed: null,
      },
      hasReceipt: true,
      failedRepairsOfSameFault: sameFault.length,
      lineNetMinor: input.sale.lineNetMinor,
    });
    // Scheme sentences only (not the refund-approval notes); the repeat rule says "next failure →
    // replacement" itself, with the previous job, so the policy's own version of it is left out.
    const policyReasons = d.reasons.filter(
      (r: PolicyReason) => /\.(sanbao|store)\./.test(r.key) && !r.key.endsWith('.nextFailureReplacement'),
    );
    if (COVERED_RULES.has(d.decidingRule)) {
      decision = {
        kind: input.profile.scheme === 'cn_sanbao' ? 'sanbao' : 'store',
        reasons: policyReasons,
        options: d.options,
        coveredUntil: addDays(businessDay(input.sale.soldAt, input.timeZone), rules.warrantyDays),
        repeat: null,
      };
    } else if (d.decidingRule === 'warranty_expired') {
      decision = afterPolicy(input, today, sameFault, policyReasons);
    }
  }
  decision ??= afterPolicy(input, today, sameFault, []);

  if (sameFault.length > 0) {
    const covered = decision.kind === 'sanbao' || decision.kind === 'store';
    const max = covered ? maxFailed : 0;
    const failed = sameFault.length;
    const rule: RepeatRule =
      max > 0 && failed >= max
        ? 'replacement_due'
        : max > 0 && failed + 1 === max
          ? 'next_failure_replacement'
          : 'repeat';
    decision.repeat = {
      previousJobIds: sameFault.map((p) => p.id),
      repairNo: failed + 1,
      maxFailedRepairs: max,
      rule,
      reason: {
        key: `repairs.repeat.${rule}`,
        params: { repairNo: failed + 1, maxFailedRepairs: max, previousJobId: sameFault[0]?.id ?? '' },
      },
    };
  }
  if (input.voidReason !== null) {
    decision = {
      ...decision,
      kind: 'none',
      options: [],
      coveredUntil: null,
      reasons: [
        { key: 'repairs.warranty.voided', params: { reason: input.voidReason } },
        ...decision.reasons,
      ],
    };
  }
  return decision;
}

/** After the policy's windows (or without a sale): repair warranty, manufacturer's warranty, or none. */
function afterPolicy(
  input: WarrantyInput,
  today: string,
  sameFault: readonly PreviousRepair[],
  policyReasons: WarrantyReason[],
): WarrantyDecision {
  for (const p of sameFault) {
    if (p.pickedUpAt === null) continue;
    const until = addDays(businessDay(p.pickedUpAt, input.timeZone), p.repairWarrantyDays);
    if (today <= until) {
      return {
        kind: 'repair_warranty',
        reasons: [
          { key: 'repairs.warranty.repairWarranty', params: { jobId: p.id, until } },
          ...policyReasons,
        ],
        options: [],
        coveredUntil: until,
        repeat: null,
      };
    }
  }
  if (input.sale && input.manufacturerWarrantyMonths > 0) {
    const purchasedOn = businessDay(input.sale.soldAt, input.timeZone);
    const until = addMonths(purchasedOn, input.manufacturerWarrantyMonths);
    if (today <= until) {
      return {
        kind: 'manufacturer',
        reasons: [
          ...policyReasons,
          {
            key: 'repairs.warranty.manufacturer',
            params: { purchasedOn, until, months: input.manufacturerWarrantyMonths },
          },
        ],
        options: [],
        coveredUntil: until,
        repeat: null,
      };
    }
  }
  const reasons: WarrantyReason[] = input.sale
    ? policyReasons.length > 0
      ? policyReasons
      : [
          {
            key: 'repairs.warranty.expired',
            params: { purchasedOn: businessDay(input.sale.soldAt, input.timeZone) },
          },
        ]
    : [{ key: 'repairs.warranty.noSale', params: {} }];
  return { kind: 'none', reasons, options: [], coveredUntil: null, repeat: null };
}
