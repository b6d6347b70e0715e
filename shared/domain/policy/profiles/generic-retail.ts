/**
 * Generic retail profile: 30-day return window; opened items without a fault pay a 15 % restocking fee;
 * damaged items are not taken back; defective items go back within 30 days with no fee, then the
 * manufacturer's 1-year warranty means repair; no receipt → store credit at the lowest price of the last
 * 90 days, up to ¥200 per customer per month (over it → manager); refunds above ¥1,000 need a manager.
 */
import type { PolicyProfile, PolicyRules } from '../profile';

const defaults: PolicyRules = {
  noReasonReturnDays: 0,
  faultReturnDays: 30,
  faultExchangeDays: 30,
  warrantyDays: 365,
  maxFailedRepairsBeforeReplacement: 0,
  returnWindowDays: 30,
  restockingFeeBp: 1500,
  conditionRules: {
    'A-new': { refund: true, exchange: true, restockingFee: false },
    'A-defective': { refund: true, exchange: true, restockingFee: false },
    'B-opened': { refund: true, exchange: true, restockingFee: true },
    'C-damaged': { refund: false, exchange: false, restockingFee: true },
  },
  requiresPackaging: false,
  finalSale: false,
  noReceipt: {
    allowed: true,
    storeCreditOnly: true,
    priceRule: 'lowest_90d',
    monthlyLimitPerCustomerMinor: 20_000,
  },
  managerApprovalAboveMinor: 100_000,
  overrideRefundMode: 'store_credit',
};

export const genericRetailProfile: PolicyProfile = {
  id: 'generic-retail',
  scheme: 'store',
  currency: 'CNY',
  defaults,
  categories: {
    /** Phones and laptops: 15-day window (activation, data). */
    phone: { returnWindowDays: 15 },
    laptop: { returnWindowDays: 15 },
    clearance: { finalSale: true },
  },
};
