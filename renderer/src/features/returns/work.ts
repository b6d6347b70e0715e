/**
 * The return being worked on at the counter, as plain serialisable data (it is the draft): where it
 * comes from, the lines picked with their inspection, the resolution, the commit attempt's key. Pure
 * functions turn it into the `returns.quote` / `returns.commit` requests and say when a step is done.
 */
import type { CommitInput, QuoteInput, ReturnResolution } from '../../../../shared/contract/methods/returns';
import type { CounterPaymentTender } from '../../../../shared/domain/money/tenders';
import {
  FAULT_REASONS,
  type ConditionGrade,
  type ReturnReason,
} from '../../../../shared/domain/policy/vocabulary';
import { checklistFor, requiredChecklistItems } from '../../../../shared/domain/returns/checklists';
import { allowedDispositions, type Disposition } from '../../../../shared/domain/returns/dispositions';
import {
  failsEffect,
  inspectedGrade,
  type ChecklistAnswer,
} from '../../../../shared/domain/returns/inspection';

export const STEPS = ['find', 'choose', 'check', 'resolve', 'confirm'] as const;
export type StepId = (typeof STEPS)[number];

/** One sale line (or the single no-receipt item) and what the clerk recorded about it. */
export interface LineWork {
  lineNo: number;
  selected: boolean;
  qty: number;
  reason: ReturnReason | null;
  grade: ConditionGrade | null;
  /** Checklist answers by item id: true ✓, false ✗; unanswered items are absent. */
  answers: Record<string, boolean>;
  /** Serial/IMEI scanned or typed from the item. */
  serialScanned: string;
  notes: string;
  disposition: Disposition | null;
}

/** What the item is, as far as the flow needs it (from the sale line or the no-receipt product). */
export interface LineFacts {
  lineNo: number;
  categoryCode: string | null;
  /** Serial/IMEI the sale recorded (null: none). */
  saleSerial: string | null;
  remainingQty: number;
}

export interface NoReceiptProduct {
  sku: string;
  name: string;
  categoryCode: string | null;
}

export type ReturnSource =
  | { kind: 'receipt'; receiptNo: string }
  | {
      kind: 'no_receipt';
      /** SKU typed or GTIN scanned. */
      code: string;
      codeKind: 'sku' | 'gtin';
      customerPhone: string;
      customerName: string;
      idDocument: string;
      /** Filled once core recognised the code. */
      product: NoReceiptProduct | null;
    };

/** A commit that was sent and whose outcome is not known (the link dropped): a retry resends exactly it. */
export type PendingCommit = Omit<CommitInput, 'overrideToken'>;

export interface ReturnWork {
  v: 1;
  /** Idempotency key of this return attempt: generated once, reused by every retry. */
  attemptKey: string;
  step: StepId;
  source: ReturnSource | null;
  lines: LineWork[];
  resolution: ReturnResolution | null;
  exchangeItems: { sku: string; qty: number }[];
  exchangeTender: CounterPaymentTender | null;
  waiveFee: boolean;
  note: string;
  pending: PendingCommit | null;
}

/** A fresh return attempt. */
export function emptyWork(attemptKey: string): ReturnWork {
  return {
    v: 1,
    attemptKey,
    step: 'find',
    source: null,
    lines: [],
    resolution: null,
    exchangeItems: [],
    exchangeTender: null,
    waiveFee: false,
    note: '',
    pending: null,
  };
}

/** A line as it starts: not picked, one unit, nothing checked. */
export function blankLine(lineNo: number): LineWork {
  return {
    lineNo,
    selected: false,
    qty: 1,
    reason: null,
    grade: null,
    answers: {},
    serialScanned: '',
    notes: '',
    disposition: null,
  };
}

/** The lines picked for return with at least one unit. */
export function pickedLines(work: ReturnWork): LineWork[] {
  return work.lines.filter((l) => l.selected && l.qty > 0);
}

/** True for reasons that claim a fault of the product (judged by the fault windows). */
export function isFaultReason(reason: ReturnReason | null): boolean {
  return reason !== null && FAULT_REASONS.includes(reason);
}

/** The checklist items asked for a line, and which must be answered before commit. */
export function lineChecklist(line: LineWork, facts: LineFacts): { items: string[]; required: string[] } {
  return {
    items: [...checklistFor(facts.categoryCode)],
    required: requiredChecklistItems(facts.categoryCode, {
      hasSerial: facts.saleSerial !== null,
      faultClaimed: isFaultReason(line.reason),
    }),
  };
}

/** Required checklist items of a line still unanswered. */
export function missingAnswers(line: LineWork, facts: LineFacts): string[] {
  return lineChecklist(line, facts).required.filter((id) => line.answers[id] === undefined);
}

/** A line's checklist answers as a list. */
function answerList(line: LineWork): ChecklistAnswer[] {
  return Object.entries(line.answers).map(([item, ok]) => ({ item, ok }));
}

/** The grade core will use (the shared rule: a ✗ on a damage item makes it C-damaged). */
export function effectiveGrade(line: LineWork): ConditionGrade | null {
  return inspectedGrade(line.grade, answerList(line));
}

/** Where the item may go after this inspection (the first is the default). */
export function lineDispositions(line: LineWork): readonly Disposition[] {
  const grade = effectiveGrade(line) ?? 'A-new';
  const faulty = isFaultReason(line.reason) && line.answers.fault_reproduced !== false;
  return allowedDispositions(grade, faulty);
}

function effectOk(line: LineWork, effect: 'accessory' | 'packaging'): boolean {
  return !failsEffect(answerList(line), effect);
}

/** The inspection of one line as the contract takes it (only items of the line's checklist). */
export function inspectionOf(line: LineWork, facts: LineFacts): QuoteInput['lines'][number]['inspection'] {
  const items = new Set(checklistFor(facts.categoryCode));
  const serial = line.serialScanned.trim();
  return {
    grade: line.grade ?? 'A-new',
    checklist: Object.entries(line.answers)
      .filter(([id]) => items.has(id as never))
      .map(([item, ok]) => ({ item, ok })),
    accessoriesComplete: effectOk(line, 'accessory'),
    packagingIntact: effectOk(line, 'packaging'),
    serialMatches: null,
    ...(serial ? { serialScanned: serial.slice(0, 40) } : {}),
    faultReproduced: null,
    notes: line.notes.slice(0, 1000),
  };
}

/**
 * The resolution to quote with: the chosen one, except an exchange without new items yet (core
 * cannot price it), which is quoted as a refund so the policy panel still has its answer.
 */
export function quoteResolution(work: ReturnWork): ReturnResolution {
  const r = work.resolution ?? 'refund';
  return r === 'exchange' && work.exchangeItems.length === 0 ? 'refund' : r;
}

/** The `returns.quote` request for the work, or null while nothing is picked. */
export function buildQuoteInput(
  work: ReturnWork,
  facts: (lineNo: number) => LineFacts | undefined,
): QuoteInput | null {
  const src = work.source;
  if (!src) return null;
  const lines = pickedLines(work).flatMap((l) => {
    const f = facts(l.lineNo);
    if (!f) return [];
    const allowed = lineDispositions(l);
    return [
      {
        lineNo: l.lineNo,
        qty: Math.min(l.qty, Math.max(1, f.remainingQty)),
        reason: l.reason ?? 'no_reason',
        inspection: inspectionOf(l, f),
        ...(l.disposition && allowed.includes(l.disposition) ? { disposition: l.disposition } : {}),
      },
    ];
  });
  if (lines.length === 0) return null;
  const resolution = quoteResolution(work);
  const base = {
    lines,
    resolution,
    waiveRestockingFee: work.waiveFee,
    ...(resolution === 'exchange'
      ? {
          exchangeItems: work.exchangeItems.map((x) => ({ sku: x.sku, qty: x.qty })),
          ...(work.exchangeTender ? { exchangePaymentTender: work.exchangeTender } : {}),
        }
      : {}),
  };
  if (src.kind === 'receipt') return { ...base, receiptNo: src.receiptNo };
  return {
    ...base,
    noReceipt: {
      ...(src.codeKind === 'sku' ? { productSku: src.code } : { gtin: src.code }),
      customerPhone: src.customerPhone,
      ...(src.customerName.trim() ? { customerName: src.customerName.trim() } : {}),
      idDocument: src.idDocument.trim(),
    },
  };
}

/** The commit request for a quoted request (the override token is added when sending, never stored). */
export function buildCommit(work: ReturnWork, input: QuoteInput, expectedTotalMinor: number): PendingCommit {
  return {
    ...input,
    idempotencyKey: work.attemptKey,
    expectedTotalMinor,
    note: work.note.slice(0, 500),
  };
}

/** Whether the picked lines are complete enough to inspect (each has a quantity and a reason). */
export function chooseComplete(work: ReturnWork): boolean {
  const picked = pickedLines(work);
  return picked.length > 0 && picked.every((l) => l.reason !== null);
}

/** Whether every picked line has a grade and every required checklist answer. */
export function checkComplete(work: ReturnWork, facts: (lineNo: number) => LineFacts | undefined): boolean {
  const picked = pickedLines(work);
  return (
    chooseComplete(work) &&
    picked.every((l) => {
      const f = facts(l.lineNo);
      return f !== undefined && l.grade !== null && missingAnswers(l, f).length === 0;
    })
  );
}

/** A short title for the drafts list: the receipt (or product and phone) and the items. */
export function draftTitle(work: ReturnWork, names: (lineNo: number) => string | undefined): string {
  const src = work.source;
  const items = pickedLines(work)
    .map((l) => names(l.lineNo))
    .filter((n): n is string => !!n)
    .join(', ');
  const head =
    src === null
      ? '—'
      : src.kind === 'receipt'
        ? src.receiptNo
        : `${src.product?.name ?? src.code} · ${src.customerPhone}`;
  return `${head}${items && src?.kind === 'receipt' ? ` · ${items}` : ''}`.slice(0, 120);
}
