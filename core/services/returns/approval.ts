/**
 * What a manager's approval of a return is bound to: the sha256 of the canonical request (sale or
 * no-receipt source, lines and quantities, resolution, exchange items, fee waiver, expected total,
 * ID document). The note is left out: rewording it does not change what was approved.
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from '../../../db/audit/canonical';
import type { ApprovalRequest, CommitInput } from '../../../shared/contract/methods/returns';

export function approvalHash(r: ApprovalRequest | CommitInput): string {
  const subject = {
    receiptNo: r.receiptNo,
    noReceipt: r.noReceipt,
    lines: r.lines,
    resolution: r.resolution,
    exchangeItems: r.exchangeItems,
    exchangePaymentTender: r.exchangePaymentTender,
    waiveRestockingFee: r.waiveRestockingFee,
    expectedTotalMinor: r.expectedTotalMinor,
    idDocument: r.idDocument,
  };
  return createHash('sha256').update(canonicalJson(subject)).digest('hex');
}
