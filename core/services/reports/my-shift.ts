/**
 * One staff member's own shift: what they did in one business day (store time zone), with the same
 * definitions as the daily summary restricted to them — returns they processed (`returns.staff_id`),
 * repairs they took in (`repair_jobs.created_by`, deposits from their intake events), pickups they
 * handed over (their `pickup` events, payments taken) and the cash they put in and took out of the
 * drawer. The staff id comes from the caller's session (report-handlers.ts), never from the input.
 */
import type { DbClient } from '../../../db/client';
import { eventTenders, pickupsIn } from '../../../db/repositories/reports/day-repairs';
import { ownIntakes, ownRefundsByTender, ownReturnTotals, staffName } from '../../../db/repositories/reports/my-shift';
import { storeFacts } from '../../../db/repositories/store/store-facts';
import type { MyShift } from '../../../shared/contract/methods/reports';
import { businessDayRange } from '../../../shared/domain/time/business-day';

type AmountBy = MyShift['returns']['byTender'];

const sum = (rows: AmountBy): number => rows.reduce((a, r) => a + r.amountMinor, 0);
const cashOf = (rows: AmountBy): number => rows.find((r) => r.key === 'cash')?.amountMinor ?? 0;

/** The shift of `staffId` on `day`. */
export function myShift(db: DbClient, storeId: number, staffId: number, day: string): MyShift {
  const store = storeFacts(db, storeId);
  const { start, end } = businessDayRange(day, store.timeZone);
  const p = { storeId, staffId, day, start, end };
  const returns = ownReturnTotals(db, p);
  const refundTenders = ownRefundsByTender(db, p);
  const deposits = eventTenders(db, 'intake', 'deposit', p);
  const pickups = pickupsIn(db, p);
  const payments = eventTenders(db, 'pickup', 'payment', p);

  const cashIn = cashOf(deposits) + cashOf(payments);
  const cashOut = cashOf(refundTenders) + pickups.cashBackMinor;
  return {
    day,
    staffName: staffName(db, staffId),
    currency: store.currency,
    returns: { count: returns.count, refundTotalMinor: returns.refundMinor, byTender: refundTenders },
    intakes: { count: ownIntakes(db, p), depositsMinor: sum(deposits), byTender: deposits },
    pickups: { count: pickups.count, paymentsMinor: sum(payments), byTender: payments },
    drawer: { cashInMinor: cashIn, cashOutMinor: cashOut, netMinor: cashIn - cashOut },
  };
}
