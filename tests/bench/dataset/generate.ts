/**
 * Writes the "large store, three years" dataset into a migrated CounterDesk database: catalog,
 * customers, sales with lines and payments, returns (lines, inspections, tenders, stock moves,
 * slips, idempotency rows, audit rows), repairs with status timelines (events + audit rows) and
 * meter readings. Deterministic: the same spec gives the same rows on every machine.
 *
 * Speed: the store and staff are created through core (composeCore + createStaff), then the bulk
 * rows go in through prepared statements in ONE transaction with journal_mode=OFF and
 * synchronous=OFF, with the big tables' indexes dropped and re-created afterwards (their exact
 * CREATE statements are read from sqlite_master). Then WAL and synchronous=FULL are restored and
 * the file is checked (integrity_check, foreign_key_check, audit chain).
 */
import Database from 'better-sqlite3';
import type { Statement } from 'better-sqlite3';
import { composeCore } from '../../../core/compose';
import { dbPath } from '../../../core/data-dir';
import { createRng, type DemoRng } from '../../../core/demo/demo-rng';
import { DEMO_CATEGORIES, DEMO_PRODUCTS } from '../../../core/demo/seed-demo-catalog';
import { DEMO_STAFF } from '../../../core/demo/demo-staff';
import { completeGtin } from '../../../shared/domain/codes/gtin';
import { createStaff } from '../../../core/store/create-staff';
import { auditHash, GENESIS_HASH } from '../../../db/audit/chain';
import { canonicalJson } from '../../../db/audit/canonical';
import { verifyAudit } from '../../../db/audit/chain';
import { BRANDS, CATEGORY_WEIGHTS, GIVEN, PRICE_YUAN, PRODUCT_WORDS, SURNAMES } from './names';
import { DATASET_END, DATASET_TZ_OFFSET_MS, type DatasetSpec } from './spec';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
/** Tables whose indexes are dropped during the bulk load and re-created after it. */
const BULK_TABLES = [
  'products',
  'customers',
  'sales',
  'sale_lines',
  'sale_payments',
  'returns',
  'return_lines',
  'refund_tenders',
  'stock_moves',
  'print_jobs',
  'audit_log',
  'repair_jobs',
  'repair_events',
  'meter_readings',
];

/** Row counts of the generated tables, as stored in dataset.json. */
export type DatasetCounts = Record<string, number>;

/** `YYYY-MM-DD` of an instant in the store's zone (UTC+8, no DST). */
export function localDay(ms: number): string {
  return new Date(ms + DATASET_TZ_OFFSET_MS).toISOString().slice(0, 10);
}

/** UTC instant of local midnight of the day `ms` falls on. */
function localMidnight(ms: number): number {
  return Math.floor((ms + DATASET_TZ_OFFSET_MS) / DAY_MS) * DAY_MS - DATASET_TZ_OFFSET_MS;
}

/** Is `i` one of `count` evenly spread picks out of `total` (exactly `count` of them are). */
function spreadPick(i: number, count: number, total: number): boolean {
  return Math.floor(((i + 1) * count) / total) > Math.floor((i * count) / total);
}

/** How many of `total` fall on slot `d` of `slots` (the counts sum to `total` exactly). */
function share(d: number, total: number, slots: number): number {
  return Math.floor(((d + 1) * total) / slots) - Math.floor((d * total) / slots);
}

function docNo(prefix: string, day: string, n: number): string {
  return `${prefix}-${day.replaceAll('-', '')}-${String(n).padStart(4, '0')}`;
}

interface Product {
  id: number;
  sku: string;
  name: string;
  category: string;
  priceMinor: number;
  serialized: boolean;
}

interface Line {
  lineNo: number;
  product: Product;
  qty: number;
  lineDiscount: number;
}

/** Appends audit rows to the chain in memory order (hash = sha256(prev + canonical row)). */
class AuditWriter {
  private prev = GENESIS_HASH;
  private lastId = 0;
  private readonly insert: Statement;

  constructor(
    private readonly db: Database.Database,
    private readonly storeId: number,
  ) {
    const head = db.prepare('SELECT last_id AS id, last_hash AS hash FROM audit_head WHERE id = 1').get() as
      { id: number; hash: string } | undefined;
    if (head) {
      this.prev = head.hash;
      this.lastId = head.id;
    }
    this.insert = db.prepare(
      `INSERT INTO audit_log (id, at, store_id, staff_id, action, entity_type, entity_id, data, prev_hash, hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
  }

  append(
    at: number,
    staffId: number,
    action: string,
    entityType: string,
    entityId: string,
    data: object,
  ): void {
    const row = {
      at,
      store_id: this.storeId,
      staff_id: staffId,
      action,
      entity_type: entityType,
      entity_id: entityId,
      data: canonicalJson(data),
    };
    const hash = auditHash(this.prev, row);
    this.lastId++;
    this.insert.run(
      this.lastId,
      at,
      this.storeId,
      staffId,
      action,
      entityType,
      entityId,
      row.data,
      this.prev,
      hash,
    );
    this.prev = hash;
  }

  finish(): void {
    this.db
      .prepare(
        `INSERT INTO audit_head (id, last_id, last_hash) VALUES (1, ?, ?)
         ON CONFLICT(id) DO UPDATE SET last_id = excluded.last_id, last_hash = excluded.last_hash`,
      )
      .run(this.lastId, this.prev);
  }
}

/** Creates the store (not a demo store) and the demo staff codes/PINs through core. */
function createStoreAndStaff(dataDir: string, start: number): { storeId: number; staffIds: number[] } {
  const core = composeCore({ dataDir, host: 'cli', firstRun: 'empty', now: () => start });
  try {
    const db = core.ctx.db;
    const ids = DEMO_STAFF.map((s) => createStaff(db, core.ctx.storeId, s, start, null));
    return { storeId: core.ctx.storeId, staffIds: ids };
  } finally {
    core.close();
  }
}

/** Builds the whole dataset in `dataDir` (which must be empty); returns the row counts. */
export function generateDataset(dataDir: string, spec: DatasetSpec, log: (s: string) => void): DatasetCounts {
  const end = DATASET_END;
  const firstDay = localMidnight(end) - spec.days * DAY_MS;
  const { storeId, staffIds } = createStoreAndStaff(dataDir, firstDay - DAY_MS);
  const clerks = staffIds.slice(0, 2);
  const tech = staffIds[2] ?? 1;
  const rng = createRng(spec.seed);

  const db = new Database(dbPath(dataDir));
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('foreign_keys = OFF');
  db.pragma('cache_size = -262144');
  db.pragma('temp_store = MEMORY');
  const indexSql = (
    db
      .prepare(
        `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL
         AND tbl_name IN (${BULK_TABLES.map(() => '?').join(', ')})`,
      )
      .all(...BULK_TABLES) as { name: string; sql: string }[]
  ).map((r) => r);
  for (const ix of indexSql) db.exec(`DROP INDEX "${ix.name}"`);

  const counts: DatasetCounts = {};
  const t0 = Date.now();
  db.transaction(() => {
    const products = writeCatalog(db, spec, rng);
    counts.products = products.length;
    log(`  catalog: ${products.length} products`);
    writeCustomers(db, spec, rng, firstDay);
    counts.customers = spec.customers;
    log(`  customers: ${spec.customers} (${Date.now() - t0} ms)`);
    const audit = new AuditWriter(db, storeId);
    const c = writeSalesAndReturns(db, spec, rng, { storeId, clerks, firstDay, end, products, audit });
    Object.assign(counts, c);
    log(`  sales ${c.sales}, lines ${c.sale_lines}, returns ${c.returns} (${Date.now() - t0} ms)`);
    const r = writeRepairs(db, spec, rng, { storeId, clerks, tech, firstDay, end, audit });
    Object.assign(counts, r);
    log(
      `  repairs ${r.repair_jobs}, events ${r.repair_events}, readings ${r.meter_readings} (${Date.now() - t0} ms)`,
    );
    audit.finish();
  })();

  const ti = Date.now();
  for (const ix of indexSql) db.exec(ix.sql);
  log(`  indexes re-created: ${indexSql.length} (${Date.now() - ti} ms)`);
  db.exec('ANALYZE');
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  const fk = db.prepare('PRAGMA foreign_key_check').all();
  if (fk.length > 0)
    throw new Error(`dataset: ${fk.length} foreign key violations, e.g. ${JSON.stringify(fk[0])}`);
  const integrity = db.pragma('quick_check', { simple: true });
  if (integrity !== 'ok') throw new Error(`dataset: quick_check says ${String(integrity)}`);
  const chain = verifyAudit(db);
  if (!chain.ok) throw new Error(`dataset: audit chain broken (${chain.problems.length} problems)`);
  counts.audit_log = chain.rowsChecked;
  db.close();
  return counts;
}

function writeCatalog(db: Database.Database, spec: DatasetSpec, rng: DemoRng): Product[] {
  const catIds = new Map<string, number>();
  const insCat = db.prepare(
    'INSERT INTO categories (code, name_zh, name_en, policy_profile) VALUES (?, ?, ?, ?)',
  );
  for (const c of DEMO_CATEGORIES) {
    catIds.set(c.code, Number(insCat.run(c.code, c.nameZh, c.nameEn, c.policyProfile).lastInsertRowid));
  }
  const insProd = db.prepare(
    `INSERT INTO products (sku, gtin, name, category_id, price_minor, tax_rate_bp, serialized, active)
     VALUES (?, ?, ?, ?, ?, 1300, ?, 1)`,
  );
  const out: Product[] = [];
  const add = (
    sku: string,
    gtin: string,
    name: string,
    category: string,
    priceMinor: number,
    serialized: boolean,
  ) => {
    const id = Number(
      insProd.run(sku, gtin, name, catIds.get(category), priceMinor, serialized ? 1 : 0).lastInsertRowid,
    );
    out.push({ id, sku, name, category, priceMinor, serialized });
  };
  for (const p of DEMO_PRODUCTS.slice(0, spec.products)) {
    add(p.sku, p.gtin, p.name, p.category, p.priceMinor, p.serialized);
  }
  const serializedCats = new Set(['phone', 'laptop', 'audio', 'large_appliance']);
  for (let k = out.length; k < spec.products; k++) {
    const category = rng.weighted(CATEGORY_WEIGHTS);
    const [lo, hi] = PRICE_YUAN[category] ?? [10, 100];
    const yuan = rng.int(lo, hi);
    const body = `6923459${String(k).padStart(5, '0')}`;
    const name = `${rng.pick(BRANDS[category] ?? ['品牌'])} ${rng.pick(PRODUCT_WORDS[category] ?? ['商品'])} G${k}`;
    add(
      `BX-${category.slice(0, 2).toUpperCase()}-${k}`,
      completeGtin(body) ?? body,
      name,
      category,
      yuan * 100 - (yuan % 10 === 0 ? 1 : 0),
      serializedCats.has(category),
    );
  }
  return out;
}

/** Customer i's phone: unique 11-digit mobile numbers (7919 is prime, so i·7919 mod 10⁹ never repeats). */
export function customerPhone(i: number): string {
  return `1${3 + (i % 7)}${String((i * 7919 + 12_345) % 1_000_000_000).padStart(9, '0')}`;
}

function writeCustomers(db: Database.Database, spec: DatasetSpec, rng: DemoRng, firstDay: number): void {
  const ins = db.prepare(
    'INSERT INTO customers (id, name, phone, phone_rev, created_at) VALUES (?, ?, ?, ?, ?)',
  );
  const span = DATASET_END - firstDay;
  for (let i = 0; i < spec.customers; i++) {
    const name = `${rng.pick(SURNAMES)}${rng.pick(GIVEN)}${rng.chance(0.7) ? rng.pick(GIVEN) : ''}`;
    const phone = customerPhone(i);
    ins.run(
      i + 1,
      name,
      phone,
      phone.split('').reverse().join(''),
      firstDay + Math.floor((i * span) / spec.customers),
    );
  }
}

interface SalesCtx {
  storeId: number;
  clerks: number[];
  firstDay: number;
  end: number;
  products: Product[];
  audit: AuditWriter;
}

const TENDERS: readonly (readonly [string, number])[] = [
  ['wechat', 40],
  ['alipay', 30],
  ['card', 15],
  ['cash', 15],
];

function writeSalesAndReturns(
  db: Database.Database,
  spec: DatasetSpec,
  rng: DemoRng,
  ctx: SalesCtx,
): DatasetCounts {
  const S = {
    sale: db.prepare(
      `INSERT INTO sales (id, store_id, receipt_no, customer_id, sold_at, business_day, currency, subtotal_minor,
         order_discount_minor, total_minor, tax_included, cashier, source, import_batch_id)
       VALUES (?, ?, ?, ?, ?, ?, 'CNY', ?, ?, ?, 1, ?, 'import', NULL)`,
    ),
    line: db.prepare(
      `INSERT INTO sale_lines (sale_id, line_no, product_id, sku, name, qty, unit_price_minor, line_discount_minor,
         tax_rate_bp, serial) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1300, ?)`,
    ),
    pay: db.prepare(
      'INSERT INTO sale_payments (sale_id, seq, tender, amount_minor, ref) VALUES (?, ?, ?, ?, NULL)',
    ),
    ret: db.prepare(
      `INSERT INTO returns (id, store_id, sale_id, customer_id, kind, status, created_at, business_day, staff_id,
         reason_code, override_id, currency, refund_total_minor, restocking_fee_minor, exchange_due_minor,
         idempotency_key, id_document, note)
       VALUES (?, ?, ?, ?, 'refund', 'completed', ?, ?, ?, ?, NULL, 'CNY', ?, 0, 0, ?, NULL, '')`,
    ),
    retLine: db.prepare(
      `INSERT INTO return_lines (return_id, sale_line_no, product_id, sku, name, qty, unit_price_minor, gross_minor,
         discount_share_minor, tax_minor, restocking_fee_minor, refund_minor, grade, disposition, policy_outcome,
         policy_rule, serial)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, 'allowed', ?, ?)`,
    ),
    insp: db.prepare(
      `INSERT INTO return_inspections (return_line_id, checklist, grade, notes, inspector_id) VALUES (?, ?, ?, '', ?)`,
    ),
    tender: db.prepare(
      'INSERT INTO refund_tenders (return_id, seq, tender, amount_minor, ref) VALUES (?, 1, ?, ?, NULL)',
    ),
    move: db.prepare(
      `INSERT INTO stock_moves (at, store_id, product_id, sku, qty_delta, bucket, reason, ref_type, ref_id, staff_id)
       VALUES (?, ?, ?, ?, ?, ?, 'return', 'return', ?, ?)`,
    ),
    job: db.prepare(
      `INSERT INTO print_jobs (created_at, kind, doc_ref, role, layout, copies, open_drawer, status, attempts,
         next_attempt_at, printed_at, staff_id)
       VALUES (?, 'return_slip', ?, 'receipt-printer', ?, 1, 0, 'done', 1, ?, ?, ?)`,
    ),
    idem: db.prepare(
      `INSERT INTO idempotency_keys (key, method, staff_id, request_hash, result, created_at)
       VALUES (?, 'returns.commit', ?, ?, ?, ?)`,
    ),
    seq: db.prepare('INSERT INTO number_sequences (store_id, kind, day, last_value) VALUES (?, ?, ?, ?)'),
  };
  const byCat = new Map<string, Product[]>();
  for (const p of ctx.products) byCat.set(p.category, [...(byCat.get(p.category) ?? []), p]);
  const openMs = 10 * HOUR_MS;
  const hoursMs = 11.75 * HOUR_MS;
  const returnSeq = new Map<string, number>();
  let saleIdx = 0;
  let lineCount = 0;
  let payCount = 0;
  let returnCount = 0;
  let block: number[] = [];
  for (let d = 0; d < spec.days; d++) {
    const dayStart = ctx.firstDay + d * DAY_MS;
    const day = localDay(dayStart + 12 * HOUR_MS);
    const n = share(d, spec.sales, spec.days);
    const step = hoursMs / Math.max(1, n);
    for (let j = 0; j < n; j++, saleIdx++) {
      const soldAt = Math.floor(dayStart + openMs + j * step + rng.next() * step * 0.9);
      if (block.length === 0) block = shuffle(rng, [1, 2, 3, 4, 5]);
      const nLines = block.pop() ?? 3;
      const lines: Line[] = [];
      let subtotal = 0;
      for (let k = 1; k <= nLines; k++) {
        const cat = rng.weighted(CATEGORY_WEIGHTS);
        const product = rng.pick(byCat.get(cat) ?? ctx.products);
        const qty = cat === 'accessories' && rng.chance(0.15) ? 2 : 1;
        const lineDiscount = rng.chance(0.1) ? Math.floor((product.priceMinor * qty) / 20) : 0;
        lines.push({ lineNo: k, product, qty, lineDiscount });
        subtotal += product.priceMinor * qty - lineDiscount;
      }
      const orderDiscount = rng.chance(0.1) ? Math.floor(subtotal / 20) : 0;
      const total = subtotal - orderDiscount;
      const customerId = rng.chance(0.6) ? rng.int(1, spec.customers) : null;
      const saleId = `pos-${String(saleIdx + 1).padStart(7, '0')}`;
      const receipt = docNo('S', day, j + 1);
      S.sale.run(
        saleId,
        ctx.storeId,
        receipt,
        customerId,
        soldAt,
        day,
        subtotal,
        orderDiscount,
        total,
        rng.pick(['小王', '小李']),
      );
      for (const l of lines) {
        const serial = l.product.serialized
          ? `SN${(saleIdx * 8 + l.lineNo).toString(36).toUpperCase()}`
          : null;
        S.line.run(
          saleId,
          l.lineNo,
          l.product.id,
          l.product.sku,
          l.product.name,
          l.qty,
          l.product.priceMinor,
          l.lineDiscount,
          serial,
        );
      }
      lineCount += lines.length;
      const tender = rng.weighted(TENDERS);
      if (rng.chance(0.15) && total > 1) {
        const first = Math.floor(total / 2);
        S.pay.run(saleId, 1, tender, first);
        S.pay.run(saleId, 2, tender === 'cash' ? 'wechat' : 'cash', total - first);
        payCount += 2;
      } else {
        S.pay.run(saleId, 1, tender, total);
        payCount++;
      }

      if (spreadPick(saleIdx, spec.returns, spec.sales)) {
        const line = rng.pick(lines);
        const createdAt = Math.min(
          ctx.end - HOUR_MS,
          soldAt + rng.int(1, 25) * DAY_MS + rng.int(0, 4 * HOUR_MS),
        );
        const rday = localDay(createdAt);
        const seq = (returnSeq.get(rday) ?? 0) + 1;
        returnSeq.set(rday, seq);
        const id = docNo('R', rday, seq);
        const gross = line.product.priceMinor * line.qty;
        const net = gross - line.lineDiscount;
        const orderShare = subtotal > 0 ? Math.floor((orderDiscount * net) / subtotal) : 0;
        const refund = net - orderShare;
        const tax = refund - Math.round(refund / 1.13);
        const staffId = rng.pick(ctx.clerks);
        const reason = rng.chance(0.7) ? 'no_reason' : 'performance_fault';
        const grade = reason === 'no_reason' ? 'B-opened' : 'A-defective';
        const disposition = reason === 'no_reason' ? 'open_box' : 'rma_vendor';
        const key = `bench-return-${returnCount + 1}`;
        S.ret.run(id, ctx.storeId, saleId, customerId, createdAt, rday, staffId, reason, refund, key);
        const lineId = S.retLine.run(
          id,
          line.lineNo,
          line.product.id,
          line.product.sku,
          line.product.name,
          line.qty,
          line.product.priceMinor,
          gross,
          line.lineDiscount + orderShare,
          tax,
          refund,
          grade,
          disposition,
          reason === 'no_reason' ? 'no_reason_window' : 'fault_return',
          null,
        ).lastInsertRowid;
        S.insp.run(
          lineId,
          '[{"item":"box","ok":true},{"item":"no_physical_damage","ok":true}]',
          grade,
          staffId,
        );
        S.tender.run(id, tender, refund);
        S.move.run(
          createdAt,
          ctx.storeId,
          line.product.id,
          line.product.sku,
          line.qty,
          disposition,
          id,
          staffId,
        );
        const layout = `{"paper":80,"blocks":[{"kind":"text","text":"${id}"}]}`;
        const jobId = S.job.run(createdAt, id, layout, createdAt, createdAt + 4000, staffId).lastInsertRowid;
        const result = { returnId: id, kind: 'refund', refundTotalMinor: refund, printJobId: Number(jobId) };
        S.idem.run(key, staffId, `h${returnCount}`, JSON.stringify(result), createdAt);
        ctx.audit.append(createdAt, staffId, 'return.committed', 'return', id, {
          kind: 'refund',
          saleId,
          receiptNo: receipt,
          customerId,
          refundTotalMinor: refund,
          tenders: [{ tender, amountMinor: refund }],
          lines: [{ lineNo: line.lineNo, sku: line.product.sku, qty: line.qty, reason, refundMinor: refund }],
          printJobId: Number(jobId),
        });
        returnCount++;
      }
    }
  }
  for (const [day, last] of returnSeq) S.seq.run(ctx.storeId, 'R', day, last);
  return {
    sales: saleIdx,
    sale_lines: lineCount,
    sale_payments: payCount,
    returns: returnCount,
    return_lines: returnCount,
    refund_tenders: returnCount,
  };
}

function shuffle<T>(rng: DemoRng, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    const t = items[i] as T;
    items[i] = items[j] as T;
    items[j] = t;
  }
  return items;
}

interface RepairCtx {
  storeId: number;
  clerks: number[];
  tech: number;
  firstDay: number;
  end: number;
  audit: AuditWriter;
}

const REPAIR_CATEGORIES = [
  'phone',
  'laptop',
  'audio',
  'headphones',
  'small_appliance',
  'large_appliance',
] as const;
const FAULTS = [
  'no_power',
  'not_charging',
  'battery',
  'screen',
  'audio',
  'no_boot',
  'overheating',
  'other',
] as const;
const PATH_REPAIRED = ['received', 'diagnosing', 'repairing', 'testing', 'qc', 'ready', 'picked_up'] as const;
const PATH_WITH_PARTS = [
  'received',
  'diagnosing',
  'awaiting_approval',
  'awaiting_parts',
  'repairing',
  'testing',
  'qc',
  'ready',
  'picked_up',
] as const;

function writeRepairs(db: Database.Database, spec: DatasetSpec, rng: DemoRng, ctx: RepairCtx): DatasetCounts {
  const S = {
    job: db.prepare(
      `INSERT INTO repair_jobs (id, store_id, customer_id, sale_id, category_code, brand, model, serial, fault_code,
         fault_text, intake, passcode_policy, warranty, estimate_minor, deposit_minor, paid_minor, promised_at, status,
         assigned_to, created_at, created_by, business_day, first_diagnosis_at, completed_at, picked_up_at, qc_by,
         idempotency_key)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '', '{}', 'customer_removed', ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    event: db.prepare(
      `INSERT INTO repair_events (job_id, at, staff_id, from_status, to_status, note, data) VALUES (?, ?, ?, ?, ?, '', '{}')`,
    ),
    reading: db.prepare(
      `INSERT INTO meter_readings (at, device_id, job_id, value, unit, fn, overload) VALUES (?, NULL, ?, ?, 'V', 'DCV', 0)`,
    ),
    seq: db.prepare('INSERT INTO number_sequences (store_id, kind, day, last_value) VALUES (?, ?, ?, ?)'),
  };
  const span = ctx.end - ctx.firstDay - DAY_MS;
  const seqByDay = new Map<string, number>();
  let events = 0;
  let readings = 0;
  for (let r = 0; r < spec.repairs; r++) {
    const createdAt = ctx.firstDay + Math.floor(((r + rng.next()) * span) / spec.repairs);
    const day = localDay(createdAt);
    const seq = (seqByDay.get(day) ?? 0) + 1;
    seqByDay.set(day, seq);
    const id = docNo('J', day, seq);
    const category = rng.pick(REPAIR_CATEGORIES);
    const age = ctx.end - createdAt;
    const withParts = rng.chance(0.3);
    const path: readonly string[] = withParts ? PATH_WITH_PARTS : PATH_REPAIRED;
    // Recent jobs are still open: they stop part-way along their path.
    const reached =
      age > 14 * DAY_MS
        ? path.length
        : Math.max(1, Math.min(path.length - 1, Math.floor(age / (2 * DAY_MS)) + 1));
    const times: number[] = [createdAt];
    for (let k = 1; k < reached; k++)
      times.push(Math.min(ctx.end - 60_000, (times[k - 1] ?? createdAt) + rng.int(1, 30) * HOUR_MS));
    const status = path[reached - 1] ?? 'received';
    const at = (s: string) => {
      const k = path.indexOf(s);
      return k >= 0 && k < reached ? (times[k] ?? null) : null;
    };
    const estimate = rng.int(50, 800) * 100;
    S.job.run(
      id,
      ctx.storeId,
      rng.chance(0.8) ? rng.int(1, spec.customers) : null,
      null,
      category,
      rng.pick(BRANDS[category] ?? ['品牌']),
      `M${rng.int(100, 999)}`,
      `RS${r.toString(36).toUpperCase()}`,
      rng.pick(FAULTS),
      rng.chance(0.3) ? 'sanbao' : 'none',
      estimate,
      status === 'picked_up' ? estimate : 0,
      createdAt + 5 * DAY_MS,
      status,
      ctx.tech,
      createdAt,
      rng.pick(ctx.clerks),
      day,
      at('diagnosing'),
      at('ready'),
      at('picked_up'),
      at('qc') === null ? null : ctx.tech,
      `bench-repair-${r + 1}`,
    );
    ctx.audit.append(createdAt, ctx.clerks[0] ?? 1, 'repair.intake', 'repair_job', id, {
      category,
      status: 'received',
    });
    S.event.run(id, createdAt, ctx.clerks[0] ?? 1, null, 'received');
    events++;
    for (let k = 1; k < reached; k++) {
      const t = times[k] ?? createdAt;
      S.event.run(id, t, ctx.tech, path[k - 1], path[k]);
      ctx.audit.append(t, ctx.tech, 'repair.transition', 'repair_job', id, {
        from: path[k - 1],
        to: path[k],
      });
      events++;
    }
    const testingAt = at('testing');
    const n = share(r, spec.meterReadings, spec.repairs);
    const base = testingAt ?? createdAt;
    for (let k = 0; k < n; k++) {
      S.reading.run(base + k * 500, id, Math.round((12 + (rng.next() - 0.5) * 0.2) * 1000) / 1000);
    }
    readings += n;
  }
  for (const [day, last] of seqByDay) S.seq.run(ctx.storeId, 'J', day, last);
  return { repair_jobs: spec.repairs, repair_events: events, meter_readings: readings };
}
