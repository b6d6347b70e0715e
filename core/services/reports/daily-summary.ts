/**
 * The daily summary of one business day, from the database alone (no clock: the same day gives the
 * same numbers however often it is asked). Returns count by their store-local `business_day`;
 * repair and test events by their instant inside [start, end) of that day in the store's zone.
 * "At close" figures (open, overdue) are as of the end of the day, from the job timeline.
 * One function per section; the drawer and the reconciliation are computed from the sections.
 * Definitions: docs/REPORTS.md.
 */
import type { DbClient } from '../../../db/client';
import type { AmountRow } from '../../../db/repositories/reports/amounts';
import {
  avgTurnaroundMs,
  eventTenders,
  jobsCountIn,
  openAtCloseCount,
  partsCostMinor,
  pickupsIn,
} from '../../../db/repositories/reports/day-repairs';
import {
  dayLinesRefund,
  dayRefundsByTender,
  dayReturnsByCategory,
  dayReturnsByDisposition,
  dayReturnsByReason,
  dayReturnTotals,
  type DayParams,
} from '../../../db/repositories/reports/day-returns';
import {
  complaintsReceived,
  complaintsResolved,
  instrumentsPastCalibration,
  testVerdicts,
} from '../../../db/repositories/reports/day-tests';
import { overridesInRange, type RangeParams } from '../../../db/repositories/reports/overrides';
import { storeFacts } from '../../../db/repositories/store/store-facts';
import type { DailySummary } from '../../../shared/contract/methods/reports';
import { businessDayRange } from '../../../shared/domain/time/business-day';

const sum = (rows: readonly AmountRow[]): number => rows.reduce((a, r) => a + r.amountMinor, 0);
const amountOf = (rows: readonly AmountRow[], key: string): number => rows.find((r) => r.key === key)?.amountMinor ?? 0;

/** The completed returns of the day: totals and refunds by tender, reason, category and disposition. */
export function returnsSection(db: DbClient, p: DayParams): DailySummary['returns'] {
  const totals = dayReturnTotals(db, p);
  const byTender = dayRefundsByTender(db, p);
  return {
    count: totals.count,
    exchanges: totals.exchanges,
    refundTotalMinor: totals.refundMinor,
    restockingFeesMinor: totals.feesMinor,
    storeCreditIssuedMinor: amountOf(byTender, 'store_credit'),
    exchangeDueMinor: totals.exchangeDueMinor,
    byTender,
    byReason: dayReturnsByReason(db, p),
    byCategory: dayReturnsByCategory(db, p),
    byDisposition: dayReturnsByDisposition(db, p),
  };
}

/** The manager overrides granted during the day. */
export function overridesSection(db: DbClient, p: RangeParams): DailySummary['overrides'] {
  return overridesInRange(db, p).map(({ at, manager, requestedBy, action, reason, note, ref, selfApproved }) => ({
    at,
    manager,
    requestedBy,
    action,
    reason,
    note,
    ref,
    selfApproved: selfApproved === 1,
  }));
}

/** Money taken at the repair counter: deposits at intake, balances at pickup, cash refunded at pickup. */
function repairMoney(db: DbClient, p: RangeParams) {
  return {
    deposits: eventTenders(db, 'intake', 'deposit', p),
    balances: eventTenders(db, 'pickup', 'payment', p),
    cashRefundedMinor: pickupsIn(db, p).cashBackMinor,
  };
}

/** Repair jobs received, completed, picked up, open and overdue at close; turnaround, parts and money. */
export function repairsSection(db: DbClient, p: RangeParams, money = repairMoney(db, p)): DailySummary['repairs'] {
  const turnaround = avgTurnaroundMs(db, p);
  return {
    received: jobsCountIn(db, 'created', p),
    completed: jobsCountIn(db, 'completed', p),
    pickedUp: jobsCountIn(db, 'pickedUp', p),
    openAtClose: openAtCloseCount(db, p, false),
    overdueAtClose: openAtCloseCount(db, p, true),
    avgTurnaroundHours: turnaround === null ? null : Math.round((turnaround / 3_600_000) * 10) / 10,
    partsCostMinor: partsCostMinor(db, p),
    depositsMinor: sum(money.deposits),
    balancesTakenMinor: sum(money.balances),
  };
}

/** Bench test verdicts of the day and the instruments past their calibration date. */
export function testsSection(db: DbClient, p: RangeParams & DayParams): DailySummary['tests'] {
  return { ...testVerdicts(db, p), instrumentsPastCalibration: instrumentsPastCalibration(db, p.day) };
}

/** Complaints received on the day and resolved during it. */
export function complaintsSection(db: DbClient, p: RangeParams & DayParams): DailySummary['complaints'] {
  return { received: complaintsReceived(db, p), resolved: complaintsResolved(db, p) };
}

/** Cash into the drawer (deposits, balances) and out of it (cash refunds of returns and of deposits). */
export function drawerSection(
  returns: DailySummary['returns'],
  money: ReturnType<typeof repairMoney>,
): DailySummary['drawer'] {
  const cashIn = amountOf(money.deposits, 'cash') + amountOf(money.balances, 'cash');
  const cashOut = amountOf(returns.byTender, 'cash') + money.cashRefundedMinor;
  return { cashInMinor: cashIn, cashOutMinor: cashOut, netMinor: cashIn - cashOut };
}

/** The checks that the returns' breakdowns add up to their totals. */
export function reconciliationSection(
  returns: DailySummary['returns'],
  linesRefund: number,
): DailySummary['reconciliation'] {
  const refundTotal = returns.refundTotalMinor;
  const check = (name: string, left: number, right: number) => ({
    check: name,
    ok: left === right,
    leftMinor: left,
    rightMinor: right,
  });
  return [
    check('tenders_equal_refunds', sum(returns.byTender), refundTotal),
    check('reasons_equal_refunds', sum(returns.byReason), refundTotal),
    check('lines_equal_refunds', linesRefund, refundTotal),
    check('categories_equal_lines', sum(returns.byCategory), linesRefund),
  ];
}

/** Builds the summary of `day` for `storeId`. */
export function dailySummary(db: DbClient, storeId: number, day: string): DailySummary {
  const store = storeFacts(db, storeId);
  const { start, end } = businessDayRange(day, store.timeZone);
  const p = { storeId, day, start, end };
  const returns = returnsSection(db, p);
  const money = repairMoney(db, p);
  return {
    day,
    timeZone: store.timeZone,
    currency: store.currency,
    range: { start, end },
    returns,
    overrides: overridesSection(db, p),
    repairs: repairsSection(db, p, money),
    tests: testsSection(db, p),
    complaints: complaintsSection(db, p),
    drawer: drawerSection(returns, money),
    reconciliation: reconciliationSection(returns, dayLinesRefund(db, p)),
  };
}
