/**
 * China 三包 profile, after 《部分商品修理更换退货责任规定》 (2013):
 * - performance fault within 7 days of sale → the customer chooses return (at the invoice price),
 *   exchange or repair;
 * - within 15 days → exchange or repair;
 * - within the 三包 period (1 year for the whole unit of most electronics/appliances) → free repair;
 * - after two repairs of the same performance fault that did not fix it → free replacement with the
 *   same model or, failing that, a return;
 * - damage by the customer (condition C) voids these rights.
 * On top of the law the store adds (store policy, not 三包): a 7-day no-reason return for the categories
 * listed below, store credit without a receipt up to ¥200 per customer per month at the lowest price of
 * the last 90 days, and manager approval for refunds above ¥5,000. No restocking fees.
 */
import type { PolicyProfile, PolicyRules } from '../profile';

const defaults: PolicyRules = {
  noReasonReturnDays: 0,
  faultReturnDays: 7,
  faultExchangeDays: 15,
  warrantyDays: 365,
  maxFailedRepairsBeforeReplacement: 2,
  returnWindowDays: 0,
  restockingFeeBp: 0,
  conditionRules: {
    'A-new': { refund: true, exchange: true, restockingFee: false },
    'A-defective': { refund: true, exchange: true, restockingFee: false },
    'B-opened': { refund: true, exchange: true, restockingFee: false },
    'C-damaged': { refund: false, exchange: false, restockingFee: false },
  },
  requiresPackaging: true,
  finalSale: false,
  noReceipt: {
    allowed: true,
    storeCreditOnly: true,
    priceRule: 'lowest_90d',
    monthlyLimitPerCustomerMinor: 20_000,
  },
  managerApprovalAboveMinor: 500_000,
  overrideRefundMode: 'store_credit',
};

/** Categories where the store adds a 7-day no-reason return (unopened or opened-but-complete). */
const noReasonSeven = { noReasonReturnDays: 7 } satisfies Partial<PolicyRules>;

export const cnSanbaoProfile: PolicyProfile = {
  id: 'cn-sanbao',
  scheme: 'cn_sanbao',
  currency: 'CNY',
  defaults,
  categories: {
    audio: noReasonSeven,
    accessories: noReasonSeven,
    small_appliance: noReasonSeven,
    /** Clearance items: no return without a fault (三包 fault rights stay). */
    clearance: { finalSale: true },
  },
};
