import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { composeCore } from '../../../core/compose';
import { DEMO_CATEGORIES, DEMO_PRODUCTS } from '../../../core/demo/seed-demo-catalog';
import { createRng } from '../../../core/demo/demo-rng';
import {
  buildDemoSales,
  DEMO_JOURNEY_CUSTOMERS,
  demoJourneyReceipts,
  isoWithOffset,
  seedDemoData,
} from '../../../core/demo/seed-demo-sales';
import { verifyAudit } from '../../../db/audit/chain';
import { clientOfHandle, openDatabase } from '../../../db/client';
import { findSaleByReceipt } from '../../../db/repositories/sales/sale-by-receipt';
import { searchSales } from '../../../db/repositories/sales/search-sales';
import type { SqliteDb } from '../../../db/open';
import { isValidGtin } from '../../../shared/domain/codes/gtin';
import { luhnCheckDigit } from '../../../shared/domain/codes/imei';
import { addMonths } from '../../../shared/domain/time/calendar';
import { ensureStore } from '../../../core/store/init-store';
import { localParts } from '../../../shared/domain/time/business-day';
import { tempDir } from '../../helpers/temp-dir';

/** Monday 2026-11-23, 14:00 in Shanghai. */
const NOW = Date.UTC(2026, 10, 23, 6, 0, 0);
const TZ = 'Asia/Shanghai';

function seededStore(dir: string, seed?: number): { db: SqliteDb; close(): void } {
  const client = openDatabase(join(dir, 'counterdesk.sqlite'));
  const storeId = ensureStore(
    client,
    { code: 'DEMO', name: '演示门店', timeZone: TZ, currency: 'CNY', locale: 'zh-CN', demo: true },
    NOW,
  );
  seedDemoData(client, storeId, NOW, seed);
  return { db: client.sqlite, close: () => client.close() };
}

/** A seeded store for one test (removed after it). */
function demoStore(seed?: number): SqliteDb {
  return seededStore(tempDir('cd-demo-'), seed).db;
}

/** A seeded store shared by the tests of a describe block (removed after them). */
function sharedDemoStore(): SqliteDb {
  const dir = mkdtempSync(join(tmpdir(), 'cd-demo-shared-'));
  const store = seededStore(dir);
  afterAll(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return store.db;
}

function dump(db: SqliteDb): Record<string, unknown[]> {
  const q = (sql: string) => db.prepare(sql).all();
  return {
    sales: q('SELECT * FROM sales ORDER BY id'),
    lines: q('SELECT * FROM sale_lines ORDER BY id'),
    payments: q('SELECT * FROM sale_payments ORDER BY id'),
    customers: q('SELECT * FROM customers ORDER BY id'),
    products: q('SELECT * FROM products ORDER BY id'),
    categories: q('SELECT * FROM categories ORDER BY id'),
  };
}

describe('demo seed is deterministic', () => {
  it('the same seed and the same now give the same store, row for row', () => {
    const a = dump(demoStore());
    const b = dump(demoStore());
    expect(a.sales!.length).toBeGreaterThan(2000);
    expect(b).toEqual(a);
  });

  it('another seed gives other sales but the same journey receipts', () => {
    const a = buildDemoSales(NOW, TZ, 1);
    const b = buildDemoSales(NOW, TZ, 2);
    expect(a.drafts.map((d) => d.total)).not.toEqual(b.drafts.map((d) => d.total));
    const receipts = Object.values(demoJourneyReceipts(NOW));
    const pick = (drafts: typeof a.drafts) =>
      drafts.filter((d) => receipts.includes(d.receiptNo)).map((d) => [d.receiptNo, d.total]);
    expect(pick(a.drafts)).toEqual(pick(b.drafts));
  });

  it('the seeded PRNG is mulberry32 (checked against the published C code, re-done on BigInt)', () => {
    // uint32 z = (state += 0x6D2B79F5); z = (z ^ z >> 15) * (z | 1); z ^= z + (z ^ z >> 7) * (z | 61); return z ^ z >> 14;
    const M = 0xffffffffn;
    let state = 1n;
    const reference = () => {
      state = (state + 0x6d2b79f5n) & M;
      let z = state;
      z = ((z ^ (z >> 15n)) * (z | 1n)) & M;
      z = (z ^ ((z + (((z ^ (z >> 7n)) * (z | 61n)) & M)) & M)) & M;
      return Number(z ^ (z >> 14n)) / 2 ** 32;
    };
    const r = createRng(1);
    for (let i = 0; i < 1000; i++) expect(r.next()).toBe(reference());
  });
});

describe('the journeys find their sales', () => {
  const db = sharedDemoStore();
  const storeId = 1;

  it('receipt numbers are those of the days before 2026-11-23', () => {
    // Hand-computed: 5 days → 18 Nov; 40 → 14 Oct; 20 → 3 Nov; 3 → 20 Nov; 8 months → 23 Mar; 10 → 13 Nov.
    expect(demoJourneyReceipts(NOW)).toEqual({
      returnWithReceipt: 'S-20261118-0007',
      headphones40Days: 'S-20261014-0012',
      kettlePromo: 'S-20261103-0005',
      phoneCase: 'S-20261120-0004',
      laptop8Months: 'S-20260323-0015',
      phoneWithImei: 'S-20261113-0003',
    });
  });

  it('journey 1: speaker ¥399 + cable ¥59, 10 % coupon ¥45.80, ¥412.20 by WeChat Pay, 5 days ago', () => {
    const sale = findSaleByReceipt(clientOfHandle(db), storeId, 'S-20261118-0007');
    expect(sale).toMatchObject({
      businessDay: '2026-11-18',
      subtotalMinor: 45_800,
      orderDiscountMinor: 4_580,
      totalMinor: 41_220,
      taxIncluded: true,
      customer: { name: '王芳', phone: '13912345678' },
      payments: [{ tender: 'wechat', amountMinor: 41_220, ref: null }],
    });
    expect(
      sale?.lines.map((l) => [l.sku, l.qty, l.unitPriceMinor, l.lineDiscountMinor, l.serial, l.categoryCode]),
    ).toEqual([
      ['SP-EDF-M330', 1, 39_900, 0, 'EDM330A2611001', 'audio'],
      ['AC-CBL-UG-C15', 1, 5_900, 0, null, 'accessories'],
    ]);
  });

  it('journey 2: headphones 40 days ago, generic-retail category', () => {
    const sale = findSaleByReceipt(clientOfHandle(db), storeId, 'S-20261014-0012');
    expect(sale).toMatchObject({
      totalMinor: 89_900,
      customer: { name: '李娜' },
      payments: [{ tender: 'alipay', amountMinor: 89_900 }],
    });
    expect(sale?.lines[0]).toMatchObject({ sku: 'HP-SONY-CH720N', categoryCode: 'headphones' });
    expect(db.prepare(`SELECT policy_profile AS p FROM categories WHERE code = 'headphones'`).get()).toEqual({
      p: 'generic-retail',
    });
  });

  it('journey 3: the kettle customer has no sale; the lowest kettle price in 90 days is ¥99', () => {
    expect(
      searchSales(clientOfHandle(db), storeId, {
        phone: DEMO_JOURNEY_CUSTOMERS.kettleNoReceipt.phone,
        limit: 5,
      }),
    ).toEqual([]);
    expect(
      db
        .prepare('SELECT count(*) AS n FROM customers WHERE phone = ?')
        .get(DEMO_JOURNEY_CUSTOMERS.kettleNoReceipt.phone),
    ).toEqual({ n: 1 });
    const low = db
      .prepare(
        `SELECT min((l.qty * l.unit_price_minor - l.line_discount_minor) / l.qty) AS low FROM sale_lines l JOIN sales s ON s.id = l.sale_id
         WHERE l.sku = 'SA-KT-MD-17' AND s.business_day >= '2026-08-25'`,
      )
      .get();
    expect(low).toEqual({ low: 9_900 });
    expect(findSaleByReceipt(clientOfHandle(db), storeId, 'S-20261103-0005')?.lines[0]).toMatchObject({
      sku: 'SA-KT-MD-17',
      unitPriceMinor: 12_900,
      lineDiscountMinor: 3_000,
    });
    expect(DEMO_PRODUCTS.find((p) => p.sku === 'SA-KT-MD-17')?.gtin.startsWith('20')).toBe(true);
  });

  it('journey 4: the ¥49 phone case, and a ¥69 case that is ¥20 dearer', () => {
    expect(findSaleByReceipt(clientOfHandle(db), storeId, 'S-20261120-0004')).toMatchObject({
      totalMinor: 4_900,
      lines: [expect.objectContaining({ sku: 'AC-CASE-IP15-CL' })],
    });
    expect(db.prepare(`SELECT price_minor AS p FROM products WHERE sku = 'AC-CASE-IP15-MS'`).get()).toEqual({
      p: 6_900,
    });
  });

  it('journey 5: the laptop bought 8 months ago is found by its serial', () => {
    const found = searchSales(clientOfHandle(db), storeId, { serial: 'PF4XK2AB', limit: 5 }) as {
      receiptNo: string;
    }[];
    expect(found.map((f) => f.receiptNo)).toEqual(['S-20260323-0015']);
    const sale = findSaleByReceipt(clientOfHandle(db), storeId, 'S-20260323-0015');
    expect(sale).toMatchObject({
      businessDay: '2026-03-23',
      totalMinor: 549_900,
      payments: [{ tender: 'card', amountMinor: 549_900 }],
    });
    expect(sale?.lines[0]?.name).toContain('充电器');
    // The only sale on its day: the one sale older than the 90-day window.
    expect(db.prepare(`SELECT count(*) AS n FROM sales WHERE business_day < '2026-08-25'`).get()).toEqual({
      n: 1,
    });
  });

  it('a phone sale is found by its IMEI, which passes the Luhn check', () => {
    const found = searchSales(clientOfHandle(db), storeId, { serial: '861234560001235', limit: 5 }) as {
      receiptNo: string;
    }[];
    expect(found.map((f) => f.receiptNo)).toEqual(['S-20261113-0003']);
    expect(luhnCheckDigit('86123456000123')).toBe(5);
  });
});

describe('the demo data looks like a real store', () => {
  const db = sharedDemoStore();

  it('300 customers with unique 11-digit mobiles and phone_rev filled', () => {
    const rows = db.prepare('SELECT name, phone, phone_rev AS rev FROM customers').all() as {
      name: string;
      phone: string;
      rev: string;
    }[];
    expect(rows).toHaveLength(300);
    expect(new Set(rows.map((r) => r.phone)).size).toBe(300);
    for (const r of rows) {
      expect(r.phone).toMatch(/^1[3-9]\d{9}$/);
      expect(r.rev).toBe([...r.phone].reverse().join(''));
      expect(r.name).toMatch(/^[\u4e00-\u9fff]{2,3}$/);
    }
  });

  it('catalog: seven categories, 60 products with valid GTIN-13, 13 % VAT, serialized where it should be', () => {
    expect(
      db.prepare('SELECT code, name_zh AS zh, policy_profile AS p FROM categories ORDER BY id').all(),
    ).toEqual(DEMO_CATEGORIES.map((c) => ({ code: c.code, zh: c.nameZh, p: c.policyProfile })));
    const products = db
      .prepare(
        'SELECT p.sku, p.gtin, p.tax_rate_bp AS tax, p.serialized AS s, c.code FROM products p JOIN categories c ON c.id = p.category_id',
      )
      .all() as {
      gtin: string;
      tax: number;
      s: number;
      code: string;
    }[];
    expect(products).toHaveLength(60);
    for (const p of products) {
      expect(isValidGtin(p.gtin), p.gtin).toBe(true);
      expect(p.gtin).toHaveLength(13);
      expect(p.tax).toBe(1300);
      expect(p.s).toBe(['phone', 'laptop', 'audio', 'large_appliance'].includes(p.code) ? 1 : 0);
    }
    // Speaker body 692345030012, weights 3,1,… from the right: 6+1+0+0+9+0+15+4+9+2+27+6 = 79 → check digit 1.
    expect(DEMO_PRODUCTS.find((p) => p.sku === 'SP-EDF-M330')?.gtin).toBe('6923450300121');
  });

  it('~90 days of sales, a few dozen a day, in business hours, before now, numbered per day', () => {
    const sales = db
      .prepare(
        'SELECT receipt_no AS r, sold_at AS t, business_day AS d FROM sales WHERE business_day >= ? ORDER BY sold_at',
      )
      .all('2026-08-25') as {
      r: string;
      t: number;
      d: string;
    }[];
    const days = new Map<string, string[]>();
    for (const s of sales) {
      expect(s.t).toBeLessThan(NOW);
      const p = localParts(s.t, TZ);
      expect(p.hour * 60 + p.minute).toBeGreaterThanOrEqual(10 * 60);
      expect(p.hour * 60 + p.minute).toBeLessThanOrEqual(21 * 60 + 45);
      expect(s.r).toBe(`S-${s.d.replaceAll('-', '')}-${s.r.slice(-4)}`);
      days.set(s.d, [...(days.get(s.d) ?? []), s.r]);
    }
    expect(days.size).toBe(91); // 2026-08-25 … 2026-11-23
    for (const [day, receipts] of days) {
      // Receipts run 0001, 0002, … in time order.
      expect(receipts, day).toEqual(
        receipts.map((_, i) => `S-${day.replaceAll('-', '')}-${String(i + 1).padStart(4, '0')}`),
      );
      if (day !== '2026-11-23') {
        expect(receipts.length, day).toBeGreaterThanOrEqual(18);
        expect(receipts.length, day).toBeLessThanOrEqual(46);
      }
    }
  });

  it('mixed tenders, split payments, coupons and line promotions all occur', () => {
    const tenders = (
      db.prepare('SELECT DISTINCT tender FROM sale_payments ORDER BY tender').all() as { tender: string }[]
    ).map((t) => t.tender);
    expect(tenders).toEqual(['alipay', 'card', 'cash', 'gift_card', 'store_credit', 'wechat']);
    const n = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    expect(
      n('SELECT count(*) AS n FROM (SELECT sale_id FROM sale_payments GROUP BY sale_id HAVING count(*) > 1)'),
    ).toBeGreaterThan(50);
    expect(n('SELECT count(*) AS n FROM sales WHERE order_discount_minor > 0')).toBeGreaterThan(100);
    expect(n('SELECT count(*) AS n FROM sale_lines WHERE line_discount_minor > 0')).toBeGreaterThan(50);
    expect(n('SELECT count(*) AS n FROM sales WHERE customer_id IS NULL')).toBeGreaterThan(100);
  });

  it('every serialized line has a unique serial; phone serials are Luhn-valid IMEIs', () => {
    const rows = db
      .prepare(
        `SELECT l.serial, c.code, p.serialized FROM sale_lines l JOIN products p ON p.id = l.product_id JOIN categories c ON c.id = p.category_id`,
      )
      .all() as { serial: string | null; code: string; serialized: number }[];
    const serials = rows.filter((r) => r.serialized === 1).map((r) => r.serial);
    expect(serials.every((s) => s !== null)).toBe(true);
    expect(new Set(serials).size).toBe(serials.length);
    expect(rows.filter((r) => r.serialized === 0).every((r) => r.serial === null)).toBe(true);
    for (const r of rows.filter((x) => x.code === 'phone')) {
      expect(r.serial).toMatch(/^\d{15}$/);
      expect(luhnCheckDigit(r.serial!.slice(0, 14))).toBe(Number(r.serial!.slice(14)));
    }
  });

  it('every sale obeys the import rules: lines − discounts = total = payments', () => {
    const bad = db
      .prepare(
        `SELECT s.id FROM sales s
         WHERE s.subtotal_minor != (SELECT sum(qty * unit_price_minor - line_discount_minor) FROM sale_lines WHERE sale_id = s.id)
            OR s.total_minor != s.subtotal_minor - s.order_discount_minor
            OR s.total_minor != (SELECT sum(amount_minor) FROM sale_payments WHERE sale_id = s.id)`,
      )
      .all();
    expect(bad).toEqual([]);
  });

  it('went in through the importer: one demo batch, one audit row, the chain verifies', () => {
    expect(
      db.prepare(`SELECT file_name AS f, sales_failed AS failed, errors FROM import_batches`).all(),
    ).toEqual([{ f: 'demo-seed', failed: 0, errors: '[]' }]);
    expect(db.prepare(`SELECT DISTINCT source FROM sales`).all()).toEqual([{ source: 'demo' }]);
    expect(verifyAudit(db)).toMatchObject({ ok: true });
  });
});

describe('helpers', () => {
  it('addMonths clamps to the month end', () => {
    expect(addMonths('2026-11-23', -8)).toBe('2026-03-23');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonths('2026-01-15', -1)).toBe('2025-12-15');
  });

  it('isoWithOffset writes store-local time with the offset', () => {
    expect(isoWithOffset(Date.UTC(2026, 10, 18, 6, 32, 5), TZ)).toBe('2026-11-18T14:32:05+08:00');
    expect(isoWithOffset(Date.UTC(2026, 0, 15, 12), 'America/New_York')).toBe('2026-01-15T07:00:00-05:00');
  });
});

describe('any time of day', () => {
  it.each([
    ['00:30, after midnight', Date.UTC(2026, 10, 22, 16, 30)],
    ['06:25, before opening (a first run found this)', Date.UTC(2026, 10, 22, 22, 25)],
    ['10:00:30, just after opening', Date.UTC(2026, 10, 23, 2, 0, 30)],
    ['10:02', Date.UTC(2026, 10, 23, 2, 2)],
    ['23:59', Date.UTC(2026, 10, 23, 15, 59)],
  ])('seeding at %s puts no sale in the future and keeps every journey', (_when, now) => {
    const { drafts } = buildDemoSales(now, TZ);
    const receipts = new Set(drafts.map((d) => d.receiptNo));
    for (const r of Object.values(demoJourneyReceipts(now))) expect(receipts.has(r), r).toBe(true);
    for (const d of drafts) expect(Date.parse(d.soldAt), d.receiptNo).toBeLessThan(now);
  });

  it('a first run before opening time seeds without errors', () => {
    const now = Date.UTC(2026, 10, 22, 22, 25);
    const client = openDatabase(join(tempDir('cd-demo-early-'), 'counterdesk.sqlite'));
    try {
      const storeId = ensureStore(
        client,
        { code: 'DEMO', name: '演示门店', timeZone: TZ, currency: 'CNY', locale: 'zh-CN', demo: true },
        now,
      );
      const result = seedDemoData(client, storeId, now);
      expect(result.import).toMatchObject({ salesFailed: 0, errors: [] });
      expect(client.sqlite.prepare('SELECT max(sold_at) AS t FROM sales').get()).toEqual({
        t: expect.any(Number),
      });
      expect(
        (client.sqlite.prepare('SELECT max(sold_at) AS t FROM sales').get() as { t: number }).t,
      ).toBeLessThan(now);
    } finally {
      client.close();
    }
  });
});

describe('first run in demo mode', () => {
  it('composeCore creates the demo store with staff, catalog and the journey sales', async () => {
    const dataDir = tempDir('cd-demo-core-');
    const core = composeCore({
      dataDir,
      host: 'cli',
      firstRun: 'demo',
      now: () => NOW,
      log: { error: () => undefined },
    });
    try {
      expect(core.created).toBe(true);
      const db = core.ctx.db.sqlite;
      expect(findSaleByReceipt(clientOfHandle(db), core.ctx.storeId, 'S-20261118-0007')?.totalMinor).toBe(
        41_220,
      );
      expect((db.prepare('SELECT count(*) AS n FROM staff').get() as { n: number }).n).toBeGreaterThan(0);
      expect(verifyAudit(db).ok).toBe(true);
    } finally {
      core.close();
    }
  });
});
