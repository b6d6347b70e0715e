/**
 * returns.commit: ONE immediate transaction that replays an earlier commit with the same idempotency
 * key, or re-runs the quote, checks it against what the clerk confirmed, consumes the manager
 * override when one is needed, allocates the return number and writes everything (write-return.ts).
 * Any error rolls all of it back: no return, no audit row, no stock move, no number used.
 */
import { createHash } from 'node:crypto';
import { formatDocumentNumber, nextSequence } from '../../../db/sequences';
import { AppError } from '../../../shared/contract/errors';
import type { CommitInput, CommitResult } from '../../../shared/contract/methods/returns';
import { formatMoney } from '../../../shared/domain/money/format';
import { businessDay } from '../../../shared/domain/time/business-day';
import { consumeOverride } from '../auth/override';
import { buildQuote, managerDetails } from './build-quote';
import { maskIdDocument } from './no-receipt';
import { prepared } from './prepared';
import { buildReturnSlip } from './slip';
import type { StoreEnv } from './store-env';
import { returnKind, writeReturn } from './write-return';

/** The override action a manager approves for returns (auth.requestOverride `action`). */
export const RETURNS_OVERRIDE_ACTION = 'returns.commit';

const SQL = {
  idempotency: `SELECT method, request_hash AS requestHash, result FROM idempotency_keys WHERE key = ?`,
  staffName: 'SELECT name FROM staff WHERE id = ?',
} as const;

/**
 * Hash of what a commit asks for (everything but the key itself and the override credential). The
 * input is the contract's parsed value, whose keys zod emits in schema order whatever order the
 * caller used, so plain JSON is canonical here (and much cheaper than a sorting serialiser).
 */
export function requestHash(input: CommitInput): string {
  const { idempotencyKey: _key, overrideToken: _token, ...what } = input;
  return createHash('sha256').update(JSON.stringify(what)).digest('hex');
}

function staffName(env: StoreEnv, id: number): string {
  return (prepared(env.db, SQL.staffName).get(id) as { name: string } | undefined)?.name ?? '';
}

/** Commits a return for `staff` (see the file comment for the order of checks). */
export function commitReturn(
  env: StoreEnv,
  staff: { id: number; name: string },
  input: CommitInput,
): CommitResult {
  const { db } = env;
  const hash = requestHash(input);
  const run = db.transaction((): CommitResult => {
    const prior = prepared(db, SQL.idempotency).get(input.idempotencyKey) as
      { method: string; requestHash: string; result: string } | undefined;
    if (prior) {
      if (prior.method !== 'returns.commit' || prior.requestHash !== hash) {
        throw new AppError('IDEMPOTENCY_KEY_REUSED', { method: 'returns.commit' });
      }
      return { ...(JSON.parse(prior.result) as CommitResult), replayed: true };
    }
    if (input.resolution === 'repair') throw new AppError('RETURN_REPAIR_USE_INTAKE', {});

    const p = buildQuote(env, input);
    const q = p.quote;
    p.verdicts.forEach((v, i) => {
      const lineNo = input.lines[i]?.lineNo ?? null;
      if (v.blockedCode === 'RETURN_SERIAL_MISMATCH')
        throw new AppError('RETURN_SERIAL_MISMATCH', { lineNo });
      if (v.blockedCode === 'RETURN_DEVICE_LOCKED') throw new AppError('RETURN_DEVICE_LOCKED', { lineNo });
    });
    p.verdicts.forEach((v, i) => {
      if (v.inspection.missingItems.length > 0) {
        throw new AppError('RETURN_CHECKLIST_INCOMPLETE', {
          lineNo: input.lines[i]?.lineNo ?? null,
          missing: v.inspection.missingItems.join(', '),
          items: v.inspection.missingItems,
        });
      }
    });
    if (p.paymentTenderRequired) {
      throw new AppError('EXCHANGE_PAYMENT_TENDER_REQUIRED', {
        difference: q.exchange?.differenceMinor ?? 0,
      });
    }
    if (q.totals.totalMinor !== input.expectedTotalMinor) {
      throw new AppError('RETURN_TOTAL_CHANGED', {
        expectedMinor: input.expectedTotalMinor,
        actualMinor: q.totals.totalMinor,
        expected: formatMoney(input.expectedTotalMinor, env.currency, env.locale),
        actual: formatMoney(q.totals.totalMinor, env.currency, env.locale),
      });
    }
    if (q.manager.required && input.overrideToken === undefined) {
      if (q.manager.payout === 'store_credit') throw new AppError('RETURN_REFUSED', managerDetails(q));
      throw new AppError('RETURN_NEEDS_MANAGER', managerDetails(q));
    }

    const day = businessDay(env.now, env.timeZone);
    const returnId = formatDocumentNumber('R', day, nextSequence(db, env.storeId, 'R', day));
    const override =
      q.manager.required && input.overrideToken !== undefined
        ? consumeOverride(
            db,
            input.overrideToken,
            RETURNS_OVERRIDE_ACTION,
            { type: 'return', id: returnId },
            env.now,
          )
        : null;
    const idDocument = p.idDocument ?? input.idDocument ?? null;
    const h = p.sale?.header ?? null;
    return writeReturn({
      db,
      storeId: env.storeId,
      staffId: staff.id,
      returnId,
      now: env.now,
      businessDay: day,
      prepared: p,
      idempotencyKey: input.idempotencyKey,
      requestHash: hash,
      note: input.note,
      idDocument,
      override,
      slip: () =>
        buildReturnSlip({
          returnId,
          kind: returnKind(q),
          createdAt: env.now,
          timeZone: env.timeZone,
          locale: env.locale,
          paper: env.paper,
          currency: env.currency,
          storeName: env.storeName,
          clerkName: staff.name,
          receiptNo: h?.receiptNo ?? null,
          customerName: p.customer?.name || p.newCustomer?.name || null,
          idDocumentMasked: idDocument ? maskIdDocument(idDocument) : null,
          lines: q.lines.map((l) => ({
            name: l.name,
            qty: l.qty,
            unitPriceMinor: l.money.unitPriceMinor,
            discountShareMinor: l.money.discountShareMinor,
            taxMinor: l.money.taxMinor,
            restockingFeeComputedMinor: l.money.restockingFeeComputedMinor,
            restockingFeeWaived: l.money.restockingFeeWaived,
            restockingFeeMinor: l.money.restockingFeeMinor,
            refundMinor: l.money.refundMinor,
            serial: l.serial,
          })),
          exchangeItems:
            q.exchange?.items.map((x) => ({
              name: x.name,
              qty: x.qty,
              unitPriceMinor: x.unitPriceMinor,
              totalMinor: x.totalMinor,
            })) ?? [],
          refundTotalMinor: q.totals.refundMinor,
          exchangeDifferenceMinor: q.exchange?.differenceMinor ?? null,
          tenders: q.tenders.map((t) => ({ tender: t.tender, amountMinor: t.amountMinor })),
          storeCreditCode: q.totals.storeCreditIssuedMinor > 0 ? returnId : null,
          override: override
            ? { managerName: staffName(env, override.managerId), reasonCode: override.reasonCode }
            : null,
        }),
    });
  });
  return run.immediate();
}
