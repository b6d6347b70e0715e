/**
 * The state of one return at the counter: the work (draft data), the sale it comes from, the live
 * quote, the auto-saved draft, the manager's approval and the commit. Every screen of the flow
 * reads and changes it through this hook.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AppErrorValue } from '../../../../shared/contract/errors';
import type { MethodInput, MethodOutput } from '../../../../shared/contract';
import { toHalfWidth } from '../../../../shared/domain/codes/classify';
import { useApi } from '../../app/api-context';
import { newAttemptKey } from './attempt-key';
import { commitOutcome, type CommitOutcome } from './commit-outcome';
import { useDraftAutosave, type DraftSaver } from './use-draft-autosave';
import { useQuote, type QuoteState } from './use-quote';
import {
  blankLine,
  buildCommit,
  buildQuoteInput,
  draftTitle,
  emptyWork,
  STEPS,
  type LineFacts,
  type LineWork,
  type ReturnSource,
  type ReturnWork,
  type StepId,
} from './work';
import { parseWork } from './work-schema';

export type SaleForReturn = MethodOutput<'returns.saleForReturn'>;
export type OverrideGrant = MethodOutput<'auth.requestOverride'> & { reasonCode: string; note: string };
/** What a manager approves: the commit without its key (core binds the grant to its hash). */
export type ApprovalRequest = NonNullable<MethodInput<'auth.requestOverride'>['request']>;

/** Before and while sending, then what the answer means (`commit-outcome.ts`). */
export type CommitState = { status: 'idle' } | { status: 'sending' } | CommitOutcome;

/** Upper bound for the quantity of a no-receipt item. */
export const NO_RECEIPT_MAX_QTY = 10;

export interface ReturnFlow {
  work: ReturnWork;
  sale: SaleForReturn | null;
  facts: (lineNo: number) => LineFacts | undefined;
  lineName: (lineNo: number) => string | undefined;
  quote: QuoteState;
  draft: DraftSaver;
  override: OverrideGrant | null;
  /** The request a manager would approve now (null: no current quote to approve). */
  approvalRequest: ApprovalRequest | null;
  commitState: CommitState;
  /** Moves to a step (no checks: the page decides when a step may be left). */
  goTo(step: StepId): void;
  /** Looks up a receipt; on success the sale opens at "choose" (a new return attempt). */
  openReceipt(text: string): Promise<{ ok: true } | { ok: false; error: AppErrorValue }>;
  /** Starts a no-receipt return with the customer and item entered on the find screen. */
  startNoReceipt(source: Extract<ReturnSource, { kind: 'no_receipt' }>): void;
  /** Resumes a saved draft (loads its sale again). */
  resumeDraft(draftId: string): Promise<{ ok: true } | { ok: false; error: AppErrorValue | null }>;
  updateLine(lineNo: number, change: Partial<LineWork>): void;
  update(change: Partial<Omit<ReturnWork, 'lines' | 'v' | 'attemptKey'>>): void;
  setOverride(grant: OverrideGrant | null): void;
  /** Commits (or resends the pending commit); a second call while one is under way does nothing. */
  commit(): Promise<void>;
  /** Forgets everything and starts a fresh return on the find screen. */
  startOver(): void;
}

/** The flow state for the Returns screen. */
export function useReturnFlow(): ReturnFlow {
  const api = useApi();
  const [work, setWork] = useState<ReturnWork>(() => emptyWork(newAttemptKey()));
  const [sale, setSale] = useState<SaleForReturn | null>(null);
  const [grant, setGrant] = useState<{ grant: OverrideGrant; inputKey: string } | null>(null);
  const override = grant?.grant ?? null;
  const [commitState, setCommitState] = useState<CommitState>({ status: 'idle' });
  const sending = useRef(false);
  const workRef = useRef(work);
  workRef.current = work;

  const facts = useCallback(
    (lineNo: number): LineFacts | undefined => {
      const src = work.source;
      if (src?.kind === 'no_receipt') {
        return lineNo === 1 && src.product
          ? {
              lineNo: 1,
              categoryCode: src.product.categoryCode,
              saleSerial: null,
              remainingQty: NO_RECEIPT_MAX_QTY,
            }
          : undefined;
      }
      const l = sale?.lines.find((x) => x.lineNo === lineNo);
      return l
        ? { lineNo, categoryCode: l.categoryCode, saleSerial: l.serial, remainingQty: l.remainingQty }
        : undefined;
    },
    [work.source, sale],
  );

  const lineName = useCallback(
    (lineNo: number) =>
      work.source?.kind === 'no_receipt'
        ? (work.source.product?.name ?? undefined)
        : sale?.lines.find((l) => l.lineNo === lineNo)?.name,
    [work.source, sale],
  );

  const quoting = STEPS.indexOf(work.step) >= STEPS.indexOf('check');
  const input = useMemo(() => buildQuoteInput(work, facts), [work, facts]);
  const quote = useQuote(input, quoting && commitState.status !== 'done');
  const inputKey = useMemo(() => JSON.stringify(input), [input]);
  // A grant pays exactly the request it approved: any change to lines, quantities, resolution or fee
  // waiver drops it (core would refuse it), and the manager panel asks for the manager again.
  const setOverride = useCallback(
    (g: OverrideGrant | null) => setGrant(g ? { grant: g, inputKey } : null),
    [inputKey],
  );
  useEffect(() => {
    if (grant && grant.inputKey !== inputKey && !work.pending) setGrant(null);
  }, [grant, inputKey, work.pending]);
  const approvalRequest = useMemo((): ApprovalRequest | null => {
    const q = quote.quote;
    if (!q || !quote.current || !quote.input) return null;
    const { idempotencyKey: _key, ...request } = buildCommit(work, quote.input, q.totals.totalMinor);
    return request;
  }, [quote, work]);
  const title = useMemo(() => draftTitle(work, lineName), [work, lineName]);
  const draft = useDraftAutosave(
    work,
    title,
    work.source !== null && commitState.status !== 'done' && commitState.status !== 'sending',
  );

  const begin = useCallback(
    (next: ReturnWork, nextSale: SaleForReturn | null, draftId: string | null = null) => {
      draft.reset(draftId);
      setSale(nextSale);
      setGrant(null);
      setCommitState({ status: 'idle' });
      setWork(next);
    },
    [draft],
  );

  const openReceipt = useCallback(
    async (text: string) => {
      const receiptNo = toHalfWidth(text).trim();
      const r = await api.call('returns.saleForReturn', { receiptNo });
      if (!r.ok) return { ok: false as const, error: r.error };
      const s = r.value;
      begin(
        {
          ...emptyWork(newAttemptKey()),
          step: 'choose',
          source: { kind: 'receipt', receiptNo: s.sale.receiptNo },
          lines: s.lines.map((l) => blankLine(l.lineNo)),
        },
        s,
      );
      return { ok: true as const };
    },
    [api, begin],
  );

  const startNoReceipt = useCallback(
    (source: Extract<ReturnSource, { kind: 'no_receipt' }>) => {
      begin(
        {
          ...emptyWork(newAttemptKey()),
          step: 'choose',
          source,
          lines: [{ ...blankLine(1), selected: true }],
          resolution: 'store_credit',
        },
        null,
      );
    },
    [begin],
  );

  const resumeDraft = useCallback(
    async (draftId: string) => {
      const r = await api.call('returns.drafts', { draftId });
      if (!r.ok) return { ok: false as const, error: r.error };
      const w = parseWork(r.value.data);
      if (!w) return { ok: false as const, error: null };
      let s: SaleForReturn | null = null;
      if (w.source?.kind === 'receipt') {
        const sr = await api.call('returns.saleForReturn', { receiptNo: w.source.receiptNo });
        if (!sr.ok) return { ok: false as const, error: sr.error };
        s = sr.value;
      }
      begin(w, s, draftId);
      return { ok: true as const };
    },
    [api, begin],
  );

  const updateLine = useCallback((lineNo: number, change: Partial<LineWork>) => {
    setWork((w) =>
      w.pending ? w : { ...w, lines: w.lines.map((l) => (l.lineNo === lineNo ? { ...l, ...change } : l)) },
    );
  }, []);

  const update = useCallback((change: Partial<Omit<ReturnWork, 'lines' | 'v' | 'attemptKey'>>) => {
    setWork((w) => {
      // A sent commit freezes the request: only moving between steps is allowed until it is settled.
      if (w.pending && Object.keys(change).some((k) => k !== 'step')) return w;
      return { ...w, ...change };
    });
  }, []);

  const goTo = useCallback((step: StepId) => update({ step }), [update]);

  const commit = useCallback(async () => {
    if (sending.current) return;
    const w = workRef.current;
    let pending = w.pending;
    if (!pending) {
      const q = quote.quote;
      if (!q || !quote.current || !quote.input) return;
      const ready = q.commit === 'ready' || (q.commit === 'needs_manager' && override !== null);
      if (!ready) return;
      pending = buildCommit(w, quote.input, q.totals.totalMinor);
    }
    sending.current = true;
    setCommitState({ status: 'sending' });
    const frozen: ReturnWork = { ...w, pending, step: 'confirm' };
    setWork(frozen);
    // The draft holds the request before it is sent: after a crash the same key is sent again.
    await draft.flush(frozen, draftTitle(frozen, lineName));
    const r = await api.call('returns.commit', {
      ...pending,
      ...(override ? { overrideToken: override.token } : {}),
    });
    sending.current = false;
    const outcome = commitOutcome(r, w.pending !== null);
    setCommitState(outcome);
    if (outcome.status === 'done') {
      setGrant(null);
      await draft.remove();
      return;
    }
    if (outcome.status === 'unknown') return;
    if (outcome.error.code.startsWith('OVERRIDE_')) setGrant(null);
    setWork((cur) => ({ ...cur, pending: null }));
  }, [api, draft, lineName, override, quote]);

  const startOver = useCallback(() => {
    begin(emptyWork(newAttemptKey()), null);
  }, [begin]);

  return {
    work,
    sale,
    facts,
    lineName,
    quote,
    draft,
    override,
    approvalRequest,
    commitState,
    goTo,
    openReceipt,
    startNoReceipt,
    resumeDraft,
    updateLine,
    update,
    setOverride,
    commit,
    startOver,
  };
}
