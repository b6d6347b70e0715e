import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { verifyAudit } from '../../../db/audit/chain';
import { MAX_REPORTED_ERRORS } from '../../../core/services/sales/import/import-sales';
import { cableRow, census, HEADER, importStore, type ImportStore } from './import-fixture';

/** Imports, expecting the file to be refused as unreadable with `reason`, and checks nothing was written. */
function expectRefused(s: ImportStore, format: 'csv' | 'json', content: string, reason: string): void {
  const before = census(s.db);
  let caught: unknown;
  try {
    s.run(format, content);
  } catch (e) {
    caught = e;
  }
  expect(caught).toMatchObject({
    code: 'IMPORT_FILE_UNREADABLE',
    details: { reason: `import.errors.${reason}` },
  });
  expect(census(s.db)).toEqual(before);
}

describe('corrupt rows: clear per-row errors, good sales still import, nothing half-written', () => {
  it.each([
    [
      'money with three decimals',
      { unit_price: '12.345', total: '12.35', payments: 'cash:12.35' },
      'badMoney',
      { field: 'unit_price', value: '12.345' },
    ],
    ['money that is not a number', { unit_price: 'abc' }, 'badMoney', { field: 'unit_price', value: 'abc' }],
    ['a negative quantity', { qty: '-1' }, 'badQty', { field: 'qty', value: '-1' }],
    ['a zero quantity', { qty: '0' }, 'badQty', { field: 'qty', value: '0' }],
    [
      'an unknown tender',
      { payments: 'bitcoin:59.00' },
      'unknownTender',
      { field: 'payments', tender: 'bitcoin' },
    ],
    [
      'a total that does not add up',
      { total: '60.00', payments: 'cash:60.00' },
      'totalMismatch',
      { computed: '59.00', stated: '60.00' },
    ],
    [
      'payments that do not add up',
      { payments: 'wechat:50.00|cash:5.00' },
      'paymentsMismatch',
      { paid: '55.00', total: '59.00' },
    ],
    [
      'a time without offset',
      { sold_at: '2026-11-20 10:00:00' },
      'badDate',
      { field: 'sold_at', value: '2026-11-20 10:00:00' },
    ],
    [
      'a sale in the future',
      { sold_at: '2026-11-24T10:00:00+08:00' },
      'soldInFuture',
      { field: 'sold_at', value: '2026-11-24T10:00:00+08:00' },
    ],
    [
      'a wrong GTIN check digit',
      { gtin: '6923450600190' },
      'badGtin',
      { field: 'gtin', value: '6923450600190' },
    ],
    [
      'a line discount above the line',
      { line_discount: '60.00', total: '0.00', payments: '' },
      'lineDiscountTooLarge',
      { lineNo: 1, discount: '60.00', gross: '59.00' },
    ],
    [
      'an order discount above the subtotal',
      { order_discount: '60.00', total: '0.00', payments: '' },
      'orderDiscountTooLarge',
      { discount: '60.00', subtotal: '59.00' },
    ],
    ['a zero payment', { payments: 'cash:59.00|card:0.00' }, 'badPaymentAmount', { field: 'payments' }],
    ['a malformed payments cell', { payments: 'cash=59.00' }, 'badPayments', { value: 'cash=59.00' }],
    ['an empty SKU', { sku: '' }, 'missingValue', { field: 'sku' }],
    ['a serial with spaces', { serial: 'SN 123' }, 'badSerial', { field: 'serial', value: 'SN 123' }],
    ['a bad phone', { customer_phone: 'call me' }, 'badPhone', { field: 'customer_phone', value: 'call me' }],
    [
      'tax_included that is not a boolean',
      { tax_included: 'maybe' },
      'badBoolean',
      { field: 'tax_included', value: 'maybe' },
    ],
    ['a tax rate as a fraction', { tax_rate: '0.135' }, 'badTaxRate', { field: 'tax_rate', value: '0.135' }],
    [
      'an amount beyond the contract range',
      { unit_price: '90000000000.01' },
      'amountTooLarge',
      { field: 'unit_price', value: '90000000000.01' },
    ],
  ])('%s', (_what, over, reason, params) => {
    const s = importStore();
    const before = census(s.db);
    const csv = [HEADER, cableRow('GOOD-1'), cableRow('BAD', over), cableRow('GOOD-2')].join('\r\n');
    const report = s.run('csv', csv);
    expect(report.errors).toEqual([{ row: 3, saleId: 'BAD', reason: `import.errors.${reason}`, params }]);
    expect(report).toMatchObject({ rowsRead: 3, salesImported: 2, salesFailed: 1 });
    const after = census(s.db);
    // The two good sales, each with one line and one payment; the bad one left no trace but the report.
    expect(after.sales).toBe(before.sales! + 2);
    expect(after.sale_lines).toBe(before.sale_lines! + 2);
    expect(after.sale_payments).toBe(before.sale_payments! + 2);
    expect(s.db.prepare(`SELECT count(*) AS n FROM sales WHERE id = 'BAD'`).get()).toEqual({ n: 0 });
    expect(
      JSON.parse((s.db.prepare('SELECT errors FROM import_batches').get() as { errors: string }).errors),
    ).toEqual(report.errors);
    expect(verifyAudit(s.db).ok).toBe(true);
  });

  it('one bad line fails its whole sale: no sale is stored without one of its lines', () => {
    const s = importStore();
    const line2 = cableRow('TWO', { line_no: '2', qty: 'x', total: '118.00', payments: 'cash:118.00' });
    const csv = [HEADER, cableRow('TWO', { total: '118.00', payments: 'cash:118.00' }), line2].join('\n');
    const report = s.run('csv', csv);
    expect(report.errors).toEqual([
      { row: 3, saleId: 'TWO', reason: 'import.errors.badQty', params: { field: 'qty', value: 'x' } },
    ]);
    expect(census(s.db).sale_lines).toBe(0);
  });

  it('broken quoting and a short row are row errors; the records after them still import', () => {
    const s = importStore();
    const csv = [
      HEADER,
      cableRow('Q1', { name: '"Cable" 1m' }),
      'SHORT,R-SHORT,2026-11-20T10:00:00+08:00',
      cableRow('OK'),
      cableRow('Q2', { name: '"never closed' }),
      cableRow('AFTER'),
    ].join('\r\n');
    const report = s.run('csv', csv);
    expect(report.errors).toEqual([
      { row: 2, saleId: 'Q1', reason: 'import.errors.badQuoting', params: {} },
      { row: 3, saleId: 'SHORT', reason: 'import.errors.columnCount', params: { expected: 20, found: 3 } },
      { row: 5, saleId: 'Q2', reason: 'import.errors.unterminatedQuote', params: {} },
    ]);
    expect(report).toMatchObject({ rowsRead: 5, salesImported: 2, salesFailed: 3 });
    expect(s.db.prepare('SELECT id FROM sales ORDER BY id').all()).toEqual([{ id: 'AFTER' }, { id: 'OK' }]);
  });

  it('lines of one sale must be consecutive and agree on the sale columns', () => {
    const s = importStore();
    const csv = [
      HEADER,
      cableRow('SPLIT', { total: '118.00', payments: 'cash:118.00' }),
      cableRow('MIDDLE'),
      cableRow('SPLIT', { line_no: '2', total: '118.00', payments: 'cash:118.00' }),
      cableRow('DIFF', { total: '118.00', payments: 'cash:118.00' }),
      cableRow('DIFF', { line_no: '2', total: '118.00', payments: 'wechat:118.00' }),
      cableRow('DUPLINE', { total: '118.00', payments: 'cash:118.00' }),
      cableRow('DUPLINE', { total: '118.00', payments: 'cash:118.00' }),
    ].join('\n');
    const report = s.run('csv', csv);
    expect(report.errors).toEqual([
      { row: 2, saleId: 'SPLIT', reason: 'import.errors.saleNotContiguous', params: {} },
      { row: 4, saleId: 'SPLIT', reason: 'import.errors.saleNotContiguous', params: {} },
      { row: 6, saleId: 'DIFF', reason: 'import.errors.saleFieldsDiffer', params: { field: 'payments' } },
      { row: 8, saleId: 'DUPLINE', reason: 'import.errors.duplicateLineNo', params: { lineNo: 1 } },
    ]);
    expect(report).toMatchObject({ salesImported: 1, salesFailed: 3 });
  });

  it('a row without sale id is reported on its own', () => {
    const s = importStore();
    const report = s.run('csv', [HEADER, cableRow('')].join('\n'));
    expect(report.errors).toEqual([
      { row: 2, saleId: null, reason: 'import.errors.missingValue', params: { field: 'sale_id' } },
    ]);
    expect(report.salesFailed).toBe(1);
  });
});

describe('unreadable files are refused whole', () => {
  it('refuses an empty file, whitespace and a lone BOM', () => {
    const s = importStore();
    expectRefused(s, 'csv', '', 'emptyFile');
    expectRefused(s, 'csv', '\r\n  \r\n', 'emptyFile');
    expectRefused(s, 'csv', '\ufeff', 'emptyFile');
  });

  it('refuses binary garbage and text that was not UTF-8', () => {
    const s = importStore();
    const png = Buffer.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d,
    ]).toString('latin1');
    expectRefused(s, 'csv', png, 'binaryContent');
    expectRefused(s, 'json', `[${'\u0000'.repeat(10)}]`, 'binaryContent');
    // "王芳" in GBK read as UTF-8.
    const gbk = Buffer.from([0xcd, 0xf5, 0xb7, 0xbc]).toString('utf8');
    expectRefused(s, 'csv', `${HEADER}\nA,${gbk}`, 'notUtf8');
  });

  it('refuses a CSV header with missing, unknown or repeated columns, or no header at all', () => {
    const s = importStore();
    expectRefused(s, 'csv', `${HEADER.replace(',total', '')}\n`, 'missingColumns');
    expectRefused(s, 'csv', `${HEADER},line_discont\n`, 'unknownColumns');
    expectRefused(s, 'csv', `${HEADER},sku\n`, 'duplicateColumns');
    expectRefused(s, 'csv', `${cableRow('A')}\n${cableRow('B')}\n`, 'badHeader');
    expectRefused(s, 'csv', `"sale_id${HEADER}`, 'badHeader');
    expectRefused(s, 'csv', `${HEADER}\r\n`, 'noRows');
  });

  it('names the missing columns', () => {
    const s = importStore();
    expect(() => s.run('csv', `${HEADER.replace(',total', '').replace(',payments', '')}\n`)).toThrowError(
      expect.objectContaining({
        details: { reason: 'import.errors.missingColumns', params: { columns: 'total, payments' }, row: 1 },
      }),
    );
  });

  it('refuses 5 MB of printable junk without a header, quickly and writing nothing', () => {
    const s = importStore();
    let junk = '';
    let x = 12345;
    const alphabet = 'abcxyz0123456789 ,;"\'\r\n\t|:.-中文';
    while (junk.length < 5_000_000) {
      x = (x * 1103515245 + 12345) & 0x7fffffff;
      junk += alphabet[x % alphabet.length];
    }
    expectRefused(s, 'csv', junk, 'badHeader');
    expectRefused(s, 'json', junk, 'invalidJson');
  });
});

describe('junk after a good header', () => {
  it('5 MB of junk rows: every row reported (up to the cap), good sales imported, the rest counted', () => {
    const s = importStore();
    const lines = [HEADER, cableRow('FIRST')];
    let x = 99;
    let size = 0;
    while (size < 5_000_000) {
      let line = '';
      for (let i = 0; i < 60; i++) {
        x = (x * 1103515245 + 12345) & 0x7fffffff;
        line += 'ab,"x9;中 '[x % 10];
      }
      lines.push(line);
      size += line.length + 2;
    }
    lines.push(cableRow('LAST'));
    const report = s.run('csv', lines.join('\r\n'));
    expect(report.salesImported).toBe(2);
    expect(report.errors).toHaveLength(MAX_REPORTED_ERRORS + 1);
    const last = report.errors.at(-1)!;
    expect(last).toMatchObject({ row: 0, saleId: null, reason: 'import.errors.tooManyErrors' });
    expect(Number(last.params.omitted)).toBeGreaterThan(0);
    expect(report.salesFailed).toBeGreaterThan(MAX_REPORTED_ERRORS);
    expect(s.db.prepare('SELECT id FROM sales ORDER BY id').all()).toEqual([{ id: 'FIRST' }, { id: 'LAST' }]);
    expect(verifyAudit(s.db).ok).toBe(true);
  });

  it('random rows never throw and never store a sale that breaks the sale rules (fast-check, fixed seed)', () => {
    const s = importStore();
    const cell = fc.oneof(
      fc.constantFrom(
        '',
        '59.00',
        '1',
        '13',
        'cash:59.00',
        'A',
        '2026-11-20T10:00:00+08:00',
        '-1',
        '1e3',
        '""',
        '"',
      ),
      fc.string({ maxLength: 6 }),
    );
    const row = fc.array(cell, { minLength: 18, maxLength: 22 }).map((cells) => cells.join(','));
    fc.assert(
      fc.property(fc.array(row, { maxLength: 20 }), (rows) => {
        const text = [HEADER, ...rows].join('\n');
        try {
          s.run('csv', text);
        } catch (e) {
          expect(e).toMatchObject({ code: 'IMPORT_FILE_UNREADABLE' });
        }
      }),
      { seed: 58, numRuns: 150 },
    );
    // Whatever got in obeys: lines − discounts = total = payments, and qty > 0.
    const bad = s.db
      .prepare(
        `SELECT s.id FROM sales s
         WHERE s.tax_included = 1 AND s.total_minor != (SELECT sum(qty * unit_price_minor - line_discount_minor) FROM sale_lines WHERE sale_id = s.id) - s.order_discount_minor
            OR s.total_minor != (SELECT coalesce(sum(amount_minor), 0) FROM sale_payments WHERE sale_id = s.id)
            OR EXISTS (SELECT 1 FROM sale_lines WHERE sale_id = s.id AND qty <= 0)`,
      )
      .all();
    expect(bad).toEqual([]);
    expect(verifyAudit(s.db).ok).toBe(true);
  });
});
