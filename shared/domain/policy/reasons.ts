/**
 * Every sentence a policy decision can give, as i18n keys under `policy.reason.*` (texts in
 * shared/i18n/areas/policy.ts). Fault-rule sentences exist per scheme (`sanbao`: they name 三包;
 * `store`: store policy); the others are shared.
 */

export const SCHEME_REASONS = [
  'faultReturn',
  'faultExchange',
  'warrantyRepair',
  'warrantyReplacement',
  'warrantyExpired',
  'nextFailureReplacement',
  'customerDamage',
] as const;
export type SchemeReason = (typeof SCHEME_REASONS)[number];

export const COMMON_REASONS = [
  'noReasonReturn',
  'returnWindow',
  'returnWindowExpired',
  'noReasonWindowExpired',
  'noReturnWithoutFault',
  'finalSale',
  'restockingFee',
  'gradeNotAccepted',
  'gradeExchangeOnly',
  'packagingRequired',
  'accessoriesMissing',
  'serialMismatch',
  'faultNotConfirmed',
  'noReceiptNotAccepted',
  'noReceiptStoreCredit',
  'noReceiptLimit',
  'aboveApprovalLimit',
  'saleInFuture',
  'overridePossible',
] as const;
export type CommonReason = (typeof COMMON_REASONS)[number];

export type ReasonScheme = 'sanbao' | 'store';
export type PolicyReasonKey =
  `policy.reason.${ReasonScheme}.${SchemeReason}` | `policy.reason.${CommonReason}`;

/** Parameters interpolated into a reason. Amounts are minor units (see MONEY_PARAMS). */
export type ReasonParams = Record<string, string | number>;

export interface PolicyReason {
  key: PolicyReasonKey;
  params: ReasonParams;
}

/** Parameter names that hold amounts in minor units of the profile's currency. */
export const MONEY_PARAMS = ['limit', 'used', 'amount', 'threshold'] as const;

/** Every key a decision can produce (for completeness tests of the i18n area). */
export function allReasonKeys(): PolicyReasonKey[] {
  const schemes: ReasonScheme[] = ['sanbao', 'store'];
  return [
    ...schemes.flatMap((s) => SCHEME_REASONS.map((r): PolicyReasonKey => `policy.reason.${s}.${r}`)),
    ...COMMON_REASONS.map((r): PolicyReasonKey => `policy.reason.${r}`),
  ];
}
