/**
 * The demo store's customers and ~90 days of POS sales, generated from a seed and written
 * through the sales importer (same validation, same writer, source 'demo'), so the demo data
 * also proves the importer. Same seed and same `now` → the same receipts, byte for byte.
 *
 * Sales: a few dozen a day (more at weekends) between 10:00 and 21:45 store time
 * (settings.timeZone, Asia/Shanghai by default), receipts `S-YYYYMMDD-NNNN` numbered in time
 * order per business day, order coupons (10 % off, 满200减20, 满500减50), line promotions,
 * WeChat Pay / Alipay / card / cash / split tenders, IMEIs (Luhn-valid) and serial numbers on
 * serialized lines.
 *
 * The journeys of JOURNEYS.md use fixed sales at fixed receipt sequence numbers; their day
 * depends on `now`, so get the numbers with `demoJourneyReceipts(now)` (or from the result of
 * `seedDemoData`):
 * - returnWithReceipt (journey 1): 5 days ago, receipt …-0007: speaker ¥399 + cable ¥59, 10 %
 *   coupon on the order (¥45.80), paid ¥412.20 by WeChat Pay, customer 王芳 13912345678.
 * - headphones40Days (journey 2): 40 days ago, …-0012: headphones ¥899 by Alipay, regular 李娜.
 * - kettlePromo (journey 3): 20 days ago, …-0005: kettle at its 90-day low ¥99 (¥129 − ¥30).
 *   The journey-3 customer 陈静 18611112222 has no sale at all.
 * - phoneCase (journey 4): 3 days ago, …-0004: iPhone 15 clear case ¥49 by WeChat Pay.
 * - laptop8Months (journey 5): 8 calendar months ago, …-0015: laptop ¥5,499 by card, serial
 *   PF4XK2AB (outside the 90-day window: the one older sale).
 * - phoneWithImei: 10 days ago, …-0003: 小米 14 ¥3,999 with IMEI 861234560001235 + case.
 */
import { formatDocumentNumber } from '../../db/sequences';
import type { DbClient } from '../../db/client';
import { findCustomerByPhone, insertCustomer } from '../../db/repositories/customers/customers';
import { readSettings } from '../../db/repositories/store/settings';
import {
  addDays,
  businessDay,
  compactDay,
  startOfBusinessDay,
  zoneOffsetMs,
} from '../../shared/domain/time/business-day';
import { addMonths } from '../../shared/domain/time/calendar';
import { luhnCheckDigit } from '../../shared/domain/codes/imei';
import { minorToDecimal } from '../services/sales/import/decimal';
import { importDrafts, type ImportResult } from '../services/sales/import/import-sales';
import type { LineDraft, PaymentDraft, SaleDraft } from '../services/sales/import/sale-draft';
import { createRng, type DemoRng } from './demo-rng';
import {
  DEMO_JOURNEY_SKUS,
  DEMO_PRODUCTS,
  demoProduct,
  seedDemoCatalog,
  type DemoProduct,
} from './seed-demo-catalog';

export const DEMO_SEED = 20_261_123;
export const DEMO_DAYS = 90;
export const DEMO_CUSTOMER_COUNT = 300;

export interface JourneySaleSpec {
  /** Calendar days before today (store time), or calendar months when `monthsAgo` is set. */
  daysAgo?: number;
  monthsAgo?: number;
  /** Sequence number of the receipt on its business day. */
  seq: number;
}

/** Where the journeys' sales sit: their receipt is `S-<day>-<seq>`; see `demoJourneyReceipts`. */
export const DEMO_JOURNEY_RECEIPTS = {
  returnWithReceipt: { daysAgo: 5, seq: 7 },
  headphones40Days: { daysAgo: 40, seq: 12 },
  kettlePromo: { daysAgo: 20, seq: 5 },
  phoneCase: { daysAgo: 3, seq: 4 },
  laptop8Months: { monthsAgo: 8, seq: 15 },
  phoneWithImei: { daysAgo: 10, seq: 3 },
} as const satisfies Record<string, JourneySaleSpec>;
export type JourneyKey = keyof typeof DEMO_JOURNEY_RECEIPTS;

/** The journeys' customers (the kettle customer deliberately has no sale). */
export const DEMO_JOURNEY_CUSTOMERS = {
  returnWithReceipt: { name: '王芳', phone: '13912345678' },
  headphonesRegular: { name: '李娜', phone: '13687654321' },
  kettleNoReceipt: { name: '陈静', phone: '18611112222' },
  phoneCase: { name: '张伟', phone: '15900001111' },
  laptop: { name: '刘洋', phone: '18800002222' },
  phoneWithImei: { name: '赵磊', phone: '13300003333' },
} as const;

/** Serials the journeys scan. */
export const DEMO_JOURNEY_SERIALS = {
  speaker: 'EDM330A2611001',
  laptop: 'PF4XK2AB',
  phoneImei: '861234560001235',
} as const;

function journeyDay(spec: JourneySaleSpec, today: string): string {
  return spec.monthsAgo !== undefined
    ? addMonths(today, -spec.monthsAgo)
    : addDays(today, -(spec.daysAgo ?? 0));
}

/** The receipt numbers of the journey sales for a seed run at `now`. */
export function demoJourneyReceipts(now: number, timeZone = 'Asia/Shanghai'): Record<JourneyKey, string> {
  const today = businessDay(now, timeZone);
  const out = {} as Record<JourneyKey, string>;
  for (const [key, spec] of Object.entries(DEMO_JOURNEY_RECEIPTS) as [JourneyKey, JourneySaleSpec][]) {
    out[key] = formatDocumentNumber('S', journeyDay(spec, today), spec.seq);
  }
  return out;
}

function isoAt(epochMs: number, offset: number): string {
  const local = new Date(Math.floor(epochMs / 1000) * 1000 + offset).toISOString().slice(0, 19);
  const abs = Math.abs(offset) / 60_000;
  const sign = offset < 0 ? '-' : '+';
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** `2026-11-18T14:32:05+08:00` for an instant in a zone. */
export function isoWithOffset(epochMs: number, timeZone: string): string {
  return isoAt(epochMs, zoneOffsetMs(epochMs, timeZone));
}

/** isoWithOffset with the zone offset cached per quarter hour (every offset is a multiple of 15 min). */
function isoFormatter(timeZone: string): (epochMs: number) => string {
  const offsets = new Map<number, number>();
  return (t) => {
    const bucket = Math.floor(t / 900_000);
    let offset = offsets.get(bucket);
    if (offset === undefined) {
      offset = zoneOffsetMs(bucket * 900_000, timeZone);
      offsets.set(bucket, offset);
    }
    return isoAt(t, offset);
  };
}

const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严武戴莫孔汤',
];
const GIVEN = [
  '伟',
  '芳',
  '娜',
  '秀英',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀兰',
  '霞',
  '平',
  '刚',
  '桂英',
  '浩',
  '宇',
  '欣怡',
  '子涵',
  '梓萱',
  '一诺',
  '思远',
  '晨',
  '博文',
  '雨桐',
  '佳怡',
  '志强',
  '建华',
  '海燕',
  '晓东',
  '文静',
  '俊杰',
  '婷婷',
  '鹏',
  '丹',
  '凯',
  '玲',
  '宁',
  '倩',
  '雪',
  '琳',
  '斌',
  '亮',
  '鑫',
  '帅',
  '晓梅',
  '国庆',
  '红霞',
];
const MOBILE_PREFIXES = [
  '130',
  '131',
  '132',
  '133',
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '152',
  '155',
  '156',
  '157',
  '158',
  '159',
  '166',
  '176',
  '177',
  '178',
  '180',
  '181',
  '182',
  '183',
  '185',
  '186',
  '187',
  '188',
  '189',
  '191',
  '198',
  '199',
];

export interface DemoCustomer {
  name: string;
  phone: string;
}

/** The demo customers: the journeys' first, then generated ones (unique 11-digit mobiles). */
export function demoCustomers(rng: DemoRng): DemoCustomer[] {
  const list: DemoCustomer[] = Object.values(DEMO_JOURNEY_CUSTOMERS).map((c) => ({
    name: c.name,
    phone: c.phone,
  }));
  const phones = new Set(list.map((c) => c.phone));
  while (list.length < DEMO_CUSTOMER_COUNT) {
    const phone = `${rng.pick(MOBILE_PREFIXES)}${String(rng.int(0, 99_999_999)).padStart(8, '0')}`;
    if (phones.has(phone)) continue;
    phones.add(phone);
    list.push({ name: `${rng.pick(SURNAMES)}${rng.pick(GIVEN)}`, phone });
  }
  return list;
}

const CATEGORY_WEIGHTS: readonly (readonly [string, number])[] = [
  ['accessories', 30],
  ['small_appliance', 16],
  ['headphones', 14],
  ['phone', 14],
  ['audio', 8],
  ['laptop', 6],
  ['large_appliance', 5],
];

const BY_CATEGORY = new Map<string, DemoProduct[]>();
for (const p of DEMO_PRODUCTS) BY_CATEGORY.set(p.category, [...(BY_CATEGORY.get(p.category) ?? []), p]);

function productsOf(category: string): DemoProduct[] {
  return BY_CATEGORY.get(category) ?? [];
}

const PHONE_ADDONS = [
  'AC-CASE-IP15-CL',
  'AC-CASE-IP15-MS',
  'AC-CASE-XM14',
  'AC-SP-IP15',
  'AC-CHG-XM-33W',
  'AC-CBL-UG-C15',
];
const LAPTOP_ADDONS = ['AC-MS-LG-M650', 'AC-BAG-14', 'AC-CHG-LT-100W'];
const ALNUM = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';

interface LineSpec {
  product: DemoProduct;
  qty: number;
  discountMinor: number;
  serial: string | null;
}

interface SaleSpec {
  lines: LineSpec[];
  orderDiscountMinor: number;
  customer: DemoCustomer | null;
  payments: { tender: string; amountMinor: number }[];
  cashier: string;
}

class SerialMaker {
  private readonly used = new Set<string>(Object.values(DEMO_JOURNEY_SERIALS));
  constructor(private readonly rng: DemoRng) {}

  /** A fresh serial for a product (a Luhn-valid IMEI for phones). */
  next(p: DemoProduct): string {
    for (;;) {
      const s = this.make(p);
      if (!this.used.has(s)) {
        this.used.add(s);
        return s;
      }
    }
  }

  private alnum(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += ALNUM[this.rng.int(0, ALNUM.length - 1)];
    return s;
  }

  private make(p: DemoProduct): string {
    const r = this.rng;
    switch (p.category) {
      case 'phone': {
        // TAC 86 + 6 digits from the SKU's position, then a 6-digit serial and the Luhn digit.
        const tac = `86${String(100_000 + DEMO_PRODUCTS.indexOf(p) * 7_919).slice(-6)}`;
        const body = `${tac}${String(r.int(0, 999_999)).padStart(6, '0')}`;
        return `${body}${luhnCheckDigit(body) ?? ''}`;
      }
      case 'laptop':
        return `PF${this.alnum(6)}`;
      case 'audio':
        return `SN${String(r.int(0, 9_999_999_999)).padStart(10, '0')}`;
      default:
        return `LA${this.alnum(12)}`;
    }
  }
}

function saleSubtotal(lines: LineSpec[]): number {
  return lines.reduce((s, l) => s + l.product.priceMinor * l.qty - l.discountMinor, 0);
}

function randomPayments(rng: DemoRng, total: number): SaleSpec['payments'] {
  const kind = rng.weighted<string>([
    ['wechat', 42],
    ['alipay', 30],
    ['card', 13],
    ['cash', 8],
    ['split', 7],
  ]);
  if (kind !== 'split' || total < 2_000)
    return [{ tender: kind === 'split' ? 'wechat' : kind, amountMinor: total }];
  const [a, b] = rng.pick([
    ['gift_card', 'wechat'],
    ['cash', 'alipay'],
    ['card', 'wechat'],
    ['store_credit', 'alipay'],
  ] as const);
  // First tender pays whole yuan, between 10 % and 60 % of the total; the second pays the rest.
  const first = Math.max(100, Math.floor((total * rng.int(10, 60)) / 100 / 100) * 100);
  return [
    { tender: a, amountMinor: first },
    { tender: b, amountMinor: total - first },
  ];
}

function randomSale(rng: DemoRng, serials: SerialMaker, customers: readonly DemoCustomer[]): SaleSpec {
  const primary = rng.pick(productsOf(rng.weighted(CATEGORY_WEIGHTS)));
  const lines: LineSpec[] = [];
  const add = (p: DemoProduct) => {
    if (lines.some((l) => l.product.sku === p.sku)) return;
    const qty = p.serialized ? 1 : p.category === 'accessories' && rng.chance(0.2) ? 2 : 1;
    // Line promotion on unserialized goods: 10 % off, rounded down to whole yuan.
    const discountMinor =
      !p.serialized && rng.chance(0.1) ? Math.floor((p.priceMinor * qty) / 1_000) * 100 : 0;
    lines.push({ product: p, qty, discountMinor, serial: p.serialized ? serials.next(p) : null });
  };
  add(primary);
  if (primary.category === 'phone' && rng.chance(0.5)) add(demoProduct(rng.pick(PHONE_ADDONS)));
  else if (primary.category === 'laptop' && rng.chance(0.3)) add(demoProduct(rng.pick(LAPTOP_ADDONS)));
  else if (rng.chance(0.15)) add(rng.pick(productsOf('accessories')));

  const subtotal = saleSubtotal(lines);
  let orderDiscountMinor = 0;
  if (rng.chance(0.12)) {
    const coupon = rng.pick(['10pct', '200-20', '500-50'] as const);
    if (coupon === '10pct') orderDiscountMinor = Math.floor((subtotal + 5) / 10);
    else if (coupon === '200-20' && subtotal >= 20_000) orderDiscountMinor = 2_000;
    else if (coupon === '500-50' && subtotal >= 50_000) orderDiscountMinor = 5_000;
  }
  const total = subtotal - orderDiscountMinor;
  // Regulars buy more often: skew towards the start of the list.
  const customer = rng.chance(0.65)
    ? (customers[Math.floor(rng.next() ** 2 * customers.length)] ?? null)
    : null;
  return {
    lines,
    orderDiscountMinor,
    customer,
    payments: randomPayments(rng, total),
    cashier: rng.pick(['收银01', '收银02', '收银03']),
  };
}

function journeySale(key: JourneyKey): SaleSpec {
  const p = demoProduct;
  const S = DEMO_JOURNEY_SKUS;
  const C = DEMO_JOURNEY_CUSTOMERS;
  const one = (sku: string, serial: string | null = null, discountMinor = 0): LineSpec => ({
    product: p(sku),
    qty: 1,
    discountMinor,
    serial,
  });
  switch (key) {
    case 'returnWithReceipt':
      return {
        lines: [one(S.speaker, DEMO_JOURNEY_SERIALS.speaker), one(S.cable)],
        orderDiscountMinor: 4_580,
        customer: C.returnWithReceipt,
        payments: [{ tender: 'wechat', amountMinor: 41_220 }],
        cashier: '收银01',
      };
    case 'headphones40Days':
      return {
        lines: [one(S.headphones)],
        orderDiscountMinor: 0,
        customer: C.headphonesRegular,
        payments: [{ tender: 'alipay', amountMinor: 89_900 }],
        cashier: '收银02',
      };
    case 'kettlePromo':
      return {
        lines: [one(S.kettle, null, 3_000)],
        orderDiscountMinor: 0,
        customer: null,
        payments: [{ tender: 'cash', amountMinor: 9_900 }],
        cashier: '收银03',
      };
    case 'phoneCase':
      return {
        lines: [one(S.phoneCase)],
        orderDiscountMinor: 0,
        customer: C.phoneCase,
        payments: [{ tender: 'wechat', amountMinor: 4_900 }],
        cashier: '收银01',
      };
    case 'laptop8Months':
      return {
        lines: [one(S.laptop, DEMO_JOURNEY_SERIALS.laptop)],
        orderDiscountMinor: 0,
        customer: C.laptop,
        payments: [{ tender: 'card', amountMinor: 549_900 }],
        cashier: '收银02',
      };
    case 'phoneWithImei':
      return {
        lines: [one(S.phone, DEMO_JOURNEY_SERIALS.phoneImei), one('AC-CASE-XM14')],
        orderDiscountMinor: 0,
        customer: C.phoneWithImei,
        payments: [{ tender: 'alipay', amountMinor: 403_800 }],
        cashier: '收银03',
      };
  }
}

const OPEN_S = 10 * 3600;
const CLOSE_S = 21 * 3600 + 45 * 60;

function toDraft(
  spec: SaleSpec,
  day: string,
  seq: number,
  soldAt: number,
  iso: (t: number) => string,
): SaleDraft {
  const money = (m: number) => minorToDecimal(m, 2);
  const subtotal = saleSubtotal(spec.lines);
  const lines: LineDraft[] = spec.lines.map((l, i) => ({
    row: 0,
    lineNo: i + 1,
    sku: l.product.sku,
    gtin: l.product.gtin,
    name: l.product.name,
    category: l.product.category,
    qty: l.qty,
    unitPrice: money(l.product.priceMinor),
    lineDiscount: money(l.discountMinor),
    taxRate: String(l.product.taxRateBp / 100),
    serial: l.serial ?? '',
  }));
  const payments: PaymentDraft[] = spec.payments.map((p) => ({
    tender: p.tender,
    amount: money(p.amountMinor),
    ref: '',
  }));
  return {
    row: 0,
    saleId: `pos-${compactDay(day)}-${String(seq).padStart(4, '0')}`,
    receiptNo: formatDocumentNumber('S', day, seq),
    soldAt: iso(soldAt),
    customerPhone: spec.customer?.phone ?? '',
    customerName: spec.customer?.name ?? '',
    cashier: spec.cashier,
    orderDiscount: money(spec.orderDiscountMinor),
    total: money(subtotal - spec.orderDiscountMinor),
    taxIncluded: true,
    payments,
    lines,
  };
}

/** Builds the drafts of every demo sale, oldest first (pure: no database). */
export function buildDemoSales(
  now: number,
  timeZone: string,
  seed = DEMO_SEED,
): { customers: DemoCustomer[]; drafts: SaleDraft[] } {
  const rng = createRng(seed);
  const customers = demoCustomers(rng);
  const buyers = customers.filter((c) => c.phone !== DEMO_JOURNEY_CUSTOMERS.kettleNoReceipt.phone);
  const serials = new SerialMaker(rng);
  const today = businessDay(now, timeZone);
  const journeysByDay = new Map<string, { key: JourneyKey; seq: number }[]>();
  for (const [key, spec] of Object.entries(DEMO_JOURNEY_RECEIPTS) as [JourneyKey, JourneySaleSpec][]) {
    const day = journeyDay(spec, today);
    journeysByDay.set(day, [...(journeysByDay.get(day) ?? []), { key, seq: spec.seq }]);
  }
  const days = [
    ...new Set([
      ...journeysByDay.keys(),
      ...Array.from({ length: DEMO_DAYS + 1 }, (_, i) => addDays(today, i - DEMO_DAYS)),
    ]),
  ].sort();

  const drafts: SaleDraft[] = [];
  const iso = isoFormatter(timeZone);
  for (const day of days) {
    const dayStart = startOfBusinessDay(day, timeZone);
    const journeys = (journeysByDay.get(day) ?? []).sort((a, b) => a.seq - b.seq);
    const inWindow = day >= addDays(today, -DEMO_DAYS);
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    const weekend = weekday === 0 || weekday === 6;
    let count = inWindow ? (weekend ? rng.int(32, 45) : rng.int(18, 32)) : 0;
    // Today: only what was sold before `now`.
    const closeS = day === today ? Math.min(CLOSE_S, Math.floor((now - dayStart) / 1000) - 60) : CLOSE_S;
    if (closeS <= OPEN_S) count = 0;
    const maxJourneySeq = journeys.reduce((m, j) => Math.max(m, j.seq), 0);
    // A journey sale needs enough ordinary sales around it to get its fixed number.
    if (inWindow && journeys.length > 0) count = Math.max(count, maxJourneySeq + 2 - journeys.length);
    const slots: { atS: number; journey: JourneyKey | null }[] = [];
    for (let i = 0; i < count; i++)
      slots.push({ atS: rng.int(OPEN_S, Math.max(OPEN_S + 1, closeS)), journey: null });
    slots.sort((a, b) => a.atS - b.atS);
    if (!inWindow) {
      // The one older sale (journey 5): alone on its day, at its fixed number, early afternoon.
      for (const j of journeys) {
        drafts.push(toDraft(journeySale(j.key), day, j.seq, dayStart + (14 * 3600 + j.seq * 60) * 1000, iso));
      }
      continue;
    }
    // Journey sales take their fixed sequence number; their time sits between their neighbours.
    for (const j of journeys) {
      const before = slots[j.seq - 2]?.atS ?? OPEN_S;
      const after = slots[j.seq - 1]?.atS ?? before + 120;
      slots.splice(j.seq - 1, 0, { atS: Math.floor((before + after) / 2), journey: j.key });
    }
    slots.forEach((slot, i) => {
      const spec = slot.journey ? journeySale(slot.journey) : randomSale(rng, serials, buyers);
      drafts.push(toDraft(spec, day, i + 1, dayStart + slot.atS * 1000, iso));
    });
  }
  return { customers, drafts };
}

export interface DemoDataResult {
  categories: number;
  products: number;
  customers: number;
  import: ImportResult;
  journeyReceipts: Record<JourneyKey, string>;
}

/** Seeds catalog, customers and sales of the demo store (the compose step calls it after seedDemoStaff). */
export function seedDemoData(db: DbClient, storeId: number, now: number, seed = DEMO_SEED): DemoDataResult {
  const timeZone = readSettings(db, storeId).timeZone;
  const catalog = seedDemoCatalog(db);
  const { customers, drafts } = buildDemoSales(now, timeZone, seed);
  const rng = createRng(seed ^ 0x5eed);
  let inserted = 0;
  db.transaction(() => {
    for (const c of customers) {
      const createdAt = now - rng.int(100, 900) * 86_400_000;
      if (findCustomerByPhone(db, c.phone) === null) {
        insertCustomer(db, c.name, c.phone, createdAt);
        inserted++;
      }
    }
  });
  const result = importDrafts(
    { db, storeId },
    { rowsRead: drafts.length, items: drafts.map((draft) => ({ kind: 'sale' as const, draft })) },
    { format: 'json', fileName: 'demo-seed', contentSha256: null, staffId: null, now, source: 'demo' },
  );
  if (result.errors.length > 0) {
    throw new Error(`demo sales failed validation: ${JSON.stringify(result.errors.slice(0, 3))}`);
  }
  return {
    categories: catalog.categories,
    products: catalog.products,
    customers: inserted,
    import: result,
    journeyReceipts: demoJourneyReceipts(now, timeZone),
  };
}
