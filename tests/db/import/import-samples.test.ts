import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { verifyAudit } from '../../../db/audit/chain';
import { findSaleByReceipt } from '../../../db/repositories/sales/sale-by-receipt';
import { census, importStore } from './import-fixture';

const SAMPLES = join(dirname(fileURLToPath(import.meta.url)), '../../../resources/samples');
const sample = (name: string) => readFileSync(join(SAMPLES, name), 'utf8');

/** Totals of resources/samples/README.md, computed by hand there. */
const EXPECTED_TOTALS: Record<string, number> = {
  'S-20261118-0901': 41_220,
  'S-20261118-0902': 79_900,
  'S-20261119-0903': 22_700,
  'S-20261119-0904': 148_800,
  'S-20261120-0905': 403_800,
  'S-20261121-0906': 44_974,
};

describe('resources/samples', () => {
  it('the CSV sample imports all six sales with the documented totals', () => {
    const s = importStore();
    const report = s.run('csv', sample('pos-sales-sample.csv'), 'pos-sales-sample.csv');
    expect(report).toMatchObject({
      rowsRead: 9,
      salesImported: 6,
      salesSkippedDuplicate: 0,
      salesFailed: 0,
      errors: [],
    });
    for (const [receipt, total] of Object.entries(EXPECTED_TOTALS)) {
      expect(findSaleByReceipt(s.client, s.storeId, receipt)?.totalMinor, receipt).toBe(total);
    }
    // The quoted name with "" quotes and a line break (lines 9–10) reads as one line of text.
    expect(findSaleByReceipt(s.client, s.storeId, 'S-20261120-0905')?.lines[1]?.name).toBe(
      '小米 14 保护壳 "磨砂" 黑色',
    );
    // The new SKU and category were created; the name-only customer exists without phone.
    expect(
      s.db
        .prepare(
          `SELECT c.code, c.policy_profile AS p, pr.serialized AS s FROM products pr JOIN categories c ON c.id = pr.category_id WHERE pr.sku = 'WR-HW-GT4'`,
        )
        .get(),
    ).toEqual({
      code: 'wearables',
      p: 'generic-retail',
      s: 1,
    });
    expect(findSaleByReceipt(s.client, s.storeId, 'S-20261119-0904')?.customer).toMatchObject({
      name: '周先生',
      phone: null,
    });
    expect(findSaleByReceipt(s.client, s.storeId, 'S-20261118-0902')?.customer).toMatchObject({
      phone: '13687654321',
    });
  });

  it('the JSON sample holds the same sales: after the CSV, all six are skipped duplicates', () => {
    const s = importStore();
    s.run('csv', sample('pos-sales-sample.csv'));
    const before = census(s.db);
    const report = s.run('json', sample('pos-sales-sample.json'));
    expect(report).toMatchObject({
      rowsRead: 6,
      salesImported: 0,
      salesSkippedDuplicate: 6,
      salesFailed: 0,
      errors: [],
    });
    const after = census(s.db);
    for (const t of ['sales', 'sale_lines', 'sale_payments', 'customers', 'products', 'categories'])
      expect(after[t], t).toBe(before[t]);
  });

  it('the JSON sample alone imports the same totals', () => {
    const s = importStore();
    expect(s.run('json', sample('pos-sales-sample.json')).salesImported).toBe(6);
    for (const [receipt, total] of Object.entries(EXPECTED_TOTALS)) {
      expect(findSaleByReceipt(s.client, s.storeId, receipt)?.totalMinor, receipt).toBe(total);
    }
  });

  it('the CSV with errors reports exactly the rows its README lists', () => {
    const s = importStore();
    const report = s.run('csv', sample('pos-sales-with-errors.csv'));
    expect(report).toMatchObject({ rowsRead: 20, salesImported: 3, salesFailed: 15 });
    expect(report.errors.map((e) => [e.row, e.saleId, e.reason.replace('import.errors.', '')])).toEqual([
      [3, 'sample-e02', 'badMoney'],
      [4, 'sample-e03', 'badMoney'],
      [5, 'sample-e04', 'badQty'],
      [6, 'sample-e05', 'unknownTender'],
      [7, 'sample-e06', 'totalMismatch'],
      [8, 'sample-e07', 'badQuoting'],
      [9, 'sample-e08', 'columnCount'],
      [10, 'sample-e09', 'paymentsMismatch'],
      [11, 'sample-e10', 'badDate'],
      [12, 'sample-e11', 'soldInFuture'],
      [14, 'sample-e12', 'saleFieldsDiffer'],
      [15, 'sample-e13', 'badGtin'],
      [16, 'sample-e14', 'serialNeedsQtyOne'],
      [17, 'sample-e15', 'saleNotContiguous'],
      [19, 'sample-e15', 'saleNotContiguous'],
      [21, 'sample-e18', 'unterminatedQuote'],
    ]);
    expect(s.db.prepare('SELECT id FROM sales ORDER BY id').all()).toEqual([
      { id: 'sample-e01' },
      { id: 'sample-e16' },
      { id: 'sample-e17' },
    ]);
    expect(verifyAudit(s.db).ok).toBe(true);
  });

  it('the JSON with errors reports exactly the rows its README lists', () => {
    const s = importStore();
    const report = s.run('json', sample('pos-sales-with-errors.json'));
    expect(report).toMatchObject({ rowsRead: 8, salesImported: 2, salesFailed: 6 });
    expect(
      report.errors.map((e) => [e.row, e.reason.replace('import.errors.', ''), e.params.field ?? null]),
    ).toEqual([
      [2, 'moneyMustBeText', 'lines[0].unitPrice'],
      [3, 'invalidField', 'orderDiscont'],
      [4, 'notAnObject', null],
      [5, 'missingValue', 'total'],
      [6, 'badQty', 'lines[0].qty'],
      [7, 'badPhone', 'customer.phone'],
    ]);
  });
});
