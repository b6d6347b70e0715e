import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasValidLuhn, luhnCheckDigit, parseImei } from '../../../shared/domain/codes/imei';

describe('Luhn', () => {
  it.each([
    // 49015420323751|8: the IMEI example of 3GPP / Wikipedia; doubled digits 1,7,2,0,4,1,9 → 2+5+4+0+8+2+9 = 30,
    // undoubled 8+5+3+3+2+5+0+4 = 30 → 60 ≡ 0.
    ['49015420323751', 8],
    // 35693803564380|9: doubled 0,3,6,3,8,9,5 → 0+6+3+6+7+9+1 = 32, undoubled 9+8+4+5+0+3+6+3 = 38 → 70.
    ['35693803564380', 9],
    ['7992739871', 3], // the Luhn example of ISO/IEC 7812 texts: 79927398713
  ])('%s → %i', (body, check) => {
    expect(luhnCheckDigit(body)).toBe(check);
    expect(hasValidLuhn(`${body}${check}`)).toBe(true);
  });

  it('catches every single-digit error of a valid IMEI', () => {
    const good = '490154203237518';
    for (let i = 0; i < good.length; i++) {
      for (let d = 0; d <= 9; d++) {
        const bad = good.slice(0, i) + String(d) + good.slice(i + 1);
        if (bad !== good) expect(hasValidLuhn(bad), bad).toBe(false);
      }
    }
  });

  it('is undefined / false for non-digits', () => {
    expect(luhnCheckDigit('')).toBeUndefined();
    expect(luhnCheckDigit('12-3')).toBeUndefined();
    expect(hasValidLuhn('0')).toBe(false);
  });
});

describe('parseImei', () => {
  it('splits a valid IMEI into TAC, serial and check digit', () => {
    expect(parseImei('490154203237518')).toEqual({
      ok: true,
      kind: 'imei',
      imei: '490154203237518',
      tac: '49015420',
      serial: '323751',
      checkDigit: 8,
    });
    expect(parseImei('356938035643809')).toMatchObject({ ok: true, kind: 'imei', tac: '35693803' });
  });

  it('accepts a 16-digit IMEI-SV (no check digit, 2-digit software version)', () => {
    expect(parseImei('4901542032375186')).toEqual({
      ok: true,
      kind: 'imeisv',
      imeisv: '4901542032375186',
      tac: '49015420',
      serial: '323751',
      softwareVersion: '86',
    });
  });

  it.each([
    ['490154203237519', 'bad_check_digit'],
    ['49015420323751', 'bad_length'],
    ['49015420323751800', 'bad_length'],
    ['49015420323751A', 'not_digits'],
    ['', 'not_digits'],
    [' 490154203237518', 'not_digits'],
  ] as const)('%j → %s', (raw, reason) => {
    expect(parseImei(raw)).toEqual({ ok: false, reason });
  });

  it('exactly one check digit in ten makes a random 15-digit number an IMEI', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 14, maxLength: 14 }), (digits) => {
        const body = digits.join('');
        const valid = [...'0123456789'].filter((d) => parseImei(body + d).ok);
        expect(valid).toEqual([String(luhnCheckDigit(body))]);
      }),
      { seed: 15, numRuns: 300 },
    );
  });
});
