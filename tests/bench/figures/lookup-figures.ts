/**
 * Customer lookups at the counter: a sale found by the customer's phone suffix (last 4 digits) or
 * name prefix, through the real dispatcher (`sales.search`: validation, session, permission, output
 * check), against the same SQL as one raw prepared statement in the same run. Each series stops at
 * its count or its time budget, whichever comes first (a full scan at 1M sales must not take the
 * bench hostage). When the plan shows a scan of `customers`, the figures are measured again after
 * creating the proposed NOCASE indexes on the bench's working copy (PROPOSED_INDEXES), to show
 * what they change; the shipped schema is the first measurement.
 */
import type { SqliteDb } from '../../../db/open';
import { likePrefix } from '../../../db/repositories/customers/phone';
import type { Figure } from '../harness';
import { percentile } from '../harness';
import type { BenchSession } from './bench-session';

const SELECT = `SELECT s.id, s.receipt_no AS receiptNo, s.sold_at AS soldAt, s.total_minor AS totalMinor,
  c.name AS customerName, (SELECT count(*) FROM sale_lines l WHERE l.sale_id = s.id) AS lineCount
  FROM sales s LEFT JOIN customers c ON c.id = s.customer_id`;

/** The service's own SQL (db/repositories/sales/search-sales.ts). */
const SQL = {
  phone: `${SELECT} WHERE s.store_id = ? AND s.customer_id IN
         (SELECT id FROM customers WHERE phone_rev LIKE ? ESCAPE '\\' LIMIT 50)
       ORDER BY s.sold_at DESC LIMIT ?`,
  name: `${SELECT} WHERE s.store_id = ? AND s.customer_id IN
         (SELECT id FROM customers WHERE name LIKE ? ESCAPE '\\' LIMIT 50)
       ORDER BY s.sold_at DESC LIMIT ?`,
} as const;

/**
 * LIKE is case-insensitive, so SQLite can only turn `LIKE 'abc%'` into an index range on an index
 * with NOCASE collation; the shipped BINARY indexes are scanned whole. These make both lookups ranges.
 */
export const PROPOSED_INDEXES = [
  'CREATE INDEX customers_phone_rev_nocase ON customers (phone_rev COLLATE NOCASE)',
  'CREATE INDEX customers_name_nocase ON customers (name COLLATE NOCASE)',
] as const;

/** The query plan of a statement, one line (to explain a miss). */
export function planOf(db: SqliteDb, sql: string, ...params: unknown[]): string {
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[])
    .map((r) => r.detail)
    .join(' | ');
}

/** Runs `fn` up to `n` times or until `budgetMs` is spent (at least `min` runs); sorted ms. */
async function timeBudgeted(
  n: number,
  budgetMs: number,
  fn: (i: number) => unknown,
  min = 100,
): Promise<number[]> {
  for (let i = 0; i < Math.min(20, n); i++) await fn(i);
  const out: number[] = [];
  const stop = performance.now() + budgetMs;
  for (let i = 0; i < n && (i < min || performance.now() < stop); i++) {
    const t = performance.now();
    await fn(i);
    out.push(performance.now() - t);
  }
  return out.sort((a, b) => a - b);
}

async function measure(s: BenchSession, quick: boolean, suffixes: string[], prefixes: string[], tag: string) {
  const db = s.core.ctx.db.sqlite;
  const storeId = s.core.ctx.storeId;
  const n = quick ? 500 : 5000;
  const budget = quick ? 3000 : 15_000;
  const figures: Figure[] = [];
  for (const [key, label, values] of [
    ['phone', 'customer lookup by phone suffix', suffixes],
    ['name', 'customer lookup by name prefix', prefixes],
  ] as const) {
    const service = await timeBudgeted(n, budget, (i) =>
      s.call('sales.search', { [key]: values[i % values.length] }),
    );
    const stmt = db.prepare(SQL[key]);
    const param = (v: string) => likePrefix(key === 'phone' ? v.split('').reverse().join('') : v);
    const rawTimes = await timeBudgeted(n, budget, (i) =>
      stmt.all(storeId, param(values[i % values.length] ?? ''), 20),
    );
    const p99 = percentile(service, 99);
    const rawP99 = percentile(rawTimes, 99);
    const plan = planOf(db, SQL[key], storeId, param(values[0] ?? ''), 20);
    figures.push({
      name: `${label}${tag} p99`,
      value: p99,
      unit: 'ms',
      target: { op: '<=', value: 5 },
      ratio: { value: p99 / rawP99, baseline: 'raw statement p99' },
      note: `p50 ${percentile(service, 50).toFixed(3)} ms, ${service.length} calls; ${/SCAN customers/.test(plan) ? 'plan: SCAN customers (whole index)' : 'plan: index range on customers'}`,
    });
    figures.push({ name: `${label}${tag} (raw statement) p99`, value: rawP99, unit: 'ms' });
  }
  return figures;
}

/** Phone-suffix and name-prefix lookups, service p99 vs raw p99 (and with the proposed indexes when they would help). */
export async function lookupFigures(s: BenchSession, quick: boolean): Promise<Figure[]> {
  const db = s.core.ctx.db.sqlite;
  const sample = db
    .prepare(
      'SELECT phone, name FROM customers WHERE phone IS NOT NULL ORDER BY (id * 7919) % 1000003 LIMIT 1000',
    )
    .all() as { phone: string; name: string }[];
  const suffixes = sample.map((c) => c.phone.slice(-4));
  const prefixes = sample.map((c) => c.name.slice(0, 2));
  const figures = await measure(s, quick, suffixes, prefixes, '');
  const scans = /SCAN customers/.test(planOf(db, SQL.phone, 1, '1%', 20) + planOf(db, SQL.name, 1, 'a%', 20));
  if (scans) {
    for (const sql of PROPOSED_INDEXES) db.exec(sql);
    db.exec('ANALYZE customers');
    figures.push(...(await measure(s, quick, suffixes, prefixes, ' (with proposed NOCASE index)')));
  }
  return figures;
}
