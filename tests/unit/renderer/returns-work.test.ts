/**
 * The Returns screen's pure model (renderer/src/features/returns/work.ts, work-schema.ts,
 * resolutions.ts): the quote and commit requests built from what the clerk entered, when a step
 * is complete, drafts that parse back (and hostile drafts that do not), which resolutions the
 * policy offers. Expected values are written from the rules (checklists per category, dispositions
 * per grade), not copied from the code.
 */
import { describe, expect, it } from 'vitest';
import type { Quote } from '../../../shared/contract/methods/returns';
import { availability, defaultResolution } from '../../../renderer/src/features/returns/resolutions';
import {
  blankLine,
  buildCommit,
  buildQuoteInput,
  checkComplete,
  chooseComplete,
  draftTitle,
  emptyWork,
  effectiveGrade,
  lineDispositions,
  missingAnswers,
  type LineFacts,
  type ReturnWork,
} from '../../../renderer/src/features/returns/work';
import { parseWork } from '../../../renderer/src/features/returns/work-schema';
import { sameSerial } from '../../../shared/domain/returns/inspection';

const KEY = 'ret-0123456789abcdef';
const SPEAKER: LineFacts = {
  lineNo: 1,
  categoryCode: 'audio',
  saleSerial: 'EDM330A2611001',
  remainingQty: 1,
};
const CABLE: LineFacts = { lineNo: 2, categoryCode: 'accessories', saleSerial: null, remainingQty: 1 };
const facts = (n: number) => (n === 1 ? SPEAKER : n === 2 ? CABLE : undefined);

/** Journey 1 as the clerk enters it: the speaker picked for a fault, the cable not. */
function journey1(): ReturnWork {
  return {
    ...emptyWork(KEY),
    step: 'check',
    source: { kind: 'receipt', receiptNo: 'S-20261118-0007' },
    lines: [
      { ...blankLine(1), selected: true, reason: 'performance_fault', grade: 'A-defective' },
      { ...blankLine(2), reason: 'no_reason' },
    ],
  };
}

const AUDIO_REQUIRED_WITH_SERIAL_AND_FAULT = [
  'box',
  'charger_cable',
  'manual',
  'no_physical_damage',
  'serial_matches',
  'powers_on',
  'fault_reproduced',
];

describe('what the clerk must answer', () => {
  it('a speaker with a serial on the sale and a fault claimed needs its whole audio checklist', () => {
    expect(missingAnswers(journey1().lines[0]!, SPEAKER)).toEqual(AUDIO_REQUIRED_WITH_SERIAL_AND_FAULT);
  });

  it('without a fault claimed, "fault reproduced" is not asked; without a sale serial, "serial matches" is not', () => {
    const line = { ...blankLine(1), selected: true, reason: 'no_reason' as const };
    expect(missingAnswers(line, { ...SPEAKER, saleSerial: null })).toEqual([
      'box',
      'charger_cable',
      'manual',
      'no_physical_damage',
      'powers_on',
    ]);
  });

  it('choose needs a reason on every picked line; check needs a grade and every required answer', () => {
    const w = journey1();
    expect(chooseComplete(w)).toBe(true);
    expect(chooseComplete({ ...w, lines: [{ ...w.lines[0]!, reason: null }, w.lines[1]!] })).toBe(false);
    expect(chooseComplete({ ...w, lines: w.lines.map((l) => ({ ...l, selected: false })) })).toBe(false);
    expect(checkComplete(w, facts)).toBe(false);
    const answered = Object.fromEntries(AUDIO_REQUIRED_WITH_SERIAL_AND_FAULT.map((id) => [id, true]));
    const done = { ...w, lines: [{ ...w.lines[0]!, answers: answered }, w.lines[1]!] };
    expect(checkComplete(done, facts)).toBe(true);
    expect(checkComplete({ ...done, lines: [{ ...done.lines[0]!, grade: null }, w.lines[1]!] }, facts)).toBe(
      false,
    );
  });
});

describe('the quote request', () => {
  it('takes only the picked lines, and only answers of the line’s own checklist', () => {
    const w = journey1();
    w.lines[0] = {
      ...w.lines[0]!,
      answers: { box: true, charger_cable: false, seal_intact: true, powers_on: true },
      serialScanned: ' EDM330A2611001 ',
      notes: '有杂音',
    };
    const q = buildQuoteInput(w, facts);
    expect(q).toEqual({
      receiptNo: 'S-20261118-0007',
      resolution: 'refund',
      waiveRestockingFee: false,
      lines: [
        {
          lineNo: 1,
          qty: 1,
          reason: 'performance_fault',
          inspection: {
            grade: 'A-defective',
            // seal_intact belongs to accessories, not to audio: not sent.
            checklist: [
              { item: 'box', ok: true },
              { item: 'charger_cable', ok: false },
              { item: 'powers_on', ok: true },
            ],
            accessoriesComplete: false,
            packagingIntact: true,
            serialMatches: null,
            serialScanned: 'EDM330A2611001',
            faultReproduced: null,
            notes: '有杂音',
          },
        },
      ],
    });
  });

  it('is null with nothing picked or no source', () => {
    expect(buildQuoteInput({ ...journey1(), lines: [] }, facts)).toBeNull();
    expect(buildQuoteInput({ ...journey1(), source: null }, facts)).toBeNull();
  });

  it('never asks for more than what is left of a line', () => {
    const w = journey1();
    w.lines[0] = { ...w.lines[0]!, qty: 3 };
    expect(buildQuoteInput(w, facts)?.lines[0]?.qty).toBe(1);
  });

  it('an exchange without new items is quoted as a refund; with items it carries them and the tender', () => {
    const w = { ...journey1(), resolution: 'exchange' as const };
    expect(buildQuoteInput(w, facts)?.resolution).toBe('refund');
    const q = buildQuoteInput(
      { ...w, exchangeItems: [{ sku: 'AC-CASE-IP15-MS', qty: 1 }], exchangeTender: 'cash' },
      facts,
    );
    expect(q).toMatchObject({
      resolution: 'exchange',
      exchangeItems: [{ sku: 'AC-CASE-IP15-MS', qty: 1 }],
      exchangePaymentTender: 'cash',
    });
  });

  it('a disposition the grade no longer allows is left to core (a ✗ on damage makes it C-damaged)', () => {
    const w = journey1();
    w.lines[0] = { ...w.lines[0]!, reason: 'no_reason', grade: 'A-new', disposition: 'restock' };
    expect(buildQuoteInput(w, facts)?.lines[0]?.disposition).toBe('restock');
    w.lines[0] = { ...w.lines[0]!, answers: { no_physical_damage: false } };
    expect(effectiveGrade(w.lines[0])).toBe('C-damaged');
    expect(lineDispositions(w.lines[0])).toEqual(['scrap', 'rma_vendor']);
    expect(buildQuoteInput(w, facts)?.lines[0]).not.toHaveProperty('disposition');
  });

  it('a faulty item (fault claimed, not disproved) may only go to the vendor or scrap', () => {
    const line = { ...blankLine(1), reason: 'performance_fault' as const, grade: 'A-new' as const };
    expect(lineDispositions(line)).toEqual(['rma_vendor', 'scrap']);
    expect(lineDispositions({ ...line, answers: { fault_reproduced: false } })).toEqual([
      'restock',
      'open_box',
      'rma_vendor',
    ]);
  });

  it('a no-receipt item goes by barcode or SKU with the customer and ID', () => {
    const w: ReturnWork = {
      ...emptyWork(KEY),
      step: 'check',
      resolution: 'store_credit',
      source: {
        kind: 'no_receipt',
        code: '2000000129075',
        codeKind: 'gtin',
        customerPhone: '18611112222',
        customerName: ' 陈静 ',
        idDocument: '110101199001011234',
        product: { sku: 'SA-KT-MD-17', name: '电热水壶', categoryCode: 'small_appliance' },
      },
      lines: [{ ...blankLine(1), selected: true, reason: 'no_reason', grade: 'A-new' }],
    };
    const f = () => ({ lineNo: 1, categoryCode: 'small_appliance', saleSerial: null, remainingQty: 10 });
    expect(buildQuoteInput(w, f)).toMatchObject({
      resolution: 'store_credit',
      noReceipt: {
        gtin: '2000000129075',
        customerPhone: '18611112222',
        customerName: '陈静',
        idDocument: '110101199001011234',
      },
    });
    expect(buildQuoteInput(w, f)).not.toHaveProperty('receiptNo');
  });

  it('the commit carries the attempt’s key and the total the clerk confirmed', () => {
    const w = { ...journey1(), note: 'x'.repeat(600) };
    const q = buildQuoteInput(w, facts);
    if (!q) throw new Error('no quote input');
    const c = buildCommit(w, q, 35_910);
    expect(c.idempotencyKey).toBe(KEY);
    expect(c.expectedTotalMinor).toBe(35_910);
    expect(c.note).toHaveLength(500);
    expect(c).not.toHaveProperty('overrideToken');
  });
});

describe('serials', () => {
  it('compare without spaces or dashes, case-insensitively; empty never matches', () => {
    expect(sameSerial('edm330a2611001', 'EDM330A2611001')).toBe(true);
    expect(sameSerial('8612 3456-0001 235', '861234560001235')).toBe(true);
    expect(sameSerial('EDM330A2611002', 'EDM330A2611001')).toBe(false);
    expect(sameSerial(' ', '')).toBe(false);
  });
});

describe('drafts', () => {
  it('a draft parses back to the same work', () => {
    const w = journey1();
    expect(parseWork(JSON.parse(JSON.stringify(w)))).toEqual(w);
  });

  it('a draft with a sent commit keeps the request but never an override token', () => {
    const w = journey1();
    const q = buildQuoteInput(w, facts);
    if (!q) throw new Error('no quote input');
    const pending = { ...buildCommit(w, q, 35_910), overrideToken: 'secret-token-123' };
    const parsed = parseWork({ ...w, pending });
    expect(parsed?.pending).toEqual(buildCommit(w, q, 35_910));
    expect(parsed?.pending).not.toHaveProperty('overrideToken');
  });

  it('hostile or foreign drafts are refused, not trusted', () => {
    const w = journey1();
    for (const bad of [
      null,
      'text',
      42,
      [],
      { ...w, v: 2 },
      { ...w, step: 'pay' },
      { ...w, attemptKey: 'short' },
      { ...w, lines: [{ ...w.lines[0], qty: -1 }] },
      { ...w, lines: [{ ...w.lines[0], reason: 'because' }] },
      { ...w, source: { kind: 'receipt', receiptNo: '' } },
      { ...w, pending: { receiptNo: 'S-1', lines: [] } },
      { ...w, lines: Array.from({ length: 51 }, (_, i) => blankLine(i + 1)) },
    ]) {
      expect(parseWork(bad)).toBeNull();
    }
  });

  it('the title names the receipt and the items, or the no-receipt item and phone', () => {
    expect(draftTitle(journey1(), (n) => (n === 1 ? '音箱' : '数据线'))).toBe('S-20261118-0007 · 音箱');
    expect(draftTitle(emptyWork(KEY), () => undefined)).toBe('—');
  });
});

/** A quote with just the parts availability() reads. */
function quoteWith(lines: { options: string[]; overridable: boolean }[]): Quote {
  return {
    lines: lines.map((l, i) => ({
      lineNo: i + 1,
      decision: { options: l.options },
      overridable: l.overridable,
    })),
  } as unknown as Quote;
}

describe('resolutions offered', () => {
  it('journey 1 (三包 fault within 7 days): refund first; store credit counts as a refund', () => {
    const q = quoteWith([{ options: ['refund', 'exchange', 'repair'], overridable: true }]);
    expect(availability(q, 'refund')).toBe('offered');
    expect(availability(q, 'store_credit')).toBe('offered');
    expect(defaultResolution(q)).toBe('refund');
  });

  it('journey 2 (refused): nothing offered; refund/exchange/store credit only through an override, repair not at all', () => {
    const q = quoteWith([{ options: [], overridable: true }]);
    expect(availability(q, 'refund')).toBe('override');
    expect(availability(q, 'repair')).toBe('no');
    expect(defaultResolution(q)).toBe('store_credit');
  });

  it('a blocked line (serial mismatch) cannot be overridden', () => {
    const q = quoteWith([{ options: [], overridable: false }]);
    expect(availability(q, 'store_credit')).toBe('no');
    expect(defaultResolution(q)).toBe('refund');
  });

  it('warranty repair only: repair is the default; a replacement counts as an exchange', () => {
    expect(defaultResolution(quoteWith([{ options: ['repair'], overridable: true }]))).toBe('repair');
    const q = quoteWith([{ options: ['replacement', 'refund'], overridable: true }]);
    expect(availability(q, 'exchange')).toBe('offered');
  });
});
