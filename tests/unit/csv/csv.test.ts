import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCell, csvDocument } from '../../../shared/domain/csv/csv';

/** Reads one RFC 4180 row back (quotes, doubled quotes, commas inside quotes). */
function parseRow(line: string): string[] {
  const cells: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted && c === '"' && line[i + 1] === '"') {
      cur += '"';
      i++;
    } else if (quoted && c === '"') quoted = false;
    else if (quoted) cur += c;
    else if (c === '"') quoted = true;
    else if (c === ',') {
      cells.push(cur);
      cur = '';
    } else cur += c;
  }
  cells.push(cur);
  return cells;
}

describe('CSV for spreadsheets', () => {
  it('neutralises text a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("http://x","click")')).toBe(`"'=HYPERLINK(""http://x"",""click"")"`);
    expect(csvCell('+86 cmd|calc')).toBe(`'+86 cmd|calc`);
    expect(csvCell('-¥20.00')).toBe(`'-¥20.00`);
    expect(csvCell('@SUM(A1:A9)')).toBe(`'@SUM(A1:A9)`);
    expect(csvCell('\t=1+1')).toBe(`'\t=1+1`);
    expect(csvCell('\r=1+1')).toBe(`"'\r=1+1"`);
  });

  it('keeps numbers numbers, and ordinary text as it is', () => {
    expect(csvCell(-2000)).toBe('-2000');
    expect(csvCell('-2000')).toBe('-2000');
    expect(csvCell('+3.5')).toBe('+3.5');
    expect(csvCell('小王, 收银')).toBe('"小王, 收银"');
    expect(csvCell(null)).toBe('');
    expect(csvCell('')).toBe('""');
  });

  it('a document has a BOM, CRLF rows, and every cell reads back as written or with one leading apostrophe', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string(), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 4 }),
        (rows) => {
          const doc = csvDocument(rows.map((r) => r.map((c) => c.replace(/[\r\n]/g, ' '))));
          expect(doc.startsWith('\ufeff')).toBe(true);
          const lines = doc.slice(1).split('\r\n');
          expect(lines.pop()).toBe('');
          lines.forEach((line, i) => {
            const back = parseRow(line);
            const want = (rows[i] ?? []).map((c) => c.replace(/[\r\n]/g, ' '));
            back.forEach((cell, j) => {
              const w = want[j] ?? '';
              expect(cell === w || cell === `'${w}`).toBe(true);
              expect(
                /^[=+@\t]/.test(cell) || (/^-/.test(cell) && !/^-\d+(\.\d+)?([eE][+-]?\d+)?$/.test(cell)),
              ).toBe(false);
            });
          });
        },
      ),
      { seed: 7, numRuns: 300 },
    );
  });
});
