/**
 * A policy profile is data: the return, exchange and warranty rules of a store, with per-category
 * overrides. decide.ts reads it; nothing about a rule lives in code paths.
 */
import { z } from 'zod';
import { CURRENCY_CODES } from '../money/currency';
import { CONDITION_GRADES } from './vocabulary';

const days = z.number().int().min(0).max(3650);
const minor = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

/** What a condition grade still allows for a return without a fault. */
export const gradeRuleSchema = z.object({
  refund: z.boolean(),
  exchange: z.boolean(),
  /** The restocking fee applies to this grade (e.g. opened, not defective). */
  restockingFee: z.boolean(),
});

export const noReceiptRuleSchema = z.object({
  allowed: z.boolean(),
  storeCreditOnly: z.boolean(),
  /** Value at the lowest selling price of the product over the look-back period. */
  priceRule: z.literal('lowest_90d'),
  /** Store credit one customer may get without receipts per calendar month (store-local). */
  monthlyLimitPerCustomerMinor: minor,
});

const rulesShape = {
  /** Return without giving a reason (0 = none). Full refund, no restocking fee. */
  noReasonReturnDays: days,
  /** Performance fault: return, exchange or repair at the customer's choice (三包: 7). */
  faultReturnDays: days,
  /** Performance fault: exchange or repair (三包: 15). */
  faultExchangeDays: days,
  /** Free repair (三包 period) (0 = none). */
  warrantyDays: days,
  /** After this many failed repairs of the same fault within warranty: replacement or return (0 = never). */
  maxFailedRepairsBeforeReplacement: z.number().int().min(0).max(10),
  /** Generic return window for items without a fault (0 = none); restocking fee may apply. */
  returnWindowDays: days,
  /** Restocking fee on grades whose rule says so, within returnWindowDays, in bp of the line net. */
  restockingFeeBp: z.number().int().min(0).max(10_000),
  conditionRules: z.record(z.enum(CONDITION_GRADES), gradeRuleSchema),
  /** Returns without a fault need the original packaging intact. */
  requiresPackaging: z.boolean(),
  /** No return without a fault at all (legal fault rights still apply). */
  finalSale: z.boolean(),
  noReceipt: noReceiptRuleSchema,
  /** A refund/credit/replacement above this line amount needs a manager (null = never). */
  managerApprovalAboveMinor: minor.nullable(),
  /** How a manager override pays out. */
  overrideRefundMode: z.literal('store_credit'),
};

/** Invariants a profile must keep so that rules never contradict each other. */
function checkRules(r: PolicyRules, ctx: z.RefinementCtx, path: (string | number)[]): void {
  const issue = (message: string): void => ctx.addIssue({ code: 'custom', message, path });
  if (r.faultExchangeDays < r.faultReturnDays) issue('faultExchangeDays must be ≥ faultReturnDays');
  if (r.warrantyDays > 0 && r.warrantyDays < r.faultExchangeDays)
    issue('warrantyDays must be ≥ faultExchangeDays');
  if (r.faultReturnDays < Math.max(r.noReasonReturnDays, r.returnWindowDays)) {
    issue('a faulty item must never be worse off: faultReturnDays ≥ noReasonReturnDays and returnWindowDays');
  }
}

export type PolicyRules = z.infer<z.ZodObject<typeof rulesShape>>;

export const policyProfileSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
    /** `cn_sanbao`: fault rules are the 三包 regulation (messages say 三包); `store`: store policy. */
    scheme: z.enum(['cn_sanbao', 'store']),
    currency: z.enum(CURRENCY_CODES),
    /** Rules of every category without an override. */
    defaults: z.object(rulesShape),
    /** Category code → fields that differ from the defaults (each replaces the whole field). */
    categories: z.record(z.string().min(1), z.object(rulesShape).partial()),
  })
  .superRefine((p, ctx) => {
    checkRules(p.defaults, ctx, ['defaults']);
    for (const [code, override] of Object.entries(p.categories)) {
      checkRules({ ...p.defaults, ...override }, ctx, ['categories', code]);
    }
  });
export type PolicyProfile = z.infer<typeof policyProfileSchema>;

/** Validates a profile loaded from settings or a file; `{ ok: false, issues }` instead of throwing. */
export function parsePolicyProfile(
  input: unknown,
): { ok: true; profile: PolicyProfile } | { ok: false; issues: string[] } {
  const r = policyProfileSchema.safeParse(input);
  if (r.success) return { ok: true, profile: r.data };
  return { ok: false, issues: r.error.issues.map((i) => `${i.path.map(String).join('.')}: ${i.message}`) };
}

/** The rules for a category: the defaults with that category's overrides on top. */
export function rulesFor(profile: PolicyProfile, category: string | null | undefined): PolicyRules {
  const override = category ? profile.categories[category] : undefined;
  if (!override) return profile.defaults;
  const defined = Object.fromEntries(Object.entries(override).filter(([, v]) => v !== undefined));
  return { ...profile.defaults, ...defined };
}
