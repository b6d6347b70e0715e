import { describe, expect, it } from 'vitest';
import { verifyAudit } from '../../../db/audit/chain';
import { findSaleByReceipt } from '../../../db/repositories/sales/sale-by-receipt';
import { searchSales } from '../../../db/repositories/sales/search-sales';
import { cableRow, census, csvRow, HEADER, importStore } from './import-fixture';

/** Journey 1 as the POS exports it: speaker ¥399 + cable ¥59, 10 % coupon ¥45.80, ¥412.20 by WeChat Pay. */
const JOURNEY_1 = [
  HEADER,
  csvRow({
    sale_id: 'POS-1',
    receipt_no: 'S-20261118-0007',
    sold_at: '2026-11-18T14:32:05+08:00',
    customer_phone: '13912345678',
    customer_name: '王芳',
    line_no: '1',
    sku: 'SP-EDF-M330',
    gtin: '6923450300121',
    name: '漫步者 M330 便携蓝牙音箱',
    category: 'audio',
    qty: '1',
    unit_price: '399.00',
    line_discount: '0.00',
    tax_rate: '13',
    serial: 'EDM330A2611001',
    order_discount: '45.80',
    total: '412.20',
    payments: 'wechat:412.20',
    tax_included: 'true',
    cashier: '收银01',
  }),
  csvRow({
    sale_id: 'POS-1',
    receipt_no: 'S-20261118-0007',
    sold_at: '2026-11-18T14:32:05+08:00',
    customer_phone: '13912345678',
    customer_name: '王芳',
    line_no: '2',
    sku: 'AC-CBL-UG-C15',
    gtin: '6923450600191',
    name: '"绿联 USB-C 快充数据线 1.5m, 黑色"',
    category: 'accessories',
    qty: '1',
    unit_price: '59.00',
    line_discount: '0.00',
    tax_rate: '13',
    order_discount: '45.80',
    total: '412.20',
    payments: 'wechat:412.20',
    tax_included: 'true',
    cashier: '收银01',
  }),
].join('\r\n');

describe('CSV import, happy path', () => {
  it('imports journey 1 with the amounts a clerk would read on the receipt', () => {
    const s = importStore();
    const report = s.run('csv', JOURNEY_1);
    expect(report).toMatchObject({
      format: 'csv',
      rowsRead: 2,
      salesImported: 1,
      salesSkippedDuplicate: 0,
      salesFailed: 0,
      errors: [],
    });

    const sale = findSaleByReceipt(s.client, s.storeId, 'S-20261118-0007');
    expect(sale).toMatchObject({
      id: 'POS-1',
      // 14:32 in Shanghai on 18 November.
      soldAt: Date.UTC(2026, 10, 18, 6, 32, 5),
      businessDay: '2026-11-18',
      currency: 'CNY',
      subtotalMinor: 45_800, // 399.00 + 59.00
      orderDiscountMinor: 4_580, // 10 % of 458.00
      totalMinor: 41_220, // 458.00 − 45.80
      taxIncluded: true,
      customer: { name: '王芳', phone: '13912345678' },
      payments: [{ tender: 'wechat', amountMinor: 41_220, ref: null }],
    });
    expect(sale?.lines).toEqual([
      expect.objectContaining({
        lineNo: 1,
        sku: 'SP-EDF-M330',
        qty: 1,
        unitPriceMinor: 39_900,
        lineDiscountMinor: 0,
        taxRateBp: 1300,
        serial: 'EDM330A2611001',
        categoryCode: 'audio',
      }),
      expect.objectContaining({
        lineNo: 2,
        name: '绿联 USB-C 快充数据线 1.5m, 黑色',
        unitPriceMinor: 5_900,
        serial: null,
        categoryCode: 'accessories',
      }),
    ]);
  });

  it('makes the sale findable by phone suffix, name, serial and day + amount', () => {
    const s = importStore();
    s.run('csv', JOURNEY_1);
    const ids = (rows: unknown[]) => rows.map((r) => (r as { id: string }).id);
    expect(ids(searchSales(s.client, s.storeId, { phone: '5678', limit: 5 }))).toEqual(['POS-1']);
    expect(ids(searchSales(s.client, s.storeId, { name: '王', limit: 5 }))).toEqual(['POS-1']);
    expect(ids(searchSales(s.client, s.storeId, { serial: 'EDM330A2611001', limit: 5 }))).toEqual(['POS-1']);
    expect(
      ids(searchSales(s.client, s.storeId, { day: '2026-11-18', amountMinor: 41_220, limit: 5 })),
    ).toEqual(['POS-1']);
    const customer = s.db.prepare('SELECT phone, phone_rev AS rev FROM customers').get();
    expect(customer).toEqual({ phone: '13912345678', rev: '87654321931' });
  });

  it('creates unknown products under their category, and unknown categories as generic-retail', () => {
    const s = importStore();
    s.run('csv', JOURNEY_1);
    const rows = s.db
      .prepare(
        `SELECT p.sku, p.gtin, p.price_minor AS price, p.tax_rate_bp AS tax, p.serialized, c.code, c.policy_profile AS profile
         FROM products p JOIN categories c ON c.id = p.category_id ORDER BY p.sku`,
      )
      .all();
    expect(rows).toEqual([
      {
        sku: 'AC-CBL-UG-C15',
        gtin: '6923450600191',
        price: 5_900,
        tax: 1300,
        serialized: 0,
        code: 'accessories',
        profile: 'generic-retail',
      },
      {
        sku: 'SP-EDF-M330',
        gtin: '6923450300121',
        price: 39_900,
        tax: 1300,
        serialized: 1,
        code: 'audio',
        profile: 'generic-retail',
      },
    ]);
  });

  it('links a known SKU to its product and category without changing the product', () => {
    const s = importStore();
    s.db
      .prepare(
        `INSERT INTO categories (code, name_zh, name_en, policy_profile) VALUES ('audio', '耳机音箱', 'Audio', 'cn-sanbao')`,
      )
      .run();
    s.db
      .prepare(
        `INSERT INTO products (sku, name, category_id, price_minor, tax_rate_bp, serialized) VALUES ('SP-EDF-M330', '音箱', 1, 45_900, 1300, 1)`,
      )
      .run();
    s.run('csv', JOURNEY_1);
    expect(
      s.db
        .prepare(
          `SELECT name, price_minor AS price, category_id AS cat FROM products WHERE sku = 'SP-EDF-M330'`,
        )
        .get(),
    ).toEqual({
      name: '音箱',
      price: 45_900,
      cat: 1,
    });
    expect(findSaleByReceipt(s.client, s.storeId, 'S-20261118-0007')?.lines[0]?.categoryCode).toBe('audio');
  });

  it('matches a category by its Chinese name, and a line without category goes to 未分类', () => {
    const s = importStore();
    s.db
      .prepare(
        `INSERT INTO categories (code, name_zh, name_en, policy_profile) VALUES ('small_appliance', '小家电', 'Small appliances', 'generic-retail')`,
      )
      .run();
    s.run(
      'csv',
      [
        HEADER,
        cableRow('A', { sku: 'KETTLE', category: '小家电' }),
        cableRow('B', { sku: 'MYSTERY', category: '' }),
      ].join('\n'),
    );
    const cats = s.db
      .prepare(
        'SELECT p.sku, c.code, c.name_zh AS zh FROM products p JOIN categories c ON c.id = p.category_id ORDER BY p.sku',
      )
      .all();
    expect(cats).toEqual([
      { sku: 'KETTLE', code: 'small_appliance', zh: '小家电' },
      { sku: 'MYSTERY', code: 'uncategorised', zh: '未分类' },
    ]);
  });

  it('upserts customers by phone: one customer for two sales, the first name kept', () => {
    const s = importStore();
    const csv = [
      HEADER,
      cableRow('A', { customer_phone: '13912345678', customer_name: '王芳' }),
      cableRow('B', { customer_phone: '+86 139 1234 5678', customer_name: '王小芳' }),
      cableRow('C', { customer_name: '周先生' }),
      cableRow('D'),
    ].join('\n');
    expect(s.run('csv', csv).salesImported).toBe(4);
    expect(s.db.prepare('SELECT name, phone FROM customers ORDER BY id').all()).toEqual([
      { name: '王芳', phone: '13912345678' },
      { name: '周先生', phone: null },
    ]);
    expect(s.db.prepare(`SELECT customer_id AS c FROM sales ORDER BY id`).all()).toEqual([
      { c: 1 },
      { c: 1 },
      { c: 2 },
      { c: null },
    ]);
  });

  it('cuts the business day in the store time zone, not the file offset', () => {
    const s = importStore();
    // 23:30 UTC on the 18th is 07:30 on the 19th in Shanghai.
    s.run('csv', [HEADER, cableRow('LATE', { sold_at: '2026-11-18T23:30:00Z' })].join('\n'));
    expect(s.db.prepare(`SELECT business_day AS d FROM sales`).get()).toEqual({ d: '2026-11-19' });
  });

  it('adds VAT on top when prices exclude it (discount shared by largest remainder, tax per line)', () => {
    const s = importStore();
    // Lines 100.00 and 50.00, order discount 10.00 → shares 6.67 and 3.33 (largest remainder);
    // taxable 93.33 and 46.67; 13 % → 12.1329 → 12.13 and 6.0671 → 6.07; total 150 − 10 + 18.20 = 158.20.
    const row = (line: string, sku: string, price: string) =>
      csvRow({
        sale_id: 'NET',
        receipt_no: 'S-NET',
        sold_at: '2026-11-20T10:00:00+08:00',
        line_no: line,
        sku,
        name: sku,
        qty: '1',
        unit_price: price,
        tax_rate: '13',
        order_discount: '10.00',
        total: '158.20',
        payments: 'card:158.20',
        tax_included: 'false',
      });
    const report = s.run('csv', [HEADER, row('1', 'A', '100.00'), row('2', 'B', '50.00')].join('\n'));
    expect(report.errors).toEqual([]);
    expect(findSaleByReceipt(s.client, s.storeId, 'S-NET')).toMatchObject({
      subtotalMinor: 15_000,
      orderDiscountMinor: 1_000,
      totalMinor: 15_820,
      taxIncluded: false,
    });
  });

  it('writes one import_batches row and one sales.imported audit row, and the chain verifies', () => {
    const s = importStore();
    const report = s.run('csv', JOURNEY_1, 'pos-export.csv');
    const batch = s.db.prepare('SELECT * FROM import_batches WHERE id = ?').get(report.batchId);
    expect(batch).toMatchObject({
      file_name: 'pos-export.csv',
      format: 'csv',
      rows_read: 2,
      sales_imported: 1,
      sales_skipped: 0,
      sales_failed: 0,
      errors: '[]',
    });
    const audit = s.db
      .prepare(
        `SELECT action, entity_type AS type, entity_id AS id, data FROM audit_log WHERE action = 'sales.imported'`,
      )
      .all() as {
      data: string;
    }[];
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: 'sales.imported',
      type: 'import_batch',
      id: String(report.batchId),
    });
    expect(JSON.parse(audit[0]!.data)).toMatchObject({
      fileName: 'pos-export.csv',
      salesImported: 1,
      rowsRead: 2,
      source: 'import',
    });
    expect(JSON.parse(audit[0]!.data).sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(s.db.prepare('SELECT import_batch_id AS b, source FROM sales').get()).toEqual({
      b: report.batchId,
      source: 'import',
    });
    expect(verifyAudit(s.db)).toMatchObject({ ok: true, problems: [] });
  });
});

describe('CSV import is idempotent by sale id', () => {
  it('importing the same file again skips every sale as a duplicate and changes no sale table', () => {
    const s = importStore();
    s.run('csv', JOURNEY_1);
    const before = census(s.db);
    const again = s.run('csv', JOURNEY_1);
    expect(again).toMatchObject({ salesImported: 0, salesSkippedDuplicate: 1, salesFailed: 0, errors: [] });
    const after = census(s.db);
    // Only the record of the attempt is added: its batch row and its audit row (+ the audit head stays one row).
    expect(after).toEqual({
      ...before,
      import_batches: before.import_batches! + 1,
      audit_log: before.audit_log! + 1,
    });
    expect(verifyAudit(s.db).ok).toBe(true);
  });

  it('the same sale id with different content is an error row and the stored sale is untouched', () => {
    const s = importStore();
    s.run('csv', JOURNEY_1);
    const changed = JOURNEY_1.replace('wechat:412.20', 'alipay:412.20').replace(
      'wechat:412.20',
      'alipay:412.20',
    );
    const report = s.run('csv', changed);
    expect(report).toMatchObject({ salesImported: 0, salesSkippedDuplicate: 0, salesFailed: 1 });
    expect(report.errors).toEqual([
      { row: 2, saleId: 'POS-1', reason: 'import.errors.conflictingDuplicate', params: {} },
    ]);
    expect(findSaleByReceipt(s.client, s.storeId, 'S-20261118-0007')?.payments[0]?.tender).toBe('wechat');
  });

  it('a receipt number already used by another sale id is refused', () => {
    const s = importStore();
    s.run('csv', [HEADER, cableRow('A', { receipt_no: 'S-1' })].join('\n'));
    const report = s.run('csv', [HEADER, cableRow('B', { receipt_no: 'S-1' })].join('\n'));
    expect(report.errors).toEqual([
      {
        row: 2,
        saleId: 'B',
        reason: 'import.errors.receiptTaken',
        params: { receiptNo: 'S-1', otherSaleId: 'A' },
      },
    ]);
  });
});
