/** A refund ready for the confirm screen: the amounts per line and where the money goes. */
import { computeRefund, type ComputeRefundInput, type RefundComputation } from './compute-refund';
import { allocateRefundToTenders, type RefundMode, type TenderAllocation } from './tenders';

export interface PlanRefundInput extends ComputeRefundInput {
  mode: RefundMode;
  unavailableTenderIndexes?: readonly number[];
}

export interface RefundPlan {
  computation: RefundComputation;
  tenders: TenderAllocation;
}

/** computeRefund, then allocateRefundToTenders for its total. */
export function planRefund(input: PlanRefundInput): RefundPlan {
  const computation = computeRefund(input);
  const tenders = allocateRefundToTenders({
    sale: input.sale,
    previousReturns: input.previousReturns,
    amount: computation.totals.total,
    mode: input.mode,
    ...(input.unavailableTenderIndexes ? { unavailableTenderIndexes: input.unavailableTenderIndexes } : {}),
  });
  return { computation, tenders };
}
