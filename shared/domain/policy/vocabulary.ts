/** The words of return policy: why an item comes back, what condition it is in, what can be done. */

/** Why the customer brings the item back. */
export const RETURN_REASONS = [
  'no_reason',
  'performance_fault',
  'damaged_on_arrival',
  'wrong_item',
  'not_as_described',
] as const;
export type ReturnReason = (typeof RETURN_REASONS)[number];

/** Reasons that are the product's or the store's fault, judged by the fault windows. */
export const FAULT_REASONS: readonly ReturnReason[] = [
  'performance_fault',
  'damaged_on_arrival',
  'wrong_item',
  'not_as_described',
];

/** Store errors: the customer got the wrong thing, so repair is not an answer. */
export const STORE_ERROR_REASONS: readonly ReturnReason[] = ['wrong_item', 'not_as_described'];

/**
 * Condition grades set at inspection: A-new unopened/as sold; A-defective like new but with the claimed
 * fault; B-opened opened, complete, no damage; C-damaged physical damage or wear by the customer.
 */
export const CONDITION_GRADES = ['A-new', 'A-defective', 'B-opened', 'C-damaged'] as const;
export type ConditionGrade = (typeof CONDITION_GRADES)[number];

/** What the counter can offer. */
export const RESOLUTIONS = ['refund', 'exchange', 'repair', 'store_credit', 'replacement'] as const;
export type Resolution = (typeof RESOLUTIONS)[number];

export const OUTCOMES = ['allowed', 'refused', 'needs_manager'] as const;
export type Outcome = (typeof OUTCOMES)[number];
