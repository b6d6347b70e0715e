/**
 * decideLine: what the policy allows for one returned line, and why, in sentences a clerk can read
 * out. The rules are the profile's data; this file only fixes the order in which they are consulted:
 *
 *  1. serial/IMEI differs from the sale → refused (not the item sold);
 *  2. no receipt (no sale found) → the profile's no-receipt rule (store credit, monthly limit);
 *  3. sale date after today (clock or import error) → needs a manager;
 *  4. fault reasons (performance fault, damaged on arrival, wrong item, not as described) whose fault is
 *     not disproved at inspection → fault windows: return → exchange → warranty repair (replacement after
 *     too many failed repairs) → expired; customer damage (grade C) voids performance-fault rights;
 *  5. everything else → no-reason window (no fee), then the return window (restocking fee by grade),
 *     with final-sale, condition-grade and packaging rules;
 *  6. then: incomplete accessories or an amount above the approval threshold turn an allowed refund
 *     into needs_manager; a refusal says a manager override (store credit) is possible.
 *
 * Days are whole store-local calendar days from the purchase day (time/day-window.ts): day 0 is the
 * purchase day, an N-day window is open through the end of day N local time.
 */
import { bpToPercentText } from '../money/percent';
import { businessDay, isValidTimeZone } from '../time/business-day';
import { dayNumber, dayWindow } from '../time/day-window';
import { rulesFor, type PolicyProfile, type PolicyRules } from './profile';
import type { CommonReason, PolicyReason, ReasonParams, ReasonScheme, SchemeReason } from './reasons';
import {
  FAULT_REASONS,
  STORE_ERROR_REASONS,
  type ConditionGrade,
  type Outcome,
  type Resolution,
  type ReturnReason,
} from './vocabulary';

export interface Inspection {
  grade: ConditionGrade;
  accessoriesComplete: boolean;
  packagingIntact: boolean;
  /** false: the serial/IMEI on the item differs from the sale; null: the product has none. */
  serialMatches: boolean | null;
  /** For fault reasons: reproduced (true), not reproduced (false), not tested yet (null/absent). */
  faultConfirmed?: boolean | null;
}

export interface DecideLineInput {
  profile: PolicyProfile;
  /** Product category code; selects the profile's category overrides. */
  category?: string | null;
  /** Sale instant (UTC ms); null when there is no sale (no receipt). */
  saleAt: number | null;
  now: number;
  /** The store's IANA time zone, e.g. Asia/Shanghai. */
  timeZone: string;
  reason: ReturnReason;
  inspection: Inspection;
  /** The sale is identified (receipt scanned, or found by phone/serial). */
  hasReceipt: boolean;
  failedRepairsOfSameFault: number;
  /** What the line is worth: its refundable net, or for no-receipt returns the lowest price of the last 90 days. */
  lineNetMinor: number;
  /** No-receipt store credit this customer already got this month (for the monthly limit). */
  noReceiptCreditThisMonthMinor?: number;
  /**
   * What the same sale already refunds before this line: its earlier returns plus this return's
   * earlier lines. The approval threshold compares this + the line, so splitting a refund into
   * smaller returns does not avoid the manager.
   */
  saleRefundedBeforeMinor?: number;
}

export type DecidingRule =
  | 'serial_mismatch'
  | 'no_receipt'
  | 'no_receipt_not_allowed'
  | 'sale_in_future'
  | 'customer_damage'
  | 'fault_return'
  | 'fault_exchange'
  | 'warranty_replacement'
  | 'warranty_repair'
  | 'warranty_expired'
  | 'final_sale'
  | 'no_reason_return'
  | 'return_window'
  | 'return_window_expired'
  | 'no_reason_window_expired'
  | 'no_return_without_fault'
  | 'grade_not_accepted'
  | 'grade_exchange_only'
  | 'packaging_required';

export interface LineDecision {
  outcome: Outcome;
  /** What the clerk may offer (empty when refused). */
  options: Resolution[];
  /**
   * Restocking fee in bp of the line net for a refund or store credit. On a refusal it is the fee a
   * manager override would carry (shown, and waivable by the manager).
   */
  restockingFeeBp: number;
  /** Deciding sentence first, then the sentences that qualify it. */
  reasons: PolicyReason[];
  decidingRule: DecidingRule;
  /** Set on refusals: how a manager override pays out. */
  overrideRefundMode: 'store_credit' | null;
  /** The day count used, when there is a sale. */
  window: { purchasedOn: string; today: string; days: number } | null;
}

interface Draft {
  outcome: Outcome;
  options: Resolution[];
  restockingFeeBp: number;
  reasons: PolicyReason[];
  decidingRule: DecidingRule;
}

function checkInput(input: DecideLineInput): void {
  const safe = (n: number | null | undefined, what: string, min = 0): void => {
    if (n !== null && n !== undefined && (!Number.isSafeInteger(n) || n < min))
      throw new RangeError(`${what}: ${n}`);
  };
  safe(input.now, 'now');
  safe(input.saleAt, 'saleAt');
  safe(input.lineNetMinor, 'lineNetMinor');
  safe(input.failedRepairsOfSameFault, 'failedRepairsOfSameFault');
  safe(input.noReceiptCreditThisMonthMinor, 'noReceiptCreditThisMonthMinor');
  safe(input.saleRefundedBeforeMinor, 'saleRefundedBeforeMinor');
  if (!isValidTimeZone(input.timeZone)) throw new RangeError(`time zone: ${input.timeZone}`);
  if (input.hasReceipt && input.saleAt === null) throw new RangeError('a sale with a receipt needs saleAt');
}

/** Decides what the profile allows for one returned line (see the file comment for the order of rules). */
export function decideLine(input: DecideLineInput): LineDecision {
  checkInput(input);
  const rules = rulesFor(input.profile, input.category);
  const scheme: ReasonScheme = input.profile.scheme === 'cn_sanbao' ? 'sanbao' : 'store';
  const common = (name: CommonReason, params: ReasonParams = {}): PolicyReason => ({
    key: `policy.reason.${name}`,
    params,
  });
  const schemed = (name: SchemeReason, params: ReasonParams = {}): PolicyReason => ({
    key: `policy.reason.${scheme}.${name}`,
    params,
  });
  const currency = input.profile.currency;
  const { inspection } = input;
  const grade = rules.conditionRules[inspection.grade];
  const gradeFeeBp = grade.restockingFee ? rules.restockingFeeBp : 0;

  const finish = (d: Draft, window: LineDecision['window']): LineDecision => {
    let outcome = d.outcome;
    const reasons = [...d.reasons];
    const paysOut = d.options.some((o) => o === 'refund' || o === 'store_credit' || o === 'replacement');
    if (outcome !== 'refused' && d.options.some((o) => o !== 'repair') && !inspection.accessoriesComplete) {
      outcome = 'needs_manager';
      reasons.push(common('accessoriesMissing'));
    }
    const threshold = rules.managerApprovalAboveMinor;
    const cumulative = (input.saleRefundedBeforeMinor ?? 0) + input.lineNetMinor;
    if (outcome !== 'refused' && paysOut && threshold !== null && cumulative > threshold) {
      outcome = 'needs_manager';
      reasons.push(common('aboveApprovalLimit', { amount: cumulative, threshold, currency }));
    }
    if (outcome === 'refused') {
      if (d.restockingFeeBp > 0 && !reasons.some((r) => r.key === 'policy.reason.restockingFee')) {
        reasons.push(
          common('restockingFee', {
            feePercent: bpToPercentText(d.restockingFeeBp),
            grade: inspection.grade,
          }),
        );
      }
      reasons.push(common('overridePossible'));
    }
    return {
      outcome,
      options: outcome === 'refused' ? [] : d.options,
      restockingFeeBp: d.restockingFeeBp,
      reasons,
      decidingRule: d.decidingRule,
      overrideRefundMode: outcome === 'refused' ? rules.overrideRefundMode : null,
      window,
    };
  };

  if (inspection.serialMatches === false) {
    return finish(
      {
        outcome: 'refused',
        options: [],
        restockingFeeBp: gradeFeeBp,
        reasons: [common('serialMismatch')],
        decidingRule: 'serial_mismatch',
      },
      null,
    );
  }

  if (!input.hasReceipt || input.saleAt === null)
    return finish(decideNoReceipt(input, rules, common, gradeFeeBp), null);

  const saleAt = input.saleAt;
  const days = dayNumber(saleAt, input.now, input.timeZone);
  const purchasedOn = businessDay(saleAt, input.timeZone);
  const today = businessDay(input.now, input.timeZone);
  const window = { purchasedOn, today, days };
  const base = { purchasedOn, today, days };
  const windowParams = (n: number): ReasonParams => ({
    ...base,
    windowDays: n,
    windowEnd: dayWindow(saleAt, n, input.timeZone).lastDay,
  });

  if (days < 0) {
    return finish(
      {
        outcome: 'needs_manager',
        options: [],
        restockingFeeBp: 0,
        reasons: [common('saleInFuture', base)],
        decidingRule: 'sale_in_future',
      },
      window,
    );
  }

  const prefix: PolicyReason[] = [];
  const isFault = FAULT_REASONS.includes(input.reason);
  if (isFault && inspection.faultConfirmed === false) prefix.push(common('faultNotConfirmed'));
  if (isFault && inspection.faultConfirmed !== false) {
    const storeError = STORE_ERROR_REASONS.includes(input.reason);
    const draft = (
      rule: DecidingRule,
      options: Resolution[],
      reason: PolicyReason,
      outcome: Outcome = 'allowed',
    ): Draft => ({
      outcome,
      options,
      restockingFeeBp: 0,
      reasons: [reason],
      decidingRule: rule,
    });
    if (input.reason === 'performance_fault' && inspection.grade === 'C-damaged') {
      return finish(
        {
          outcome: 'refused',
          options: [],
          restockingFeeBp: gradeFeeBp,
          reasons: [schemed('customerDamage', { ...base, grade: inspection.grade })],
          decidingRule: 'customer_damage',
        },
        window,
      );
    }
    if (days <= rules.faultReturnDays) {
      const options: Resolution[] = storeError ? ['refund', 'exchange'] : ['refund', 'exchange', 'repair'];
      return finish(
        draft('fault_return', options, schemed('faultReturn', windowParams(rules.faultReturnDays))),
        window,
      );
    }
    if (days <= rules.faultExchangeDays) {
      const options: Resolution[] = storeError ? ['exchange'] : ['exchange', 'repair'];
      const params = { ...windowParams(rules.faultExchangeDays), returnDays: rules.faultReturnDays };
      return finish(draft('fault_exchange', options, schemed('faultExchange', params)), window);
    }
    if (!storeError && rules.warrantyDays > 0 && days <= rules.warrantyDays) {
      const max = rules.maxFailedRepairsBeforeReplacement;
      const failed = input.failedRepairsOfSameFault;
      const params = { ...windowParams(rules.warrantyDays), exchangeDays: rules.faultExchangeDays };
      if (max > 0 && failed >= max) {
        const reason = schemed('warrantyReplacement', {
          ...params,
          failedRepairs: failed,
          maxFailedRepairs: max,
        });
        return finish(draft('warranty_replacement', ['replacement', 'refund'], reason), window);
      }
      const d = draft('warranty_repair', ['repair'], schemed('warrantyRepair', params));
      if (max > 0 && failed + 1 === max) {
        d.reasons.push(schemed('nextFailureReplacement', { repairNo: failed + 1, maxFailedRepairs: max }));
      }
      return finish(d, window);
    }
    if (!storeError) {
      const params = windowParams(rules.warrantyDays);
      return finish(
        {
          ...draft('warranty_expired', [], schemed('warrantyExpired', params), 'refused'),
          restockingFeeBp: gradeFeeBp,
        },
        window,
      );
    }
    // Store errors past the fault windows are judged like any other return below.
  }

  const d = decideWithoutFault(input, rules, common, base, windowParams, gradeFeeBp);
  return finish({ ...d, reasons: [...d.reasons, ...prefix] }, window);
}

type Common = (name: CommonReason, params?: ReasonParams) => PolicyReason;

function decideWithoutFault(
  input: DecideLineInput,
  rules: PolicyRules,
  common: Common,
  base: ReasonParams,
  windowParams: (n: number) => ReasonParams,
  gradeFeeBp: number,
): Draft {
  const days = Number(base.days);
  const refused = (rule: DecidingRule, reasons: PolicyReason[]): Draft => ({
    outcome: 'refused',
    options: [],
    restockingFeeBp: gradeFeeBp,
    reasons,
    decidingRule: rule,
  });
  if (rules.finalSale) return refused('final_sale', [common('finalSale', base)]);
  const inNoReason = rules.noReasonReturnDays > 0 && days <= rules.noReasonReturnDays;
  const inWindow = rules.returnWindowDays > 0 && days <= rules.returnWindowDays;
  if (!inNoReason && !inWindow) {
    if (rules.returnWindowDays > 0)
      return refused('return_window_expired', [
        common('returnWindowExpired', windowParams(rules.returnWindowDays)),
      ]);
    if (rules.noReasonReturnDays > 0) {
      return refused('no_reason_window_expired', [
        common('noReasonWindowExpired', windowParams(rules.noReasonReturnDays)),
      ]);
    }
    return refused('no_return_without_fault', [common('noReturnWithoutFault', base)]);
  }
  const grade = input.inspection.grade;
  const gradeRule = rules.conditionRules[grade];
  if (!gradeRule.refund && !gradeRule.exchange)
    return refused('grade_not_accepted', [common('gradeNotAccepted', { grade })]);
  if (rules.requiresPackaging && !input.inspection.packagingIntact)
    return refused('packaging_required', [common('packagingRequired')]);
  const windowReason = inNoReason
    ? common('noReasonReturn', windowParams(rules.noReasonReturnDays))
    : common('returnWindow', windowParams(rules.returnWindowDays));
  const feeBp = inNoReason ? 0 : gradeFeeBp;
  if (!gradeRule.refund) {
    return {
      outcome: 'allowed',
      options: ['exchange'],
      restockingFeeBp: 0,
      reasons: [windowReason, common('gradeExchangeOnly', { grade })],
      decidingRule: 'grade_exchange_only',
    };
  }
  const reasons = [windowReason];
  if (feeBp > 0) reasons.push(common('restockingFee', { feePercent: bpToPercentText(feeBp), grade }));
  return {
    outcome: 'allowed',
    options: gradeRule.exchange ? ['refund', 'exchange'] : ['refund'],
    restockingFeeBp: feeBp,
    reasons,
    decidingRule: inNoReason ? 'no_reason_return' : 'return_window',
  };
}

function decideNoReceipt(
  input: DecideLineInput,
  rules: PolicyRules,
  common: Common,
  gradeFeeBp: number,
): Draft {
  const nr = rules.noReceipt;
  const currency = input.profile.currency;
  const refused = (rule: DecidingRule, reasons: PolicyReason[]): Draft => ({
    outcome: 'refused',
    options: [],
    restockingFeeBp: gradeFeeBp,
    reasons,
    decidingRule: rule,
  });
  if (!nr.allowed) return refused('no_receipt_not_allowed', [common('noReceiptNotAccepted')]);
  const customerDamage = input.reason === 'performance_fault' && input.inspection.grade === 'C-damaged';
  const isFault =
    FAULT_REASONS.includes(input.reason) && input.inspection.faultConfirmed !== false && !customerDamage;
  if (!isFault && rules.finalSale) return refused('final_sale', [common('finalSale')]);
  const grade = input.inspection.grade;
  const gradeRule = rules.conditionRules[grade];
  if (!isFault && !gradeRule.refund && !gradeRule.exchange) {
    return refused('grade_not_accepted', [common('gradeNotAccepted', { grade })]);
  }
  const limit = nr.monthlyLimitPerCustomerMinor;
  const reasons = [common('noReceiptStoreCredit', { priceDays: 90, limit, currency })];
  const used = input.noReceiptCreditThisMonthMinor ?? 0;
  const overLimit = used + input.lineNetMinor > limit;
  if (overLimit)
    reasons.push(common('noReceiptLimit', { used, amount: input.lineNetMinor, limit, currency }));
  const credit: Resolution = nr.storeCreditOnly ? 'store_credit' : 'refund';
  const options: Resolution[] = isFault || gradeRule.refund ? [credit, 'exchange'] : ['exchange'];
  const feeBp = isFault ? 0 : gradeFeeBp;
  if (feeBp > 0) reasons.push(common('restockingFee', { feePercent: bpToPercentText(feeBp), grade }));
  return {
    outcome: overLimit ? 'needs_manager' : 'allowed',
    options,
    restockingFeeBp: feeBp,
    reasons,
    decidingRule: 'no_receipt',
  };
}
