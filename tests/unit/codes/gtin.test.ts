import { describe, expect, it } from 'vitest';
import {
  completeGtin,
  gs1CheckDigit,
  hasValidGs1CheckDigit,
  isValidGtin,
  parseGtin,
  toGtin14,
} from '../../../shared/domain/codes/gtin';

// Check digits below were worked by hand with the GS1 mod-10 rule (weights 3,1,3,… from the right).
describe('GS1 mod-10 check digit', () => {
  it.each([
    ['400638133393', 1], // EAN-13 4006381333931 (the classic Wikipedia EAN-13 example)
    ['03600029145', 2], // UPC-A 036000291452
    ['9638507', 4], // EAN-8 96385074
    ['1001234567890', 2], // GTIN-14 10012345678902
    ['0950600013435', 2], // GTIN 09506000134352 from the GS1 DataMatrix guideline
    ['10614141123456789', 7], // SSCC 106141411234567897
    ['950110102091', 7], // GLN 9501101020917
    ['0', 0],
  ])('body %s → %i', (body, check) => {
    expect(gs1CheckDigit(body)).toBe(check);
  });

  it('is undefined for empty or non-digit bodies', () => {
    expect(gs1CheckDigit('')).toBeUndefined();
    expect(gs1CheckDigit('12a4')).toBeUndefined();
    expect(gs1CheckDigit('１２３')).toBeUndefined();
  });

  it('validates a whole number', () => {
    expect(hasValidGs1CheckDigit('106141411234567897')).toBe(true);
    expect(hasValidGs1CheckDigit('106141411234567898')).toBe(false);
    expect(hasValidGs1CheckDigit('7')).toBe(false);
  });
});

describe('parseGtin', () => {
  it.each([
    ['4006381333931', 'EAN-13', '04006381333931'],
    ['036000291452', 'UPC-A', '00036000291452'],
    ['96385074', 'EAN-8', '00000096385074'],
    ['10012345678902', 'GTIN-14', '10012345678902'],
  ] as const)('%s is a valid %s, GTIN-14 %s', (code, format, gtin14) => {
    const r = parseGtin(code);
    expect(r).toMatchObject({ ok: true, format, gtin14, code });
    expect(toGtin14(code)).toBe(gtin14);
    expect(isValidGtin(code)).toBe(true);
  });

  it('rejects every wrong check digit of a valid EAN-13', () => {
    for (let d = 0; d <= 9; d++) {
      if (d === 1) continue;
      expect(parseGtin(`400638133393${d}`)).toEqual({ ok: false, reason: 'bad_check_digit' });
    }
  });

  it('rejects a swap of two adjacent digits (what a person typing gets wrong)', () => {
    expect(parseGtin('4003681333931')).toEqual({ ok: false, reason: 'bad_check_digit' });
  });

  it.each([
    ['', 'not_digits'],
    ['40063813339 1', 'not_digits'],
    ['４００６３８１３３３９３１', 'not_digits'],
    ['4006381333931\n', 'not_digits'],
    ['1234567', 'bad_length'],
    ['123456789', 'bad_length'],
    ['123456789012345', 'bad_length'],
  ] as const)('%j → %s', (code, reason) => {
    expect(parseGtin(code)).toEqual({ ok: false, reason });
    expect(toGtin14(code)).toBeUndefined();
  });

  it('does not throw on non-string input', () => {
    expect(parseGtin(undefined as unknown as string)).toEqual({ ok: false, reason: 'not_digits' });
  });

  it('flags restricted circulation (in-store) numbers', () => {
    // 2x prefix EAN-13: a weighed-goods label printed by the store. Body 200012345678, from the right:
    // 8·3+7+6·3+5+4·3+3+2·3+1+0+0+0+2 = 78 → check digit 2.
    const inStore = completeGtin('200012345678');
    expect(inStore).toBe('2000123456782');
    expect(parseGtin(inStore ?? '')).toMatchObject({ ok: true, restrictedCirculation: true });
    expect(parseGtin('4006381333931')).toMatchObject({ ok: true, restrictedCirculation: false });
    expect(parseGtin('036000291452')).toMatchObject({ ok: true, restrictedCirculation: false });
    expect(parseGtin('96385074')).toMatchObject({ ok: true, restrictedCirculation: false });
    // EAN-8 with leading 2 (RCN-8). Body 2012345: 5·3+4+3·3+2+1·3+0+2·3 = 39 → check digit 1.
    expect(parseGtin('20123451')).toMatchObject({ ok: true, restrictedCirculation: true });
    // UPC-A number system 2 (random-weight items) → GTIN-13 02…: restricted.
    expect(parseGtin(completeGtin('21234567890') ?? '')).toMatchObject({
      ok: true,
      restrictedCirculation: true,
    });
  });

  it('completes bodies of the four lengths and refuses others', () => {
    expect(completeGtin('400638133393')).toBe('4006381333931');
    expect(completeGtin('9638507')).toBe('96385074');
    expect(completeGtin('03600029145')).toBe('036000291452');
    expect(completeGtin('1001234567890')).toBe('10012345678902');
    expect(completeGtin('12345')).toBeUndefined();
    expect(completeGtin('40063813339x')).toBeUndefined();
  });
});
