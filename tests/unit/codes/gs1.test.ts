import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GS, GS1_ERRORS, looksLikeGs1, parseGs1 } from '../../../shared/domain/codes/gs1';
import { GS1_AIS, gs1AiSpec } from '../../../shared/domain/codes/gs1-ai-table';
import { gs1Year, parseGs1Date } from '../../../shared/domain/codes/gs1-date';

const Y = { referenceYear: 2026 };
// Valid keys, check digits worked by hand in gtin.test.ts.
const GTIN = '09506000134352';
const SSCC = '106141411234567897';
const GLN = '9501101020917';

describe('GS1 element strings: the example from the GS1 DataMatrix guideline', () => {
  const expected = {
    ok: true,
    elements: [
      { ai: '01', value: GTIN },
      { ai: '17', value: '201225' },
      { ai: '10', value: 'ABC123' },
    ],
    gtin: GTIN,
    expiry: '2020-12-25',
    batch: 'ABC123',
  };

  it.each([']d2', ']C1', ']Q3', ']e0', ']d5', ']Q4'])('with symbology prefix %s', (prefix) => {
    expect(parseGs1(`${prefix}01${GTIN}17201225` + `10ABC123`, Y)).toEqual(expected);
  });

  it('without a prefix, with FNC1 sent as a leading GS, and with a trailing GS', () => {
    expect(parseGs1(`01${GTIN}1720122510ABC123`, Y)).toEqual(expected);
    expect(parseGs1(`${GS}01${GTIN}1720122510ABC123${GS}`, Y)).toEqual(expected);
  });

  it('in the human-readable form printed under the symbol', () => {
    expect(parseGs1(`(01)${GTIN}(17)201225(10)ABC123`, Y)).toEqual(expected);
    expect(parseGs1(`(01) ${GTIN} (17) 201225 (10) ABC123`, Y)).toEqual(expected);
  });

  it('refuses a prefix that does not announce GS1 (plain Code 128, EAN-13)', () => {
    expect(parseGs1(`]C001${GTIN}`, Y)).toEqual({ ok: false, reason: 'not_gs1' });
    expect(parseGs1(`]E0${GTIN.slice(1)}`, Y)).toEqual({ ok: false, reason: 'not_gs1' });
  });
});

describe('variable-length fields end at GS or end of data', () => {
  it('batch then serial separated by GS, then a fixed field after GS', () => {
    const r = parseGs1(`]C101${GTIN}10LOT-7${GS}21SN/0042${GS}15270300`, Y);
    expect(r).toEqual({
      ok: true,
      elements: [
        { ai: '01', value: GTIN },
        { ai: '10', value: 'LOT-7' },
        { ai: '21', value: 'SN/0042' },
        { ai: '15', value: '270300' },
      ],
      gtin: GTIN,
      batch: 'LOT-7',
      serial: 'SN/0042',
      bestBefore: '2027-03-31',
    });
  });

  it('without the GS the rest of the data is part of the batch (as GS1 defines)', () => {
    const r = parseGs1(`01${GTIN}10LOT721SN1`, Y);
    expect(r).toMatchObject({ ok: true, batch: 'LOT721SN1' });
    expect(r.ok && r.serial).toBeFalsy();
  });

  it('a GS after a fixed-length field is tolerated', () => {
    expect(parseGs1(`01${GTIN}${GS}17261100`, Y)).toMatchObject({ ok: true, expiry: '2026-11-30' });
  });
});

describe('every AI in the table, at its length limits', () => {
  const validFixed: Record<string, string> = {
    '00': SSCC,
    '01': GTIN,
    '02': '10012345678902',
    '11': '260101',
    '13': '240229', // 2024-02-29 is a real day
    '15': '261231',
    '17': '270100',
    '410': GLN,
  };

  it('knows exactly the AIs CounterDesk needs, fixed vs variable as GS1 defines them', () => {
    expect(GS1_AIS.map((s) => `${s.ai}:${s.kind}:${s.length}`)).toEqual([
      '00:fixed:18',
      '01:fixed:14',
      '02:fixed:14',
      '10:variable:20',
      '11:fixed:6',
      '13:fixed:6',
      '15:fixed:6',
      '17:fixed:6',
      '21:variable:20',
      '240:variable:30',
      '241:variable:30',
      '400:variable:30',
      '410:fixed:13',
    ]);
  });

  for (const spec of GS1_AIS.filter((s) => s.kind === 'fixed')) {
    const value = validFixed[spec.ai] ?? '';
    it(`${spec.ai} (${spec.title}): exact length parses, one short is truncated, a letter is not a digit`, () => {
      expect(value).toHaveLength(spec.length);
      const ok = parseGs1(`]C1${spec.ai}${value}`, Y);
      expect(ok).toMatchObject({ ok: true, elements: [{ ai: spec.ai, value }] });
      expect(parseGs1(`]C1${spec.ai}${value.slice(0, -1)}`, Y)).toEqual({
        ok: false,
        reason: 'truncated',
        ai: spec.ai,
      });
      expect(parseGs1(`]C1${spec.ai}${value.slice(0, -2)}${GS}10A`, Y)).toEqual({
        ok: false,
        reason: 'truncated',
        ai: spec.ai,
      });
      const withLetter = `A${value.slice(1)}`;
      expect(parseGs1(`]C1${spec.ai}${withLetter}`, Y)).toEqual({
        ok: false,
        reason: 'not_digits',
        ai: spec.ai,
      });
    });
  }

  for (const spec of GS1_AIS.filter((s) => s.kind === 'variable')) {
    it(`${spec.ai} (${spec.title}): 1 and ${spec.length} characters parse, ${spec.length + 1} is too long`, () => {
      const max = 'A1-/.'.repeat(10).slice(0, spec.length);
      expect(parseGs1(`]C1${spec.ai}X`, Y)).toMatchObject({
        ok: true,
        elements: [{ ai: spec.ai, value: 'X' }],
      });
      expect(parseGs1(`]C1${spec.ai}${max}`, Y)).toMatchObject({
        ok: true,
        elements: [{ ai: spec.ai, value: max }],
      });
      expect(parseGs1(`]C1${spec.ai}${max}Z`, Y)).toEqual({ ok: false, reason: 'too_long', ai: spec.ai });
      expect(parseGs1(`]C1${spec.ai}${max}${GS}17261231`, Y)).toMatchObject({
        ok: true,
        expiry: '2026-12-31',
      });
      expect(parseGs1(`]C1${spec.ai}${GS}17261231`, Y)).toEqual({
        ok: false,
        reason: 'empty_value',
        ai: spec.ai,
      });
      expect(parseGs1(`]C1${spec.ai}AB CD`, Y)).toEqual({ ok: false, reason: 'bad_characters', ai: spec.ai });
      expect(parseGs1(`]C1${spec.ai}批号1`, Y)).toEqual({ ok: false, reason: 'bad_characters', ai: spec.ai });
    });
  }

  it('check digits of 00, 01, 02 and 410 are verified', () => {
    expect(parseGs1(`00106141411234567898`, Y)).toEqual({ ok: false, reason: 'bad_check_digit', ai: '00' });
    expect(parseGs1(`0109506000134353`, Y)).toEqual({ ok: false, reason: 'bad_check_digit', ai: '01' });
    expect(parseGs1(`0210012345678903`, Y)).toEqual({ ok: false, reason: 'bad_check_digit', ai: '02' });
    expect(parseGs1(`4109501101020918`, Y)).toEqual({ ok: false, reason: 'bad_check_digit', ai: '410' });
  });

  it('summary fields are named for what they hold', () => {
    const r = parseGs1(
      `]C100${SSCC}02${'10012345678902'}11260101132602011526030017260400` +
        `240ADD${GS}241PART-9${GS}400PO/77${GS}410${GLN}`,
      Y,
    );
    expect(r).toMatchObject({
      ok: true,
      sscc: SSCC,
      contentGtin: '10012345678902',
      productionDate: '2026-01-01',
      packagingDate: '2026-02-01',
      bestBefore: '2026-03-31',
      expiry: '2026-04-30',
      additionalId: 'ADD',
      customerPartNumber: 'PART-9',
      orderNumber: 'PO/77',
      shipToGln: GLN,
    });
  });
});

describe('dates YYMMDD', () => {
  it.each([
    ['261123', '2026-11-23', false],
    ['261100', '2026-11-30', true], // day 00 = last day of the month
    ['240200', '2024-02-29', true], // leap year
    ['250200', '2025-02-28', true],
    ['000200', '2000-02-29', true], // 2000 is a leap year (divisible by 400)
    ['241231', '2024-12-31', false],
  ])('%s → %s', (yymmdd, iso, zero) => {
    expect(parseGs1Date(yymmdd, 2026)).toEqual({ ok: true, iso, dayWasZero: zero });
  });

  it.each(['250229', '261301', '260001', '260431', '26113', '26113A', ''])('%j is not a date', (s) => {
    expect(parseGs1Date(s, 2026)).toEqual({ ok: false });
  });

  it('resolves the century with the GS1 sliding window', () => {
    expect(gs1Year(76, 2026)).toBe(2076); // 50 ahead → this century
    expect(gs1Year(77, 2026)).toBe(1977); // 51 ahead → last century
    expect(gs1Year(20, 2070)).toBe(2120); // 50 behind → next century
    expect(gs1Year(21, 2070)).toBe(2021); // 49 behind → this century
    expect(gs1Year(99, 2000)).toBe(1999);
  });

  it('an impossible expiry makes the whole string invalid', () => {
    expect(parseGs1(`01${GTIN}17250230`, Y)).toEqual({ ok: false, reason: 'bad_date', ai: '17' });
  });
});

describe('hostile element strings', () => {
  it.each([
    ['', 'empty'],
    [']C1', 'empty'],
    [`${GS}${GS}`, 'empty'],
    ['HELLO', 'not_gs1'],
    ['99ABC', 'unknown_ai'],
    [`01${GTIN}99X`, 'unknown_ai'],
    ['401ABC', 'unknown_ai'],
    ['(99)ABC', 'unknown_ai'],
    ['(01', 'not_gs1'],
    ['(01)123', 'truncated'],
    [`(01)${GTIN}1`, 'too_long'],
    [`(10)`, 'empty_value'],
    [`01${GTIN}01${'10012345678902'}`, 'duplicate_ai'],
    ['0'.repeat(600), 'too_long'],
  ] as const)('%j → %s', (raw, reason) => {
    expect(parseGs1(raw, Y)).toMatchObject({ ok: false, reason });
  });

  it('the same AI repeated with the same value is tolerated', () => {
    expect(parseGs1(`01${GTIN}01${GTIN}`, Y)).toMatchObject({ ok: true, gtin: GTIN });
  });

  it('random text never throws and every failure names a known reason', () => {
    const alphabet = fc.constantFrom(...'0123456789()AB-/ \u001d]Cd1QE'.split(''));
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 80 }), (chars) => {
        const r = parseGs1(chars.join(''), Y);
        if (!r.ok) expect(GS1_ERRORS).toContain(r.reason);
        else for (const el of r.elements) expect(gs1AiSpec(el.ai)).toBeDefined();
      }),
      { seed: 20261123, numRuns: 3000 },
    );
  });

  it('round-trips: element strings built from the table parse back to the same elements', () => {
    const element = fc.constantFrom(...GS1_AIS).chain((spec) => {
      if (spec.kind === 'variable') {
        const ch = fc.constantFrom(...'ABCXYZ0123456789-./_'.split(''));
        return fc
          .array(ch, { minLength: 1, maxLength: spec.length })
          .map((cs) => ({ ai: spec.ai, value: cs.join(''), variable: true }));
      }
      const fixed: Record<string, string> = { '00': SSCC, '01': GTIN, '02': '10012345678902', '410': GLN };
      return fc.constant({ ai: spec.ai, value: fixed[spec.ai] ?? '260615', variable: false });
    });
    fc.assert(
      fc.property(fc.uniqueArray(element, { selector: (e) => e.ai, minLength: 1, maxLength: 6 }), (els) => {
        const raw =
          ']C1' + els.map((e, i) => e.ai + e.value + (e.variable && i < els.length - 1 ? GS : '')).join('');
        const r = parseGs1(raw, Y);
        expect(r.ok).toBe(true);
        if (r.ok) expect(r.elements).toEqual(els.map(({ ai, value }) => ({ ai, value })));
      }),
      { seed: 7, numRuns: 1000 },
    );
  });
});

describe('looksLikeGs1', () => {
  it('recognises GS1 by AIM id, GS separator or (NN) form, and nothing else', () => {
    expect(looksLikeGs1('0109506000134352', ']d2')).toBe(true);
    expect(looksLikeGs1(`]Q301${GTIN}`)).toBe(true);
    expect(looksLikeGs1(`10A${GS}21B`)).toBe(true);
    expect(looksLikeGs1(`(01)${GTIN}`)).toBe(true);
    expect(looksLikeGs1('4006381333931')).toBe(false);
    expect(looksLikeGs1(`]C0${GS}x`)).toBe(false);
    expect(looksLikeGs1('4006381333931', ']E0')).toBe(false);
  });
});
