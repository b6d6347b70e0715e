/**
 * returns.commit: ONE immediate transaction that replays an earlier commit with the same idempotency
 * key, or re-runs the quote, checks it against what the clerk confirmed, consumes the manager
 * override when one is needed, allocates the return number and writes everything (write-return.ts).
 * Any error rolls all of it back: no return, no audit row, no stock move, no number used.
 *
 * The write lock is held only for what needs it. Just before BEGIN IMMEDIATE, a read transaction
 * builds the quote, lays out the slip for the number the day would draw next and serialises the audit
 * row's lists (canonical JSON fragments); inside the write transaction that work is reused only if
 * `PRAGMA data_version` shows that no other connection has committed since that snapshot (this
 * connection cannot have: nothing runs in between), so it is exactly what a rebuild would give —
 * otherwise the quote is rebuilt from the database as before.
 * The slip is reused only for the number actually drawn. Idempotency, checks, number, override,
 * rows and audit row stay inside the one transaction, in the same order.
 */
import { createHash } from 'node:crypto';
import { clientOfHandle } from '../../../db/client';
import { formatDocumentNumber, nextSequence } from '../../../db/sequences';
import { AppError } from '../../../shared/contract/errors';
import type { CommitInput, CommitResult } from '../../../shared/contract/methods/returns';
import { formatMoney } from '../../../shared/domain/money/format';
import { businessDay } from '../../../shared/domain/time/business-day';
import { consumeOverride } from '../auth/override';
import { buildQuote, managerDetails } from './build-quote';
import { maskIdDocument } from './no-receipt';
import { prepared } from './prepared';
import type { PreparedReturn } from './build-quote';
import { buildReturnSlip, type SlipSource } from './slip';
import type { StoreEnv } from './store-env';
import { auditParts, returnKind, writeReturn, type AuditParts } from './write-return';

/** The override action a manager approves for returns (auth.requestOverride `action`). */
export const RETURNS_OVERRIDE_ACTION = 'returns.commit';

const SQL = {
  idempotency: `SELECT method, request_hash AS requestHash, result FROM idempotency_keys WHERE key = ?`,
  staffName: 'SELECT name FROM staff WHERE id = ?',
  lastNumber:
    'SELECT last_value AS lastValue FROM number_sequences WHERE store_id = ? AND kind = ? AND day = ?',
  dataVersion: 'PRAGMA data_version',
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

/** Changes whenever ANOTHER connection commits to the database file (this connection's own commits do not). */
function dataVersion(env: StoreEnv): number {
  return (prepared(env.db, SQL.dataVersion).get() as { data_version: number }).data_version;
}

/** What a commit prepared before taking the write lock, and the snapshot it was read in. */
interface Preflight {
  version: number;
  prepared: PreparedReturn;
  /** The number the day would draw next when it was read, and the slip's layout JSON for it (no override). */
  returnId: string;
  slipJson: string | null;
  /** The audit row's lists, already canonical JSON. */
  auditParts: AuditParts;
}

/** The checks of a quote against the request, in the order the clerk meets them (throws the first). */
function checkQuote(env: StoreEnv, input: CommitInput, p: PreparedReturn): void {
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
      expected: formatMoney(input.expectedTotalMinor, env.currency, env.locale),
      actual: formatMoney(q.totals.totalMinor, env.currency, env.locale),
    });
  }
  if (q.manager.required && input.overrideToken === undefined) {
    if (q.manager.payout === 'store_credit') throw new AppError('RETURN_REFUSED', managerDetails(q));
    throw new AppError('RETURN_NEEDS_MANAGER', managerDetails(q));
  }
}

/** The slip of a return as the print job stores it. */
function slipJson(
  env: StoreEnv,
  staff: { name: string },
  p: PreparedReturn,
  returnId: string,
  idDocument: string | null,
  override: SlipSource['override'],
): string {
  const q = p.quote;
  const h = p.sale?.header ?? null;
  return JSON.stringify(
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
      override,
    }),
  );
}

/**
 * The quote and slip of a commit, read in one snapshot before the write transaction. Null when there
 * is nothing to prepare or it would not be used: a replayed key, a repair, a request the quote or the
 * checks refuse (the transaction rebuilds it and throws the same error in order), or a caller's
 * transaction already open.
 */
function preflight(
  env: StoreEnv,
  staff: { name: string },
  input: CommitInput,
  day: string,
): Preflight | null {
  const { db } = env;
  if (db.inTransaction || input.resolution === 'repair') return null;
  return db.transaction((): Preflight | null => {
    const version = dataVersion(env);
    if (prepared(db, SQL.idempotency).get(input.idempotencyKey) !== undefined) return null;
    let p: PreparedReturn;
    try {
      p = buildQuote(env, input);
      checkQuote(env, input, p);
    } catch {
      return null;
    }
    const last = prepared(db, SQL.lastNumber).get(env.storeId, 'R', day) as { lastValue: number } | undefined;
    const returnId = formatDocumentNumber('R', day, (last?.lastValue ?? 0) + 1);
    const idDocument = p.idDocument ?? input.idDocument ?? null;
    return {
      version,
      prepared: p,
      returnId,
      // With a manager the slip names them: laid out inside, once the override is consumed.
      slipJson: p.quote.manager.required ? null : slipJson(env, staff, p, returnId, idDocument, null),
      auditParts: auditParts(p),
    };
  })();
}

/** Commits a return for `staff` (see the file comment for the order of checks). */
export function commitReturn(
  env: StoreEnv,
  staff: { id: number; name: string },
  input: CommitInput,
): CommitResult {
  const { db } = env;
  const hash = requestHash(input);
  const day = businessDay(env.now, env.timeZone);
  const pre = preflight(env, staff, input, day);
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

    // Nothing committed since the preflight's snapshot: its quote is what a rebuild would give.
    const fresh = pre !== null && dataVersion(env) === pre.version ? pre : null;
    const p = fresh?.prepared ?? buildQuote(env, input);
    const q = p.quote;
    checkQuote(env, input, p);

    const returnId = formatDocumentNumber('R', day, nextSequence(db, env.storeId, 'R', day));
    const override =
      q.manager.required && input.overrideToken !== undefined
        ? consumeOverride(
            clientOfHandle(db),
            input.overrideToken,
            RETURNS_OVERRIDE_ACTION,
            { type: 'return', id: returnId },
            env.now,
          )
        : null;
    const idDocument = p.idDocument ?? input.idDocument ?? null;
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
      auditParts: fresh?.auditParts,
      slipJson: () =>
        fresh?.slipJson != null && fresh.returnId === returnId && override === null
          ? fresh.slipJson
          : slipJson(
              env,
              staff,
              p,
              returnId,
              idDocument,
              override
                ? { managerName: staffName(env, override.managerId), reasonCode: override.reasonCode }
                : null,
            ),
    });
  });
  return run.immediate();
}
