/**
 * Paying a repair deposit or pickup with store credit: the ledger is debited inside the caller's
 * transaction (with the deposit/payment and its audit row), and a payment above the balance is
 * refused with STORE_CREDIT_INSUFFICIENT before anything is written. The source is the job
 * customer's balance, or one credit slip when a credit code is given; a slip issued to another
 * customer is refused (STORE_CREDIT_OTHER_CUSTOMER): its number is printed on a receipt and easy
 * to guess, so only a walk-in slip (no customer) is spent by whoever holds it.
 */
import type { DbClient } from '../../../db/client';
import {
  codeCredit,
  creditStoreCredit,
  debitStoreCredit,
  sourceBalance,
  type CreditSource,
} from '../../../db/repositories/store-credit/ledger';
import { AppError } from '../../../shared/contract/errors';

export interface RepairPayment {
  tender: string;
  amountMinor: number;
  creditCode?: string | undefined;
}

/** Where a store credit payment comes from (throws when the job has no customer and no code was given). */
function sourceOf(db: DbClient, payment: RepairPayment, customerId: number | null): CreditSource {
  if (payment.creditCode !== undefined) {
    const code = codeCredit(db, payment.creditCode);
    if (code && code.customerId !== null && code.customerId !== customerId)
      throw new AppError('STORE_CREDIT_OTHER_CUSTOMER', { creditCode: payment.creditCode });
    return { kind: 'code', code: payment.creditCode };
  }
  if (customerId === null)
    throw new AppError('STORE_CREDIT_INSUFFICIENT', { balanceMinor: 0, askedMinor: payment.amountMinor });
  return { kind: 'customer', customerId };
}

/**
 * Debits a store credit payment (no-op for other tenders). Call it inside the transaction, before
 * any other write of the deposit/payment; returns the codes spent (for the audit row).
 */
export function spendStoreCredit(
  db: DbClient,
  payment: RepairPayment | null,
  customerId: number | null,
  ref: { refType: 'repair_deposit' | 'repair_pickup'; refId: string; at: number },
): { code: string | null; amountMinor: number }[] | null {
  if (payment === null || payment.tender !== 'store_credit') return null;
  const source = sourceOf(db, payment, customerId);
  const balanceMinor = sourceBalance(db, source);
  if (payment.amountMinor > balanceMinor)
    throw new AppError('STORE_CREDIT_INSUFFICIENT', { balanceMinor, askedMinor: payment.amountMinor });
  return debitStoreCredit(db, { source, amountMinor: payment.amountMinor, ...ref });
}

/** A deposit paid in store credit and handed back at pickup goes back on the ledger under the job number. */
export function refundStoreCredit(
  db: DbClient,
  r: { jobId: string; customerId: number | null; amountMinor: number; at: number },
): void {
  if (r.amountMinor <= 0) return;
  creditStoreCredit(db, {
    at: r.at,
    customerId: r.customerId,
    creditCode: r.jobId,
    amountMinor: r.amountMinor,
    refType: 'repair_refund',
    refId: r.jobId,
  });
}
