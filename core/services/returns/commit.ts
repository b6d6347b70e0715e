/**
 * returns.commit: ONE immediate transaction that replays an earlier commit with the same idempotency
 * key, or re-runs the quote, checks it against what the clerk confirmed, consumes the manager
 * override when one is needed, allocates the return number and writes everything (write-return.ts).
 * Any error rolls all of it back: no return, no audit row, no stock move, no number used.
 *
 * The write lock is held only for what needs it. Just before BEGIN IMMEDIATE, a read transaction
 * builds the quote, lays out the slip for the number the day would draw next and serialises the audit
 * row's lists (canonical JSON fragments); inside the write transaction that work is reused only if
 * `db.dataVersion()` (`PRAGMA data_version`) shows that no other connection has committed since that snapshot (this
 * connection cannot have: nothing runs in between), so it is exactly what a rebuild would give —
 * otherwise the quote is rebuilt from the database as before.
 * The slip is reused only for the number actually drawn. Idempotency, checks, number, override,
 * rows and audit row stay inside the one transaction, in the same order.
 */
import { createHash } from 'node:crypto';
import type { DbClient } from '../../../db/client';
import {
  drawReturnNumber,
  idempotencyRecord,
  peekReturnNumber,
  staffName,
} from '../../../db/repositories/returns/commit-rows';
import { inTransaction } from '../../../db/repositories/returns/transaction-state';
import type { StoreFacts } from '../../../db/repositories/store/store-facts';
import { AppError } from '../../../shared/contract/errors';
import type { CommitInput, CommitResult } from '../../../shared/contract/methods/returns';
import { formatMoney } from '../../../shared/domain/money/format';
import { businessDay } from '../../../shared/domain/time/business-day';
import { buildReturnSlip, type SlipSource } from '../../printing/documents/return-slip';
import { preparePrintJob, type PreparedPrintJob } from '../../printing/enqueue';
import { consumeOverride } from '../auth/override';
import { approvalHash } from './approval';
import { buildQuote, managerDetails } from './build-quote';
import { maskIdDocument } from './no-receipt';
import type { PreparedReturn } from './assemble-quote';
import { auditParts, returnKind, writeReturn, type AuditParts } from './write-return';

/** The override action a manager approves for returns (auth.requestOverride `action`). */
export const RETURNS_OVERRIDE_ACTION = 'returns.commit';

/**
 * Hash of what a commit asks for (everything but the key itself and the override credential). The
 * input is the contract's parsed value, whose keys zod emits in schema order whatever order the
 * caller used, so plain JSON is canonical here (and much cheaper than a sorting serialiser).
 */
export function requestHash(input: CommitInput): string {
  const { idempotencyKey: _key, overrideToken: _token, ...what } = input;
  return createHash('sha256').update(JSON.stringify(what)).digest('hex');
}

/** Who commits, and the store and clock of the call. */
export interface CommitCall {
  db: DbClient;
  store: StoreFacts;
  now: number;
  staff: { id: number; name: string };
}

/** What a commit prepared before taking the write lock, and the snapshot it was read in. */
interface Preflight {
  version: number;
  prepared: PreparedReturn;
  /** The number the day would draw next when it was read, and the slip's print job for it (no override). */
  returnId: string;
  slip: PreparedPrintJob | null;
  /** The audit row's lists, already canonical JSON. */
  auditParts: AuditParts;
}

/** The checks of a quote against the request, in the order the clerk meets them (throws the first). */
function checkQuote(store: StoreFacts, input: CommitInput, p: PreparedReturn): void {
  const q = p.quote;
  p.verdicts.forEach((v, i) => {
    const lineNo = input.lines[i]?.lineNo ?? null;
    if (v.blockedCode === 'RETURN_SERIAL_MISMATCH') throw new AppError('RETURN_SERIAL_MISMATCH', { lineNo });
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
      expected: formatMoney(input.expectedTotalMinor, store.currency, store.locale),
      actual: formatMoney(q.totals.totalMinor, store.currency, store.locale),
    });
  }
  if (q.manager.required && input.overrideToken === undefined) {
    if (q.manager.payout === 'store_credit') throw new AppError('RETURN_REFUSED', managerDetails(q));
    throw new AppError('RETURN_NEEDS_MANAGER', managerDetails(q));
  }
}

/** The slip of a return as its print job (checked and laid out by core/printing). */
function slipJob(
  c: CommitCall,
  p: PreparedReturn,
  returnId: string,
  idDocument: string | null,
  override: SlipSource['override'],
): PreparedPrintJob {
  const q = p.quote;
  const h = p.sale?.header ?? null;
  return preparePrintJob({
    kind: returnKind(q) === 'exchange' ? 'exchange_slip' : 'return_slip',
    docRef: returnId,
    openDrawer: q.opensDrawer,
    staffId: c.staff.id,
    document: buildReturnSlip({
      returnId,
      kind: returnKind(q),
      createdAt: c.now,
      timeZone: c.store.timeZone,
      locale: c.store.locale,
      paper: c.store.paper,
      currency: c.store.currency,
      storeName: c.store.name,
      clerkName: c.staff.name,
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
      override,
    }),
  });
}

/**
 * The quote and slip of a commit, read in one snapshot before the write transaction. Null when there
 * is nothing to prepare or it would not be used: a replayed key, a repair, a request the quote or the
 * checks refuse (the transaction rebuilds it and throws the same error in order), or a caller's
 * transaction already open.
 */
function preflight(c: CommitCall, input: CommitInput, day: string): Preflight | null {
  const { db } = c;
  if (inTransaction(db) || input.resolution === 'repair') return null;
  return db.transaction((): Preflight | null => {
    const version = db.dataVersion();
    if (idempotencyRecord(db, input.idempotencyKey) !== undefined) return null;
    let p: PreparedReturn;
    try {
      p = buildQuote(db, c.store, c.now, input);
      checkQuote(c.store, input, p);
    } catch {
      return null;
    }
    const returnId = peekReturnNumber(db, c.store.id, day);
    const idDocument = p.idDocument ?? input.idDocument ?? null;
    return {
      version,
      prepared: p,
      returnId,
      // With a manager the slip names them: laid out inside, once the override is consumed.
      slip: p.quote.manager.required ? null : slipJob(c, p, returnId, idDocument, null),
      auditParts: auditParts(p),
    };
  });
}

/** Commits a return for `c.staff` (see the file comment for the order of checks). */
export function commitReturn(c: CommitCall, input: CommitInput): CommitResult {
  const { db, store, now } = c;
  const hash = requestHash(input);
  const day = businessDay(now, store.timeZone);
  const pre = preflight(c, input, day);
  return db.transaction((): CommitResult => {
    const prior = idempotencyRecord(db, input.idempotencyKey);
    if (prior) {
      if (prior.method !== 'returns.commit' || prior.requestHash !== hash) {
        throw new AppError('IDEMPOTENCY_KEY_REUSED', { method: 'returns.commit' });
      }
      return { ...(JSON.parse(prior.result) as CommitResult), replayed: true };
    }
    if (input.resolution === 'repair') throw new AppError('RETURN_REPAIR_USE_INTAKE', {});

    // Nothing committed since the preflight's snapshot: its quote is what a rebuild would give.
    const fresh = pre !== null && db.dataVersion() === pre.version ? pre : null;
    const p = fresh?.prepared ?? buildQuote(db, store, now, input);
    const q = p.quote;
    checkQuote(store, input, p);

    const returnId = drawReturnNumber(db, store.id, day);
    const override =
      q.manager.required && input.overrideToken !== undefined
        ? consumeOverride(
            db,
            input.overrideToken,
            RETURNS_OVERRIDE_ACTION,
            { type: 'return', id: returnId },
            now,
            { requestHash: approvalHash(input), staffId: c.staff.id },
          )
        : null;
    const idDocument = p.idDocument ?? input.idDocument ?? null;
    return writeReturn({
      db,
      storeId: store.id,
      staffId: c.staff.id,
      returnId,
      now,
      businessDay: day,
      prepared: p,
      idempotencyKey: input.idempotencyKey,
      requestHash: hash,
      note: input.note,
      idDocument,
      override,
      auditParts: fresh?.auditParts,
      slip: () =>
        fresh?.slip != null && fresh.returnId === returnId && override === null
          ? fresh.slip
          : slipJob(
              c,
              p,
              returnId,
              idDocument,
              override
                ? { managerName: staffName(db, override.managerId), reasonCode: override.reasonCode }
                : null,
            ),
    });
  }, 'immediate');
}
