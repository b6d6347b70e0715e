import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_QUOTED_LINES, readCsv, type CsvRecord } from '../../../core/services/sales/import/csv-reader';

const all = (text: string): CsvRecord[] => [...readCsv(text)];

describe('readCsv (RFC 4180)', () => {
  it('splits CRLF records and comma fields, with physical line numbers', () => {
    expect(all('a,b,c\r\n1,2,3\r\n')).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['1', '2', '3'] },
    ]);
  });

  it('accepts LF, a lone CR and a last record without a line break', () => {
    expect(all('a\nb\rc')).toEqual([
      { line: 1, fields: ['a'] },
      { line: 2, fields: ['b'] },
      { line: 3, fields: ['c'] },
    ]);
  });

  it('keeps empty fields, including a trailing one', () => {
    expect(all('a,,c,\r\n')).toEqual([{ line: 1, fields: ['a', '', 'c', ''] }]);
  });

  it('reads quoted commas, doubled quotes and embedded CRLF; the next record starts on its real line', () => {
    const text = 'id,name\r\n1,"Speaker, blue"\r\n2,"He said ""hi"""\r\n3,"two\r\nlines"\r\n4,x\r\n';
    expect(all(text)).toEqual([
      { line: 1, fields: ['id', 'name'] },
      { line: 2, fields: ['1', 'Speaker, blue'] },
      { line: 3, fields: ['2', 'He said "hi"'] },
      { line: 4, fields: ['3', 'two\r\nlines'] },
      { line: 6, fields: ['4', 'x'] },
    ]);
  });

  it('drops a UTF-8 BOM and skips empty lines without losing line numbers', () => {
    expect(all('\ufeffa,b\r\n\r\n\r\nc,d\r\n')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 4, fields: ['c', 'd'] },
    ]);
  });

  it('an empty quoted field is an empty string', () => {
    expect(all('"",x\n')).toEqual([{ line: 1, fields: ['', 'x'] }]);
  });

  it('flags a quote inside an unquoted field and text after a closing quote, and goes on', () => {
    expect(all('ab"c,d\n"x"y,z\nok,1\n')).toEqual([
      { line: 1, fields: ['ab"c', 'd'], error: 'badQuoting' },
      { line: 2, fields: ['xy', 'z'], error: 'badQuoting' },
      { line: 3, fields: ['ok', '1'] },
    ]);
  });

  it('an unterminated quote is reported and reading resumes on the next line', () => {
    const recs = all('a,b\n1,"never closed\n2,fine\n');
    expect(recs.map((r) => [r.line, r.error ?? null, r.fields[0]])).toEqual([
      [1, null, 'a'],
      [2, 'unterminatedQuote', '1'],
      [3, null, '2'],
    ]);
  });

  it('a stray quote does not swallow the records after it (a quoted value spans at most 16 line breaks)', () => {
    const text = `1,"stray\n${'n,ok\n'.repeat(30)}2,late"quote\n`;
    const recs = all(text);
    expect(recs[0]).toMatchObject({ line: 1, error: 'unterminatedQuote' });
    expect(recs.slice(1, 31)).toEqual(
      Array.from({ length: 30 }, (_, i) => ({ line: i + 2, fields: ['n', 'ok'] })),
    );
    expect(recs[31]).toMatchObject({ line: 32, error: 'badQuoting' });
  });

  it('a quoted value spanning more line breaks than allowed is unterminated, not a swallowed file', () => {
    const long = `x,"${'line\n'.repeat(MAX_QUOTED_LINES + 1)}end"\nafter,1\n`;
    const recs = all(long);
    expect(recs[0]).toMatchObject({ line: 1, error: 'unterminatedQuote' });
    // The reader resumes on line 2 and every later line is read as its own record.
    expect(recs.at(-1)).toEqual({ line: MAX_QUOTED_LINES + 3, fields: ['after', '1'] });
  });

  it('round-trips any table of strings written by the RFC 4180 rules (fast-check, fixed seed)', () => {
    const cell = fc.string({
      unit: fc.constantFrom('a', 'b', ',', '"', '\r\n', '\n', ' ', '中', '1'),
      maxLength: 8,
    });
    const table = fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 });
    const quote = (s: string) => (/[",\r\n]/.test(s) || s === '' ? `"${s.replaceAll('"', '""')}"` : s);
    fc.assert(
      fc.property(table, (rows) => {
        const text = rows.map((r) => r.map(quote).join(',')).join('\r\n');
        const recs = all(text);
        expect(recs.map((r) => r.fields)).toEqual(rows);
        expect(recs.every((r) => r.error === undefined)).toBe(true);
      }),
      { seed: 4180, numRuns: 300 },
    );
  });

  it('never throws on random text and always moves forward (fast-check, fixed seed)', () => {
    const noise = fc.string({
      unit: fc.constantFrom('"', ',', '\r', '\n', 'a', '\u0000', '\ufeff', '😀'),
      maxLength: 200,
    });
    fc.assert(
      fc.property(noise, (text) => {
        const recs = all(text);
        for (let i = 1; i < recs.length; i++) expect(recs[i]!.line).toBeGreaterThan(recs[i - 1]!.line);
        const lines = text.split(/\r\n|\r|\n/).length;
        expect(recs.length).toBeLessThanOrEqual(lines);
      }),
      { seed: 20261123, numRuns: 500 },
    );
  });

  it('never throws on random bytes decoded as UTF-8 (fast-check, fixed seed)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        const text = Buffer.from(bytes).toString('utf8');
        expect(() => all(text)).not.toThrow();
      }),
      { seed: 7, numRuns: 500 },
    );
  });

  it('twenty thousand stray quotes are each reported once, every other line still read', () => {
    const text = `"${'x\n'.repeat(20)}`.repeat(20_000);
    const recs = all(text);
    expect(recs).toHaveLength(400_000);
    expect(recs.filter((r) => r.error === 'unterminatedQuote')).toHaveLength(20_000);
    expect(recs.filter((r) => r.error === undefined && r.fields[0] === 'x')).toHaveLength(380_000);
  });
});
