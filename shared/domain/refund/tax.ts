/**
 * Tax per line, half-up on minor units.
 * Tax-included price (China retail): tax = net − round(net / (1 + rate)).
 * Tax-exclusive price: tax = round(net × rate), added on top.
 */
import { BP_100, assertBp } from '../money/percent';
import { divRound, toSafeNumber } from '../money/rounding';
import { assertNonNegativeMinor } from '../money/safe';

/** Tax contained in (taxIncluded) or owed on top of (exclusive) a net amount, for a rate in bp. */
export function lineTax(net: number, taxRateBp: number, taxIncluded: boolean): number {
  assertNonNegativeMinor(net, 'net');
  assertBp(taxRateBp);
  if (taxIncluded) {
    const exTax = divRound(BigInt(net) * BigInt(BP_100), BigInt(BP_100 + taxRateBp), 'half_up');
    return toSafeNumber(BigInt(net) - exTax);
  }
  return toSafeNumber(divRound(BigInt(net) * BigInt(taxRateBp), BigInt(BP_100), 'half_up'));
}

/** What the customer pays for a net amount: net itself when tax is included, net + tax otherwise. */
export function payableFor(net: number, tax: number, taxIncluded: boolean): number {
  return taxIncluded ? net : net + tax;
}
