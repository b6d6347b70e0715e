/**
 * Return commit at store scale: `returns.commit` through the real dispatcher (validation, session,
 * permission, idempotency check, policy + inspection + refund quote re-run, number allocation, rows,
 * stock moves, slip print job, hash-chained audit row) in one IMMEDIATE transaction with
 * synchronous=FULL, against a bare one-row insert transaction on the same file in the same run.
 * Each commit is a different recent sale (no replays); quotes are taken before the timing starts.
 * Each timed commit is also split (no target): until BEGIN IMMEDIATE has returned, inside the
 * transaction (what holds the write lock), COMMIT (WAL append + fsync), and after.
 * WAL pages per commit: how much the WAL file grew over each commit, in frames (page + frame header),
 * counted only when it grew (a checkpoint may restart the WAL from its beginning).
 */
import { statSync } from 'node:fs';
import { checklistFor } from '../../../shared/domain/returns/checklists';
import type { Figure } from '../harness';
import { percentile } from '../harness';
import type { BenchSession } from './bench-session';

interface Candidate {
  receiptNo: string;
  lineNo: number;
  qty: number;
  category: string;
}

interface Quote {
  commit: string;
  manager: { required: boolean };
  totals: { totalMinor: number };
}

function hr(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

/** Where one commit's time went (ms): before BEGIN returns, inside the transaction, COMMIT, after. */
interface Phases {
  before: number;
  inTx: number;
  commit: number;
  after: number;
}

type TxFn = ((...args: unknown[]) => unknown) & {
  deferred: (...args: unknown[]) => unknown;
  immediate: (...args: unknown[]) => unknown;
  exclusive: (...args: unknown[]) => unknown;
};

/**
 * Wraps `db.transaction` on the bench connection so every outermost transaction records when its
 * function started (after BEGIN), when it returned (before COMMIT) and when COMMIT returned. The
 * app's code is unchanged; the wrapper costs a few hrtime reads per commit.
 */
function markTransactions(db: BenchSession['core']['ctx']['db']['sqlite']) {
  const marks = { in: 0, out: 0, done: 0 };
  let depth = 0;
  const original = db.transaction.bind(db) as unknown as (fn: (...args: unknown[]) => unknown) => TxFn;
  const patched = (fn: (...args: unknown[]) => unknown): TxFn => {
    const tx = original(function (this: unknown, ...args: unknown[]) {
      const outer = depth === 0;
      depth++;
      if (outer) marks.in = hr();
      try {
        return fn.apply(this, args);
      } finally {
        depth--;
        if (outer) marks.out = hr();
      }
    });
    const timed =
      (variant: (...args: unknown[]) => unknown) =>
      (...args: unknown[]) => {
        const outer = depth === 0;
        const r = variant(...args);
        if (outer) marks.done = hr();
        return r;
      };
    return Object.assign(timed(tx), {
      deferred: timed(tx.deferred),
      immediate: timed(tx.immediate),
      exclusive: timed(tx.exclusive),
    });
  };
  (db as unknown as { transaction: unknown }).transaction = patched;
  return {
    marks,
    restore: () => {
      delete (db as unknown as { transaction?: unknown }).transaction;
    },
  };
}

/** Recent sales with a generic-retail line that has not come back yet. */
function candidates(s: BenchSession, count: number): Candidate[] {
  const db = s.core.ctx.db.sqlite;
  const lastDay = (db.prepare('SELECT max(business_day) AS d FROM sales').get() as { d: string }).d;
  const from = new Date(Date.parse(`${lastDay}T00:00:00Z`) - 4 * 86_400_000).toISOString().slice(0, 10);
  return db
    .prepare(
      `SELECT s.receipt_no AS receiptNo, min(l.line_no) AS lineNo, l.qty AS qty, c.code AS category
       FROM sales s JOIN sale_lines l ON l.sale_id = s.id JOIN products p ON p.id = l.product_id
       JOIN categories c ON c.id = p.category_id
       WHERE s.business_day >= ? AND c.code IN ('accessories', 'headphones', 'small_appliance')
         AND NOT EXISTS (SELECT 1 FROM returns r WHERE r.sale_id = s.id)
       GROUP BY s.id ORDER BY s.sold_at DESC LIMIT ?`,
    )
    .all(from, count) as Candidate[];
}

function request(c: Candidate) {
  return {
    receiptNo: c.receiptNo,
    resolution: 'refund',
    lines: [
      {
        lineNo: c.lineNo,
        qty: c.qty,
        reason: 'no_reason',
        inspection: {
          grade: 'A-new',
          accessoriesComplete: true,
          packagingIntact: true,
          checklist: checklistFor(c.category).map((item) => ({ item, ok: true })),
        },
      },
    ],
  };
}

/** The WAL file's size in bytes (0 when there is none). */
function walBytes(path: string): number {
  try {
    return statSync(`${path}-wal`).size;
  } catch {
    return 0;
  }
}

/** The bare baseline: one-row insert transactions, synchronous=FULL, sorted ms. */
export function bareCommitTimes(s: BenchSession, n: number): number[] {
  const db = s.core.ctx.db.sqlite;
  const ins = db.prepare(
    `INSERT INTO idempotency_keys (key, method, request_hash, result, created_at) VALUES (?, 'bench.bare', 'h', '{}', 0)`,
  );
  const tx = db.transaction((k: string) => ins.run(k));
  const out: number[] = [];
  for (let i = 0; i < n + 50; i++) {
    const t = hr();
    tx(`bench-bare-${process.pid}-${i}-${t}`);
    if (i >= 50) out.push(hr() - t);
  }
  db.prepare(`DELETE FROM idempotency_keys WHERE method = 'bench.bare'`).run();
  return out.sort((a, b) => a - b);
}

/** Return commit p50/p99 and its ratio to the bare one-row commit. */
export async function commitFigures(s: BenchSession, quick: boolean): Promise<Figure[]> {
  const sync = s.core.ctx.db.sqlite.pragma('synchronous', { simple: true });
  const warmup = quick ? 30 : 200;
  const n = quick ? 300 : 2000;
  const ready: { input: ReturnType<typeof request>; total: number }[] = [];
  for (const c of candidates(s, Math.ceil((n + warmup) * 1.5))) {
    const input = request(c);
    const q = (await s.call('returns.quote', input)) as Quote;
    if (q.commit === 'ready' && !q.manager.required) ready.push({ input, total: q.totals.totalMinor });
    if (ready.length >= n + warmup) break;
  }
  const times: number[] = [];
  const phases: Phases[] = [];
  const walPages: number[] = [];
  const dbPath = s.core.ctx.db.path;
  const frameBytes = Number(s.core.ctx.db.sqlite.pragma('page_size', { simple: true })) + 24;
  const mark = markTransactions(s.core.ctx.db.sqlite);
  let k = 0;
  for (const r of ready) {
    const input = {
      ...r.input,
      idempotencyKey: `bench-commit-${process.pid}-${k}`,
      expectedTotalMinor: r.total,
    };
    const walBefore = walBytes(dbPath);
    const t = hr();
    const out = (await s.call('returns.commit', input)) as { replayed: boolean };
    const end = hr();
    const dt = end - t;
    const grew = walBytes(dbPath) - walBefore;
    if (out.replayed) throw new Error('bench commit was replayed');
    if (k >= warmup) {
      times.push(dt);
      const m = mark.marks;
      phases.push({ before: m.in - t, inTx: m.out - m.in, commit: m.done - m.out, after: end - m.done });
      if (grew > 0) walPages.push(Math.round(grew / frameBytes));
    }
    k++;
  }
  mark.restore();
  times.sort((a, b) => a - b);
  const phase = (key: keyof Phases) => phases.map((x) => x[key]).sort((a, b) => a - b);
  const split = (key: keyof Phases, label: string): Figure[] => {
    const v = phase(key);
    return [
      { name: `commit split: ${label} p50`, value: percentile(v, 50), unit: 'ms' },
      { name: `commit split: ${label} p99`, value: percentile(v, 99), unit: 'ms' },
    ];
  };
  walPages.sort((a, b) => a - b);
  const bare = bareCommitTimes(s, Math.max(300, times.length));
  const p99 = percentile(times, 99);
  const bareP99 = percentile(bare, 99);
  return [
    { name: 'return commit p50', value: percentile(times, 50), unit: 'ms', note: `${times.length} commits` },
    {
      name: 'return commit p99',
      value: p99,
      unit: 'ms',
      target: { op: '<=', value: 3 },
      ratio: { value: p99 / bareP99, baseline: 'bare one-row commit p99', target: 5 },
      note: `synchronous=${String(sync)} (2 = FULL)`,
    },
    ...split('before', 'until BEGIN IMMEDIATE done'),
    ...split('inTx', 'inside the transaction'),
    ...split('commit', 'COMMIT (WAL fsync)'),
    ...split('after', 'after COMMIT'),
    {
      name: 'return commit WAL pages p50',
      value: percentile(walPages, 50),
      unit: 'pages',
      note: `max ${walPages.at(-1) ?? NaN}, ${walPages.length} commits that grew the WAL`,
    },
    { name: 'bare one-row commit p50', value: percentile(bare, 50), unit: 'ms' },
    { name: 'bare one-row commit p99', value: bareP99, unit: 'ms', note: 'baseline' },
  ];
}
