import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  minorToDecimal,
  parseDecimalMinor,
  parsePercentBp,
} from '../../../core/services/sales/import/decimal';
import { gs1CheckDigit as gtinCheckDigit, isValidGtin } from '../../../shared/domain/codes/gtin';
import { parseIsoInstant } from '../../../core/services/sales/import/iso-instant';
import { parsePaymentsCell } from '../../../core/services/sales/import/csv-sales';
import { normalisePhone } from '../../../core/services/sales/import/validate-sale';

describe('decimal money text → fen', () => {
  it.each([
    ['399.00', 39_900],
    ['399', 39_900],
    ['399.5', 39_950],
    ['0.01', 1],
    ['0', 0],
    ['412.20', 41_220],
    ['90000000000.00', 9_000_000_000_000],
  ])('%s → %i', (text, fen) => {
    expect(parseDecimalMinor(text, 2)).toEqual({ ok: true, value: fen });
  });

  it.each([
    ['12.345', 'too_many_decimals'],
    ['abc', 'malformed'],
    ['-1', 'malformed'],
    ['+1', 'malformed'],
    ['1,299.00', 'malformed'],
    ['¥399', 'malformed'],
    ['1e3', 'malformed'],
    ['.5', 'malformed'],
    ['1.', 'malformed'],
    [' 1', 'malformed'],
    ['NaN', 'malformed'],
    ['', 'malformed'],
    ['90000000000.01', 'out_of_range'],
    ['99999999999999999', 'malformed'],
  ])('%s is refused (%s)', (text, reason) => {
    expect(parseDecimalMinor(text, 2)).toEqual({ ok: false, reason });
  });

  it('prints fen back as decimal text, and the text parses back to the same fen (fast-check)', () => {
    expect(minorToDecimal(41_220, 2)).toBe('412.20');
    expect(minorToDecimal(5, 2)).toBe('0.05');
    expect(minorToDecimal(0, 2)).toBe('0.00');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9_000_000_000_000 }), (fen) => {
        expect(parseDecimalMinor(minorToDecimal(fen, 2), 2)).toEqual({ ok: true, value: fen });
      }),
      { seed: 399, numRuns: 1000 },
    );
  });

  it('tax rates are percent text → basis points', () => {
    expect(parsePercentBp('13')).toEqual({ ok: true, value: 1300 });
    expect(parsePercentBp('6.5')).toEqual({ ok: true, value: 650 });
    expect(parsePercentBp('13%')).toEqual({ ok: true, value: 1300 });
    expect(parsePercentBp('0')).toEqual({ ok: true, value: 0 });
    expect(parsePercentBp('100')).toEqual({ ok: true, value: 10_000 });
    expect(parsePercentBp('100.01').ok).toBe(false);
    expect(parsePercentBp('0.135').ok).toBe(false);
    expect(parsePercentBp('-13').ok).toBe(false);
  });
});

describe('ISO 8601 times with offset', () => {
  // 2026-11-18 14:32:05 in Shanghai (UTC+8) is 06:32:05 UTC.
  const utc = Date.UTC(2026, 10, 18, 6, 32, 5);
  it.each([
    ['2026-11-18T14:32:05+08:00', utc],
    ['2026-11-18T14:32:05+0800', utc],
    ['2026-11-18 14:32:05+08:00', utc],
    ['2026-11-18T06:32:05Z', utc],
    ['2026-11-18T01:32:05-05:00', utc],
    ['2026-11-18T14:32+08:00', utc - 5_000],
    ['2026-11-18T14:32:05.250+08:00', utc + 250],
    ['2026-11-18T14:32:05.5+08:00', utc + 500],
    ['2024-02-29T12:00:00Z', Date.UTC(2024, 1, 29, 12)],
  ])('%s', (text, expected) => {
    expect(parseIsoInstant(text)).toBe(expected);
  });

  it.each([
    '2026-11-18T14:32:05',
    '2026-11-18',
    '2026-13-01T10:00:00+08:00',
    '2026-02-29T10:00:00+08:00',
    '2026-11-31T10:00:00+08:00',
    '2026-11-18T24:00:00+08:00',
    '2026-11-18T14:60:00+08:00',
    '2026-11-18T14:32:60+08:00',
    '2026-11-18T14:32:05+15:00',
    '18/11/2026 14:32',
    'tomorrow',
    '',
  ])('%s is refused', (text) => {
    expect(parseIsoInstant(text)).toBeNull();
  });
});

describe('GTIN check digits', () => {
  it('matches published examples', () => {
    // GS1's worked example and well-known codes: EAN-13 4006381333931, UPC-A 036000291452, EAN-8 96385074.
    expect(gtinCheckDigit('400638133393')).toBe(1);
    expect(isValidGtin('4006381333931')).toBe(true);
    expect(isValidGtin('036000291452')).toBe(true);
    expect(isValidGtin('96385074')).toBe(true);
    expect(isValidGtin('4006381333932')).toBe(false);
    expect(isValidGtin('400638133393')).toBe(false);
    expect(isValidGtin('40063813339A1')).toBe(false);
  });
});

describe('phones and payments cells', () => {
  it('normalises phone numbers to digits', () => {
    expect(normalisePhone('13912345678')).toBe('13912345678');
    expect(normalisePhone('+86 139-1234-5678')).toBe('13912345678');
    expect(normalisePhone('008613912345678')).toBe('13912345678');
    expect(normalisePhone('(021) 6234-5678')).toBe('02162345678');
    expect(normalisePhone('abc')).toBeNull();
    expect(normalisePhone('123')).toBeNull();
  });

  it('reads tender:amount[:ref] joined by |', () => {
    expect(parsePaymentsCell('wechat:412.20')).toEqual([{ tender: 'wechat', amount: '412.20', ref: '' }]);
    expect(parsePaymentsCell('gift_card:100.00|wechat:312.20')).toEqual([
      { tender: 'gift_card', amount: '100.00', ref: '' },
      { tender: 'wechat', amount: '312.20', ref: '' },
    ]);
    expect(parsePaymentsCell('card:5499.00:POS778812')).toEqual([
      { tender: 'card', amount: '5499.00', ref: 'POS778812' },
    ]);
    expect(parsePaymentsCell('')).toEqual([]);
    expect(parsePaymentsCell('wechat')).toBeNull();
    expect(parsePaymentsCell('wechat:1.00||cash:1.00')).toBeNull();
    expect(parsePaymentsCell('a:b:c:d')).toBeNull();
  });
});
