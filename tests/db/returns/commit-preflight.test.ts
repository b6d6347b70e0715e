/**
 * A commit prepares its quote and slip just before it takes the write lock and reuses them only when
 * no other connection has committed since. These tests put another connection's commit exactly in
 * that gap (after the preparing read transaction, before BEGIN IMMEDIATE): the same line returned from
 * another window must not be refunded twice, and a number drawn elsewhere must not end up on the slip.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { composeCore, type Core } from '../../../core/compose';
import { commitReturn } from '../../../core/services/returns/commit';
import { canonicalJson } from '../../../db/audit/canonical';
import type { SqliteDb } from '../../../db/open';
import { storeFacts } from '../../../db/repositories/store/store-facts';
import { methods, type MethodInput } from '../../../shared/contract';
import { receiptDocumentSchema } from '../../../shared/domain/receipt/layout';
import { auditOk, counts, inspection, makeReturnsFixture, NOW, type ReturnsFixture } from './returns-fixture';

let f: ReturnsFixture;
let other: Core;
beforeEach(async () => {
  f = await makeReturnsFixture();
  other = composeCore({ dataDir: f.dataDir, host: 'cli', now: () => NOW, log: { error: () => undefined } });
});
afterEach(() => {
  other.close();
  f.close();
});

function cable(key: string): MethodInput<'returns.commit'> {
  return {
    receiptNo: f.receipts.returnWithReceipt,
    resolution: 'refund',
    lines: [{ lineNo: 2, qty: 1, reason: 'no_reason', inspection: inspection('accessories') }],
    idempotencyKey: key,
    expectedTotalMinor: 5_310,
  };
}

/**
 * Runs `between` once, right after the next read-only transaction on `db` ends (the commit's
 * preparation) and before its write transaction begins. Returns whether it ran.
 */
function inTheGap(db: SqliteDb, between: () => void): { ran: () => boolean; restore: () => void } {
  let ran = false;
  const original = db.transaction.bind(db);
  const patched = ((fn: (...args: unknown[]) => unknown) => {
    const tx = original(fn);
    const deferred = (...args: unknown[]) => {
      const result = tx(...args);
      if (!ran) {
        ran = true;
        between();
      }
      return result;
    };
    return Object.assign(deferred, {
      deferred: tx.deferred,
      immediate: tx.immediate,
      exclusive: tx.exclusive,
    });
  }) as unknown as SqliteDb['transaction'];
  (db as unknown as { transaction: unknown }).transaction = patched;
  return {
    ran: () => ran,
    restore: () => {
      delete (db as unknown as { transaction?: unknown }).transaction;
    },
  };
}

function clerk(db: SqliteDb): { id: number; name: string } {
  return db.prepare("SELECT id, name FROM staff WHERE code = 'C001'").get() as { id: number; name: string };
}

describe('commit: work prepared before the write lock', () => {
  it('another window returning the same line in the gap: refused, refunded once', async () => {
    const odb = other.ctx.db.sqlite;
    const gap = inTheGap(f.db, () => {
      // The other window's request as the dispatcher hands it over (defaults filled in).
      const input = methods['returns.commit'].input.parse(cable('other-window-1'));
      const { db, storeId } = other.ctx;
      const r = commitReturn({ db, store: storeFacts(db, storeId), now: NOW, staff: clerk(odb) }, input);
      expect(r.returnId).toBe('R-20261123-0001');
    });
    const e = await f.fail(f.clerk, 'returns.commit', cable('this-window-1'));
    gap.restore();
    expect(gap.ran()).toBe(true);
    expect(e).toMatchObject({ code: 'REFUND_QTY_EXCEEDS_REMAINING' });
    const refunded = f.db
      .prepare(
        `SELECT count(*) AS n, sum(rl.refund_minor) AS minor FROM returns r JOIN return_lines rl ON rl.return_id = r.id
         JOIN sales s ON s.id = r.sale_id WHERE s.receipt_no = ? AND rl.sale_line_no = 2`,
      )
      .get(f.receipts.returnWithReceipt);
    expect(refunded).toEqual({ n: 1, minor: 5_310 });
    expect(auditOk(f.db)).toBe(true);
  });

  it('a number drawn elsewhere in the gap: the return and its slip carry the next one', async () => {
    const odb = other.ctx.db.sqlite;
    const gap = inTheGap(f.db, () => {
      odb
        .prepare(
          `INSERT INTO number_sequences (store_id, kind, day, last_value) VALUES (?, 'R', '2026-11-23', 1)
           ON CONFLICT(store_id, kind, day) DO UPDATE SET last_value = last_value + 1`,
        )
        .run(other.ctx.storeId);
    });
    const before = counts(f.db);
    const r = await f.call(f.clerk, 'returns.commit', cable('this-window-2'));
    gap.restore();
    expect(gap.ran()).toBe(true);
    expect(r.returnId).toBe('R-20261123-0002');
    const job = f.db.prepare('SELECT layout FROM print_jobs WHERE id = ?').get(r.printJobId) as {
      layout: string;
    };
    const doc = receiptDocumentSchema.parse(JSON.parse(job.layout));
    expect(doc.blocks.flatMap((b) => (b.kind === 'qr' ? [b.data] : []))).toEqual([
      'R-20261123-0002',
      'R-20261123-0002',
    ]);
    expect(job.layout).not.toContain('R-20261123-0001');
    expect(counts(f.db).returns).toBe(before.returns + 1);

    // Nothing in between: the next commit's prepared slip names the number it gets.
    const next = await f.call(f.clerk, 'returns.commit', {
      ...cable('this-window-3'),
      receiptNo: f.receipts.kettlePromo,
      lines: [{ lineNo: 1, qty: 1, reason: 'no_reason', inspection: inspection('small_appliance') }],
      expectedTotalMinor: 9_900,
    });
    expect(next.returnId).toBe('R-20261123-0003');
    const nextJob = f.db.prepare('SELECT layout FROM print_jobs WHERE id = ?').get(next.printJobId) as {
      layout: string;
    };
    const nextDoc = receiptDocumentSchema.parse(JSON.parse(nextJob.layout));
    expect(nextDoc.blocks.flatMap((b) => (b.kind === 'qr' ? [b.data] : []))).toEqual([
      'R-20261123-0003',
      'R-20261123-0003',
    ]);
    expect(auditOk(f.db)).toBe(true);

    // Both audit rows (lists serialised inside for 0002, before the lock for 0003) are canonical JSON
    // of what the return did.
    const audit = (id: string) => {
      const row = f.db
        .prepare(`SELECT data FROM audit_log WHERE action = 'return.committed' AND entity_id = ?`)
        .get(id) as { data: string };
      expect(canonicalJson(JSON.parse(row.data))).toBe(row.data);
      return JSON.parse(row.data) as Record<string, unknown>;
    };
    expect(audit('R-20261123-0002')).toMatchObject({
      printJobId: r.printJobId,
      tenders: [{ amountMinor: 5_310 }],
      lines: [{ lineNo: 2, qty: 1, refundMinor: 5_310 }],
      stockMoves: [{ qtyDelta: 1 }],
      exchangeItems: [],
    });
    expect(audit('R-20261123-0003')).toMatchObject({
      printJobId: next.printJobId,
      tenders: [{ tender: 'cash', amountMinor: 9_900 }],
      lines: [{ lineNo: 1, qty: 1, refundMinor: 9_900 }],
      stockMoves: [{ qtyDelta: 1, bucket: 'sellable' }],
      exchangeItems: [],
    });
  });
});
