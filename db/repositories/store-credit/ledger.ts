/**
 * The store credit ledger (`store_credit_ledger`): the one place store credit is credited (a return
 * paid as store credit, a repair deposit in store credit handed back), read (balance of a customer,
 * of a credit code) and debited (a repair deposit or pickup paid with store credit).
 *
 * Every row carries the credit code it belongs to (a return's R-… number, printed on the slip) and
 * that code's customer (null for a walk-in slip), so a code's balance and a customer's balance are
 * both plain sums and can never disagree. A debit is split over the code(s) it spends, oldest
 * first, one negative row per code; no code is ever taken below zero.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { DbClient } from '../../client';
import { storeCreditLedger } from '../../schema';
import { prepared } from '../statements';

const ph = <K extends string>(k: K) => sql.placeholder(k);

/** A customer's store credit balance (sum of the ledger rows of their codes), minor units. */
export function customerCreditBalance(db: DbClient, customerId: number): number {
  const row = prepared(db, 'storeCredit.customerBalance', (orm) =>
    orm
      .select({ balance: sql<number>`coalesce(sum(${storeCreditLedger.amountMinor}), 0)` })
      .from(storeCreditLedger)
      .where(eq(storeCreditLedger.customerId, ph('customerId')))
      .prepare(),
  ).get({ customerId });
  return row?.balance ?? 0;
}

/** A credit code's balance and its customer (null: walk-in slip), or undefined when no such code. */
export function codeCredit(
  db: DbClient,
  code: string,
): { balanceMinor: number; customerId: number | null } | undefined {
  const row = prepared(db, 'storeCredit.codeBalance', (orm) =>
    orm
      .select({
        balanceMinor: sql<number>`sum(${storeCreditLedger.amountMinor})`,
        customerId: sql<number | null>`max(${storeCreditLedger.customerId})`,
      })
      .from(storeCreditLedger)
      .where(eq(storeCreditLedger.creditCode, ph('code')))
      .groupBy(storeCreditLedger.creditCode)
      .prepare(),
  ).get({ code });
  return row ? { balanceMinor: row.balanceMinor, customerId: row.customerId } : undefined;
}

/** The customer's codes with a positive balance, oldest first (rows without a code grouped as null). */
export function customerCreditCodes(
  db: DbClient,
  customerId: number,
): { code: string | null; balanceMinor: number }[] {
  return prepared(db, 'storeCredit.customerCodes', (orm) =>
    orm
      .select({
        code: storeCreditLedger.creditCode,
        balanceMinor: sql<number>`sum(${storeCreditLedger.amountMinor})`,
      })
      .from(storeCreditLedger)
      .where(eq(storeCreditLedger.customerId, ph('customerId')))
      .groupBy(storeCreditLedger.creditCode)
      .having(sql`sum(${storeCreditLedger.amountMinor}) > 0`)
      .orderBy(asc(sql`min(${storeCreditLedger.id})`))
      .prepare(),
  ).all({ customerId });
}

export type LedgerRow = {
  at: number;
  customerId: number | null;
  creditCode: string | null;
  amountMinor: number;
  refType: string;
  refId: string;
};

/** Appends one ledger row (inside the caller's transaction). */
function insertLedgerRow(db: DbClient, r: LedgerRow): void {
  prepared(db, 'storeCredit.insert', (orm) =>
    orm
      .insert(storeCreditLedger)
      .values({
        at: ph('at'),
        customerId: ph('customerId'),
        creditCode: ph('creditCode'),
        amountMinor: ph('amountMinor'),
        refType: ph('refType'),
        refId: ph('refId'),
      })
      .prepare(),
  ).run(r);
}

/** Credits store credit (amount > 0) under a code (inside the caller's transaction). */
export function creditStoreCredit(
  db: DbClient,
  c: Omit<LedgerRow, 'creditCode'> & { creditCode: string },
): void {
  if (!Number.isInteger(c.amountMinor) || c.amountMinor <= 0) throw new RangeError('credit must be > 0');
  insertLedgerRow(db, c);
}

/** Who pays: one credit code (the slip), or a customer's whole balance. */
export type CreditSource = { kind: 'code'; code: string } | { kind: 'customer'; customerId: number };

/** The codes a source spends, with their balance and customer, oldest first. */
function creditPots(db: DbClient, source: CreditSource) {
  if (source.kind === 'customer') {
    const customerId = source.customerId;
    return customerCreditCodes(db, customerId).map((p) => ({ ...p, customerId }));
  }
  const c = codeCredit(db, source.code);
  return c && c.balanceMinor > 0
    ? [{ code: source.code, balanceMinor: c.balanceMinor, customerId: c.customerId }]
    : [];
}

/** The balance a source can spend right now. */
export function sourceBalance(db: DbClient, source: CreditSource): number {
  if (source.kind === 'customer') return Math.max(0, customerCreditBalance(db, source.customerId));
  return Math.max(0, codeCredit(db, source.code)?.balanceMinor ?? 0);
}

/**
 * Debits `amountMinor` (> 0) from the source, one negative row per code spent, oldest first, and
 * returns the rows written. The caller has checked `sourceBalance` inside the same transaction;
 * a debit above it throws (RangeError) and the caller's transaction rolls back.
 */
export function debitStoreCredit(
  db: DbClient,
  d: { source: CreditSource; amountMinor: number; at: number; refType: string; refId: string },
): { code: string | null; amountMinor: number }[] {
  if (!Number.isInteger(d.amountMinor) || d.amountMinor <= 0) throw new RangeError('debit must be > 0');
  const pots = creditPots(db, d.source);
  let left = d.amountMinor;
  const spent: { code: string | null; amountMinor: number }[] = [];
  for (const p of pots) {
    if (left === 0) break;
    const take = Math.min(left, p.balanceMinor);
    insertLedgerRow(db, {
      at: d.at,
      customerId: p.customerId,
      creditCode: p.code,
      amountMinor: -take,
      refType: d.refType,
      refId: d.refId,
    });
    spent.push({ code: p.code, amountMinor: take });
    left -= take;
  }
  if (left > 0) throw new RangeError('store credit debit above the balance');
  return spent;
}

/** Ledger rows of one reference (a repair job's debits and credits), oldest first. */
export function ledgerRowsOf(db: DbClient, refType: string, refId: string) {
  return prepared(db, 'storeCredit.rowsOf', (orm) =>
    orm
      .select({
        code: storeCreditLedger.creditCode,
        customerId: storeCreditLedger.customerId,
        amountMinor: storeCreditLedger.amountMinor,
      })
      .from(storeCreditLedger)
      .where(and(eq(storeCreditLedger.refType, ph('refType')), eq(storeCreditLedger.refId, ph('refId'))))
      .orderBy(asc(storeCreditLedger.id))
      .prepare(),
  ).all({ refType, refId });
}
