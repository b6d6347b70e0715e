import { describe, expect, it } from 'vitest';
import { findSaleByReceipt } from '../../../db/repositories/sales/sale-by-receipt';
import { census, importStore } from './import-fixture';

function sale(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    saleId: 'J-1',
    receiptNo: 'S-20261121-0101',
    soldAt: '2026-11-21T19:45:00+08:00',
    customer: { phone: '18800002222', name: '刘洋' },
    cashier: '收银02',
    taxIncluded: true,
    orderDiscount: '20.00',
    total: '827.00',
    lines: [
      {
        lineNo: 1,
        sku: 'HP-EDF-W820NB',
        gtin: '6923450400593',
        name: '漫步者 W820NB',
        category: 'headphones',
        qty: 1,
        unitPrice: '299.00',
        taxRate: '13',
      },
      {
        lineNo: 2,
        sku: 'AC-CHG-AN-65W',
        name: '安克 65W 充电器',
        category: 'accessories',
        qty: 3,
        unitPrice: '199.00',
        lineDiscount: '49.00',
        taxRate: 13,
      },
    ],
    payments: [
      { tender: 'gift_card', amount: '100.00', ref: 'GC-0042' },
      { tender: 'alipay', amount: '727.00' },
    ],
    ...over,
  };
}

describe('JSON import', () => {
  it('imports a sale with a split payment; totals hand-computed', () => {
    const s = importStore();
    // 299.00 + 3 × 199.00 − 49.00 = 847.00; − 20.00 coupon = 827.00 = 100.00 + 727.00.
    const report = s.run('json', JSON.stringify([sale()]));
    expect(report).toMatchObject({
      format: 'json',
      rowsRead: 1,
      salesImported: 1,
      salesFailed: 0,
      errors: [],
    });
    expect(findSaleByReceipt(s.client, s.storeId, 'S-20261121-0101')).toMatchObject({
      subtotalMinor: 84_700,
      orderDiscountMinor: 2_000,
      totalMinor: 82_700,
      businessDay: '2026-11-21',
      customer: { name: '刘洋', phone: '18800002222' },
      lines: [
        expect.objectContaining({
          lineNo: 1,
          qty: 1,
          unitPriceMinor: 29_900,
          lineDiscountMinor: 0,
          taxRateBp: 1300,
        }),
        expect.objectContaining({
          lineNo: 2,
          qty: 3,
          unitPriceMinor: 19_900,
          lineDiscountMinor: 4_900,
          taxRateBp: 1300,
        }),
      ],
      payments: [
        { tender: 'gift_card', amountMinor: 10_000, ref: 'GC-0042' },
        { tender: 'alipay', amountMinor: 72_700, ref: null },
      ],
    });
  });

  it('re-import is all duplicates; a second copy of a sale in the same file is a duplicate too', () => {
    const s = importStore();
    const text = JSON.stringify([sale(), sale()]);
    expect(s.run('json', text)).toMatchObject({ salesImported: 1, salesSkippedDuplicate: 1, salesFailed: 0 });
    const before = census(s.db);
    expect(s.run('json', text)).toMatchObject({
      salesImported: 0,
      salesSkippedDuplicate: 2,
      salesFailed: 0,
      errors: [],
    });
    expect(census(s.db).sales).toBe(before.sales);
    expect(census(s.db).sale_lines).toBe(before.sale_lines);
  });

  it('the same id twice in one file with different content: the second is refused', () => {
    const s = importStore();
    const report = s.run('json', JSON.stringify([sale(), sale({ cashier: '收银03' })]));
    expect(report.errors).toEqual([
      { row: 2, saleId: 'J-1', reason: 'import.errors.duplicateSaleId', params: {} },
    ]);
    expect(report).toMatchObject({ salesImported: 1, salesFailed: 1 });
  });

  it('reports each bad element by its position, with the path of the field', () => {
    const s = importStore();
    const lines = sale().lines as Record<string, unknown>[];
    const items: unknown[] = [
      sale({ saleId: 'ok', receiptNo: 'R-ok' }),
      sale({ saleId: 'float', receiptNo: 'R-2', total: 827 }),
      sale({ saleId: 'typo', receiptNo: 'R-3', orderDiscont: '20.00' }),
      42,
      sale({
        saleId: 'noLines',
        receiptNo: 'R-5',
        lines: [],
        total: '0.00',
        orderDiscount: '0.00',
        payments: [],
      }),
      sale({ saleId: 'qty', receiptNo: 'R-6', lines: [lines[0], { ...lines[1], qty: 1.5 }] }),
      sale({ saleId: 'tender', receiptNo: 'R-7', payments: [{ tender: 'weixin', amount: '827.00' }] }),
      sale({ saleId: 'neg', receiptNo: 'R-8', lines: [{ ...lines[0], unitPrice: '-299.00' }, lines[1]] }),
    ];
    const report = s.run('json', JSON.stringify(items));
    expect(report).toMatchObject({ rowsRead: 8, salesImported: 1, salesFailed: 7 });
    expect(report.errors).toEqual([
      { row: 2, saleId: 'float', reason: 'import.errors.moneyMustBeText', params: { field: 'total' } },
      { row: 3, saleId: 'typo', reason: 'import.errors.invalidField', params: { field: 'orderDiscont' } },
      { row: 4, saleId: null, reason: 'import.errors.notAnObject', params: {} },
      { row: 5, saleId: 'noLines', reason: 'import.errors.noLines', params: {} },
      {
        row: 6,
        saleId: 'qty',
        reason: 'import.errors.badQty',
        params: { field: 'lines[1].qty', value: '1.5' },
      },
      {
        row: 7,
        saleId: 'tender',
        reason: 'import.errors.unknownTender',
        params: { field: 'payments[0].tender', tender: 'weixin' },
      },
      {
        row: 8,
        saleId: 'neg',
        reason: 'import.errors.badMoney',
        params: { field: 'lines[0].unitPrice', value: '-299.00' },
      },
    ]);
  });

  it.each([
    ['not JSON', '{"saleId": ', 'import.errors.invalidJson'],
    ['an object, not an array', JSON.stringify(sale()), 'import.errors.notAnArray'],
    ['an empty array', '[]', 'import.errors.noRows'],
    ['empty text', '', 'import.errors.emptyFile'],
  ])('refuses %s and writes nothing', (_what, text, reason) => {
    const s = importStore();
    const before = census(s.db);
    expect(() => s.run('json', text)).toThrowError(
      expect.objectContaining({
        code: 'IMPORT_FILE_UNREADABLE',
        details: expect.objectContaining({ reason }),
      }),
    );
    expect(census(s.db)).toEqual(before);
  });
});
