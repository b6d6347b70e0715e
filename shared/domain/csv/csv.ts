/**
 * CSV as CounterDesk writes it for people (reports, KPI exports, the export archive): RFC 4180
 * quoting, CRLF, UTF-8 with a BOM so spreadsheet programs read Chinese correctly, and cells that a
 * spreadsheet would run as a formula neutralised (CSV injection: staff-typed text such as a customer
 * name `=HYPERLINK(…)` reaches the manager's spreadsheet). A text cell starting with `=`, `+`, `-`,
 * `@`, a tab or a carriage return gets a leading apostrophe; plain numbers (`-20`, `+3.5`) stay numbers.
 */

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?([eE][+-]?\d+)?$/;

/** One cell: empty for null/undefined, numbers as written, text neutralised and quoted when it must be. */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return String(value);
  const text = FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
  if (text === '' || /[",\r\n]/.test(text) || text.trim() !== text) return `"${text.replace(/"/g, '""')}"`;
  return text;
}

/** Rows as a CSV document: a BOM, cells joined by commas, CRLF after every row. */
export function csvDocument(
  rows: readonly (readonly (string | number | boolean | null | undefined)[])[],
): string {
  return `\ufeff${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
