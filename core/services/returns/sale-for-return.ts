/**
 * returns.saleForReturn: the sale with, per line, what was returned and refunded already, what is
 * left, its category's policy profile and checklist; the sale's earlier returns and the customer's
 * store credit balance.
 */
import type { DbClient } from '../../../db/client';
import { storeCreditBalance } from '../../../db/repositories/returns/return-view';
import { checkSale } from '../../../shared/domain/refund';
import { checklistFor } from '../../../shared/domain/returns/checklists';
import { DEFAULT_PROFILE_ID } from './profiles';
import { returnsForSale } from './return-view';
import { loadSaleByReceipt, toContractSale } from './sale-source';

/** The sale of a receipt number, ready for choosing what to return (SALE_NOT_FOUND when unknown). */
export function saleForReturn(db: DbClient, storeId: number, receiptNo: string) {
  const sale = loadSaleByReceipt(db, storeId, receiptNo);
  const { breakdown, previous } = checkSale(sale.refundSale, sale.previousReturns);
  const lines = sale.lines.map((l, i) => {
    const paid = breakdown.lines[i]?.paid ?? 0;
    const returnedQty = previous.qtyReturned[i] ?? 0;
    const refunded = previous.lineRefunded[i] ?? 0;
    return {
      lineNo: l.lineNo,
      productId: l.productId,
      sku: l.sku,
      name: l.name,
      qty: l.qty,
      returnedQty,
      remainingQty: l.qty - returnedQty,
      paidMinor: paid,
      refundedMinor: refunded,
      refundableMinor: Math.max(0, paid - refunded),
      categoryCode: l.categoryCode,
      policyProfile: l.policyProfile ?? DEFAULT_PROFILE_ID,
      serial: l.serial,
      checklist: [...checklistFor(l.categoryCode)],
    };
  });
  const customerId = sale.header.customerId;
  return {
    sale: toContractSale(sale),
    lines,
    returns: returnsForSale(db, storeId, sale.header.id),
    salePaidMinor: breakdown.tendersTotal,
    saleRefundedMinor: previous.saleRefunded,
    storeCreditBalanceMinor: customerId === null ? null : storeCreditBalance(db, customerId),
  };
}
