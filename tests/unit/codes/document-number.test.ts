import { describe, expect, it } from 'vitest';
import {
  DOCUMENT_PREFIX,
  formatDocumentNumber,
  isCalendarDay,
  parseBadge,
  parseDocumentNumber,
} from '../../../shared/domain/codes/document-number';

describe('document numbers <P>-<YYYYMMDD>-<NNNN>', () => {
  it.each([
    ['S-20261118-0042', 'sale-receipt', '2026-11-18', 42],
    ['R-20261123-0007', 'return', '2026-11-23', 7],
    ['X-20261123-0001', 'exchange', '2026-11-23', 1],
    ['J-20260704-12345', 'repair-job', '2026-07-04', 12345],
    ['C-20240229-999999', 'complaint', '2024-02-29', 999999],
  ] as const)('%s is a %s of %s, number %i', (text, type, day, sequence) => {
    expect(parseDocumentNumber(text)).toEqual({ ok: true, text, type, prefix: text[0], day, sequence });
  });

  it('accepts lower case and surrounding spaces, returning the canonical text', () => {
    expect(parseDocumentNumber(' r-20261123-0007 ')).toMatchObject({ ok: true, text: 'R-20261123-0007' });
  });

  it.each([
    ['R-2026112-0007', 'bad_format'],
    ['R-20261123-007', 'bad_format'],
    ['R-20261123-1234567', 'bad_format'],
    ['R20261123-0007', 'bad_format'],
    ['RR-20261123-0007', 'bad_format'],
    ['R-20261123-0007-1', 'bad_format'],
    ['', 'bad_format'],
    ['Q-20261123-0007', 'unknown_prefix'],
    ['R-20261131-0007', 'bad_date'],
    ['R-20250229-0007', 'bad_date'],
    ['R-20261300-0007', 'bad_date'],
    ['R-19991231-0007', 'bad_date'],
    ['R-20261123-0000', 'bad_sequence'],
  ] as const)('%j → %s', (text, reason) => {
    expect(parseDocumentNumber(text)).toEqual({ ok: false, reason });
  });

  it('formats with at least four digits, matching db/sequences.ts', () => {
    expect(formatDocumentNumber('return', '2026-11-23', 7)).toBe('R-20261123-0007');
    expect(formatDocumentNumber('repair-job', '2026-11-23', 10000)).toBe('J-20261123-10000');
    expect(formatDocumentNumber('sale-receipt', '2026-01-02', 999999)).toBe('S-20260102-999999');
  });

  it('every type round-trips through format and parse', () => {
    for (const type of Object.keys(DOCUMENT_PREFIX) as (keyof typeof DOCUMENT_PREFIX)[]) {
      const text = formatDocumentNumber(type, '2026-12-31', 321);
      expect(parseDocumentNumber(text)).toMatchObject({ ok: true, type, day: '2026-12-31', sequence: 321 });
    }
  });

  it('refuses to format impossible input (a programming error)', () => {
    expect(() => formatDocumentNumber('return', '2026-02-30', 1)).toThrow(RangeError);
    expect(() => formatDocumentNumber('return', '2026-11-23', 0)).toThrow(RangeError);
    expect(() => formatDocumentNumber('return', '2026-11-23', 1_000_000)).toThrow(RangeError);
    expect(() => formatDocumentNumber('return', '2026-11-23', 1.5)).toThrow(RangeError);
  });

  it('knows the calendar', () => {
    expect(isCalendarDay('2024-02-29')).toBe(true);
    expect(isCalendarDay('2100-02-28')).toBe(false); // outside 2000–2099
    expect(isCalendarDay('2026-04-31')).toBe(false);
    expect(isCalendarDay('2026-4-30')).toBe(false);
  });
});

describe('staff badges CDB-<code>', () => {
  it.each([
    ['CDB-ZHANG01', 'ZHANG01'],
    ['CDB-7KQ2M9XA4B', '7KQ2M9XA4B'], // the shape core/services/auth issues
    ['cdb-abc', 'ABC'],
    ['CDB-ABCDEFGHIJKL', 'ABCDEFGHIJKL'],
  ])('%s → %s', (raw, badgeCode) => {
    expect(parseBadge(raw)).toEqual({ ok: true, text: `CDB-${badgeCode}`, badgeCode });
  });

  it.each(['CDB-AB', 'CDB-ABCDEFGHIJKLM', 'CDB-ABC-1', 'CDB ABC', 'CDBABC', 'CDB-张三', ''])(
    '%j is not a badge',
    (raw) => {
      expect(parseBadge(raw)).toEqual({ ok: false, reason: 'bad_format' });
    },
  );
});
