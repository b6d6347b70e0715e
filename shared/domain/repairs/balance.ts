/**
 * What the customer pays at pickup. The estimate is the quoted labour; parts used are charged at
 * their price on top; the deposit taken at intake is credited. Under any warranty (三包, store,
 * manufacturer, repair warranty) the charge is 0, so a deposit is handed back.
 */
import { addMinor, subMinor } from '../money/safe';
import type { WarrantyKind } from './warranty';

export interface BalanceInput {
  warranty: WarrantyKind;
  estimateMinor: number;
  partsPriceMinor: number;
  depositMinor: number;
}

export interface Balance {
  /** What the repair costs the customer in total. */
  chargeMinor: number;
  /** Still to pay at pickup (≥ 0). */
  balanceDueMinor: number;
  /** To hand back at pickup when the deposit exceeds the charge (≥ 0). */
  refundDueMinor: number;
}

/** True when the repair is free to the customer. */
export function isCovered(warranty: WarrantyKind): boolean {
  return warranty !== 'none';
}

/** Charge, balance due and refund due of a job (integer minor units). */
export function repairBalance(input: BalanceInput): Balance {
  const chargeMinor = isCovered(input.warranty) ? 0 : addMinor(input.estimateMinor, input.partsPriceMinor);
  const diff = subMinor(chargeMinor, input.depositMinor);
  return {
    chargeMinor,
    balanceDueMinor: diff > 0 ? diff : 0,
    refundDueMinor: diff < 0 ? -diff : 0,
  };
}
