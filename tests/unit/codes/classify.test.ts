import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  SCAN_KINDS,
  SCAN_ROUTES,
  classifyScan,
  routeFor,
  toHalfWidth,
} from '../../../shared/domain/codes/classify';

const Y = { referenceYear: 2026 };
const GS = '\u001d';

describe('classifyScan: what the clerk scanned', () => {
  it('an EAN-13 on a product box, as a keyboard-wedge scanner sends it (with CR LF)', () => {
    expect(classifyScan('4006381333931\r\n')).toEqual({
      kind: 'gtin',
      code: '4006381333931',
      gtin: { format: 'EAN-13', gtin14: '04006381333931', restrictedCirculation: false },
    });
  });

  it('the same EAN-13 with an AIM prefix in the data, or the AIM id given separately (HID-POS)', () => {
    expect(classifyScan(']E04006381333931')).toMatchObject({ kind: 'gtin', code: '4006381333931' });
    expect(classifyScan('4006381333931', ']E0')).toMatchObject({ kind: 'gtin', code: '4006381333931' });
  });

  it('UPC-A, EAN-8 and GTIN-14 (ITF-14 on a carton)', () => {
    expect(classifyScan('036000291452')).toMatchObject({ kind: 'gtin', gtin: { format: 'UPC-A' } });
    expect(classifyScan('96385074', ']E4')).toMatchObject({ kind: 'gtin', gtin: { format: 'EAN-8' } });
    expect(classifyScan('10012345678902', ']I1')).toMatchObject({
      kind: 'gtin',
      gtin: { format: 'GTIN-14' },
    });
  });

  it('an EAN-13 with a 2-digit add-on (]E3) keeps the add-on apart', () => {
    expect(classifyScan(']E3400638133393112')).toMatchObject({
      kind: 'gtin',
      gtin: { gtin14: '04006381333931', addOn: '12' },
    });
    expect(classifyScan(']E3400638133393212')).toMatchObject({ kind: 'unknown', reason: 'bad_check_digit' });
  });

  it('a wrong EAN check digit is damage when the scanner says EAN, a serial number otherwise', () => {
    expect(classifyScan('4006381333932', ']E0')).toEqual({
      kind: 'unknown',
      code: '4006381333932',
      reason: 'bad_check_digit',
    });
    expect(classifyScan('4006381333932')).toMatchObject({
      kind: 'serial',
      serial: { value: '4006381333932' },
    });
  });

  it('an IMEI from the phone box label, and one with a wrong Luhn digit (a serial, not an IMEI)', () => {
    expect(classifyScan('490154203237518')).toEqual({
      kind: 'imei',
      code: '490154203237518',
      imei: { imei: '490154203237518', tac: '49015420', serial: '323751' },
    });
    expect(classifyScan('490154203237519')).toMatchObject({ kind: 'serial' });
  });

  it('a 16-digit IMEI-SV is a serial that carries its TAC and software version', () => {
    expect(classifyScan('4901542032375186')).toEqual({
      kind: 'serial',
      code: '4901542032375186',
      serial: {
        value: '4901542032375186',
        imeisv: { tac: '49015420', serial: '323751', softwareVersion: '86' },
      },
    });
  });

  it('a staff badge, and a malformed one (never taken for a serial)', () => {
    expect(classifyScan('CDB-ZHANG01\r')).toEqual({
      kind: 'badge',
      code: 'CDB-ZHANG01',
      badge: { text: 'CDB-ZHANG01', badgeCode: 'ZHANG01' },
    });
    expect(classifyScan('CDB-ZHANG-01')).toMatchObject({ kind: 'unknown', reason: 'bad_badge' });
  });

  it('the QR of a sale receipt from the POS, and CounterDesk slips', () => {
    expect(classifyScan(']Q1S-20261118-0042')).toEqual({
      kind: 'sale-receipt',
      code: 'S-20261118-0042',
      document: {
        text: 'S-20261118-0042',
        type: 'sale-receipt',
        prefix: 'S',
        day: '2026-11-18',
        sequence: 42,
      },
    });
    expect(classifyScan('J-20261123-0003')).toMatchObject({
      kind: 'document',
      document: { type: 'repair-job' },
    });
    expect(classifyScan('R-20261123-0007')).toMatchObject({ kind: 'document', document: { type: 'return' } });
    expect(classifyScan('R-20261131-0007')).toMatchObject({
      kind: 'unknown',
      reason: 'bad_document',
      detail: 'bad_date',
    });
    // an unknown prefix is not ours: someone else's serial number
    expect(classifyScan('Q-20261123-0007')).toMatchObject({ kind: 'serial' });
  });

  it('GS1 DataMatrix on a medicine-style pack: by AIM prefix, by separate AIM id, by GS, by (NN) text', () => {
    const data = '0109506000134352' + '17201225' + '10ABC123';
    const expected = {
      kind: 'gs1',
      gs1: { gtin: '09506000134352', expiry: '2020-12-25', batch: 'ABC123' },
    };
    expect(classifyScan(`]d2${data}`, undefined, Y)).toMatchObject({ ...expected, code: data });
    expect(classifyScan(data, ']d2', Y)).toMatchObject(expected);
    expect(classifyScan(`10ABC${GS}21XYZ`, undefined, Y)).toMatchObject({
      kind: 'gs1',
      gs1: { batch: 'ABC', serial: 'XYZ' },
    });
    expect(classifyScan('(01)09506000134352(21)SN42', undefined, Y)).toMatchObject({
      kind: 'gs1',
      gs1: { gtin: '09506000134352', serial: 'SN42' },
    });
  });

  it('a leading FNC1 (GS) makes a single-element string GS1, not a 16-digit serial', () => {
    expect(classifyScan(`${GS}0109506000134352`, undefined, Y)).toMatchObject({
      kind: 'gs1',
      code: '0109506000134352',
      gs1: { gtin: '09506000134352' },
    });
  });

  it('a broken GS1 string is unknown with the reason and the AI to blame', () => {
    expect(classifyScan(']C10109506000134353', undefined, Y)).toMatchObject({
      kind: 'unknown',
      reason: 'bad_gs1',
      detail: 'bad_check_digit:01',
    });
  });

  it('serial numbers: 6–30 of letters, digits, - and /', () => {
    expect(classifyScan('SN-12345/A')).toMatchObject({ kind: 'serial', serial: { value: 'SN-12345/A' } });
    expect(classifyScan('C02XK1ZQJG5J')).toMatchObject({ kind: 'serial' });
    expect(classifyScan('A'.repeat(30))).toMatchObject({ kind: 'serial' });
    expect(classifyScan('A'.repeat(31))).toMatchObject({ kind: 'unknown', reason: 'unrecognised' });
    expect(classifyScan('AB12')).toMatchObject({ kind: 'unknown', reason: 'unrecognised' });
    expect(classifyScan('AB 1234')).toMatchObject({ kind: 'unknown', reason: 'unrecognised' });
    expect(classifyScan('https://example.com/p?id=1')).toMatchObject({ kind: 'unknown' });
  });

  it('strips whitespace and control characters at the ends only', () => {
    expect(classifyScan('\u0002  4006381333931 \t\r\n\u0003')).toMatchObject({
      kind: 'gtin',
      code: '4006381333931',
    });
    expect(classifyScan('4006381 333931')).toMatchObject({ kind: 'unknown' });
  });

  it('a scan typed through a Chinese IME (full-width) is understood', () => {
    expect(toHalfWidth('４００６３８１３３３９３１')).toBe('4006381333931');
    expect(classifyScan('４００６３８１３３３９３１')).toMatchObject({ kind: 'gtin', code: '4006381333931' });
    expect(classifyScan('ＣＤＢ－ＺＨＡＮＧ０１')).toMatchObject({
      kind: 'badge',
      badge: { badgeCode: 'ZHANG01' },
    });
  });

  it('empty and absurdly long input', () => {
    expect(classifyScan('')).toEqual({ kind: 'unknown', code: '', reason: 'empty' });
    expect(classifyScan('\r\n')).toEqual({ kind: 'unknown', code: '', reason: 'empty' });
    expect(classifyScan(']E0')).toEqual({ kind: 'unknown', code: '', reason: 'empty' });
    expect(classifyScan('1'.repeat(5000))).toMatchObject({ kind: 'unknown', reason: 'too_long' });
    expect(classifyScan(null as unknown as string)).toMatchObject({ kind: 'unknown', reason: 'empty' });
  });
});

describe('routeFor: the screen that wants the scan', () => {
  it.each([
    ['S-20261118-0042', 'returns'],
    ['R-20261123-0007', 'returns'],
    ['X-20261123-0007', 'returns'],
    ['J-20261123-0003', 'bench'],
    ['C-20261123-0001', 'complaints'],
    ['CDB-ZHANG01', 'signin'],
    ['4006381333931', 'active-field'],
    ['490154203237518', 'active-field'],
    ['SN-12345/A', 'active-field'],
    ['(01)09506000134352', 'active-field'],
    ['??', 'none'],
  ] as const)('%s → %s', (raw, route) => {
    expect(routeFor(classifyScan(raw, undefined, Y))).toBe(route);
  });
});

describe('hostile scans', () => {
  it('random strings never throw and always get a kind and a route', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 120 }),
        fc.option(fc.string({ maxLength: 4 })),
        (s, aim) => {
          const c = classifyScan(s, aim ?? undefined, Y);
          expect(SCAN_KINDS).toContain(c.kind);
          expect(SCAN_ROUTES).toContain(routeFor(c));
          expect(c.code.length).toBeLessThanOrEqual(s.length);
        },
      ),
      { seed: 42, numRuns: 3000 },
    );
  });
});
