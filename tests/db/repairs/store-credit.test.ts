/**
 * Store credit is one ledger (issue #13): a repair deposit or pickup paid with store credit debits
 * `store_credit_ledger` in the same transaction as the payment and its audit row, is refused above
 * the balance (STORE_CREDIT_INSUFFICIENT, nothing written), is debited once per idempotency key,
 * and a gift card (no issuer to check its balance with) is not accepted at all.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../../db/client';
import {
  codeCredit,
  creditStoreCredit,
  customerCreditBalance,
} from '../../../db/repositories/store-credit/ledger';
import { AppError } from '../../../shared/contract/errors';
import { repairCategory } from '../../../shared/domain/repairs/categories';
import { spendStoreCredit } from '../../../core/services/repairs/store-credit';
import { pngDataUrl, signaturePng } from '../../helpers/png';
import { contractApi, makeCore, type CoreFixture } from '../../helpers/core-fixture';

const T0 = Date.UTC(2026, 10, 23, 2);

const intakeInput = (key: string, serial: string, deposit: unknown = null) => ({
  idempotencyKey: `intake-${key}`,
  customer: { name: '李娜', phone: '13600002222' },
  device: { categoryCode: 'phone', brand: '小米', model: '14', serial },
  fault: { code: 'screen', text: '屏幕碎裂' },
  condition: repairCategory('phone').checklist.map((item) => ({ item, state: 'ok', note: '' })),
  accessoriesLeft: [],
  passcode: { policy: 'none' },
  estimateMinor: 10000,
  deposit,
  signature: pngDataUrl(signaturePng(160, 48, 3)),
  termsAccepted: true,
});

const pickupInput = (jobId: string, key: string, payment: unknown) => ({
  jobId,
  idempotencyKey: `pickup-${key}`,
  payment,
  signature: pngDataUrl(signaturePng(160, 48, 4)),
  csat: 5,
  nps: 10,
});

function count(f: CoreFixture, sql: string, ...args: unknown[]): number {
  return (f.core.ctx.db.sqlite.prepare(sql).get(...args) as { n: number }).n;
}

/** A received job moved straight to ready (the lifecycle is tested elsewhere). */
async function readyJob(f: CoreFixture, serial: string): Promise<{ jobId: string; customerId: number }> {
  const { ok } = contractApi(f);
  const clerk = await f.as('C001');
  const r = await ok(clerk, 'repairs.intake', intakeInput(`in-${serial}`, serial));
  f.core.ctx.db.sqlite.prepare("UPDATE repair_jobs SET status = 'ready' WHERE id = ?").run(r.job.id);
  const { customer_id } = f.core.ctx.db.sqlite
    .prepare('SELECT customer_id FROM repair_jobs WHERE id = ?')
    .get(r.job.id) as { customer_id: number };
  return { jobId: r.job.id, customerId: customer_id };
}

function credit(f: CoreFixture, customerId: number | null, code: string, amountMinor: number): void {
  const db = f.core.ctx.db;
  db.transaction(() =>
    creditStoreCredit(db, {
      at: T0,
      customerId,
      creditCode: code,
      amountMinor,
      refType: 'return',
      refId: code,
    }),
  );
}

describe('store credit at repair pickup and deposit', () => {
  it('refuses a pickup above the balance and writes nothing; within it, debits the ledger once with the audit row', async () => {
    const f = makeCore({ now: T0 });
    try {
      const { ok } = contractApi(f);
      const clerk = await f.as('C001');
      const { jobId, customerId } = await readyJob(f, '861234560009001');
      credit(f, customerId, 'R-20261120-0001', 6000);
      const before = {
        ledger: count(f, 'SELECT count(*) AS n FROM store_credit_ledger'),
        audit: count(f, 'SELECT count(*) AS n FROM audit_log'),
        attachments: count(f, 'SELECT count(*) AS n FROM attachments'),
      };

      // 100.00 due, 60.00 of credit: refused with the balance and the amount asked, nothing written.
      const r = await f.core.dispatcher.call(
        clerk,
        'repairs.pickup',
        pickupInput(jobId, 'pk-over', { tender: 'store_credit', amountMinor: 10000 }),
      );
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('STORE_CREDIT_INSUFFICIENT');
        expect(r.error.details).toEqual({ balanceMinor: 6000, askedMinor: 10000 });
      }
      expect(count(f, 'SELECT count(*) AS n FROM store_credit_ledger')).toBe(before.ledger);
      expect(count(f, 'SELECT count(*) AS n FROM audit_log')).toBe(before.audit);
      expect(count(f, 'SELECT count(*) AS n FROM attachments')).toBe(before.attachments);
      expect(count(f, "SELECT count(*) AS n FROM idempotency_keys WHERE key = 'pickup-pk-over'")).toBe(0);
      expect(await ok(clerk, 'repairs.get', { jobId })).toMatchObject({
        status: 'ready',
        storeCreditBalanceMinor: 6000, // what the pickup panel shows and offers
      });
      expect(customerCreditBalance(f.core.ctx.db, customerId)).toBe(6000);

      // Top up to 150.00: the 100.00 pickup debits it, one negative row, the audit row names it.
      credit(f, customerId, 'R-20261121-0002', 9000);
      const payment = { tender: 'store_credit', amountMinor: 10000 };
      const done = await ok(clerk, 'repairs.pickup', pickupInput(jobId, 'pk-1', payment));
      expect(done.job.status).toBe('picked_up');
      expect(customerCreditBalance(f.core.ctx.db, customerId)).toBe(5000);
      const debits = f.core.ctx.db.sqlite
        .prepare(
          "SELECT credit_code AS code, amount_minor AS a, customer_id AS c FROM store_credit_ledger WHERE ref_type = 'repair_pickup' AND ref_id = ? ORDER BY id",
        )
        .all(jobId);
      // Oldest slip first: 60.00 from the first, 40.00 from the second; no slip below zero.
      expect(debits).toEqual([
        { code: 'R-20261120-0001', a: -6000, c: customerId },
        { code: 'R-20261121-0002', a: -4000, c: customerId },
      ]);
      expect(codeCredit(f.core.ctx.db, 'R-20261120-0001')?.balanceMinor).toBe(0);
      expect(codeCredit(f.core.ctx.db, 'R-20261121-0002')?.balanceMinor).toBe(5000);
      const audit = f.core.ctx.db.sqlite
        .prepare(
          "SELECT data FROM audit_log WHERE entity_id = ? AND action = 'repair.transition' ORDER BY id DESC",
        )
        .get(jobId) as { data: string };
      expect(JSON.parse(audit.data)).toMatchObject({
        to: 'picked_up',
        payment: { tender: 'store_credit', amountMinor: 10000 },
        storeCreditSpent: [
          { code: 'R-20261120-0001', amountMinor: 6000 },
          { code: 'R-20261121-0002', amountMinor: 4000 },
        ],
      });

      // Replayed with the same key: the stored result, no second debit.
      const again = await ok(clerk, 'repairs.pickup', pickupInput(jobId, 'pk-1', payment));
      expect(again.replayed).toBe(true);
      expect(count(f, "SELECT count(*) AS n FROM store_credit_ledger WHERE ref_type = 'repair_pickup'")).toBe(
        2,
      );
      expect(customerCreditBalance(f.core.ctx.db, customerId)).toBe(5000);
    } finally {
      f.close();
    }
  });

  it('two pickups racing for the same credit: the second sees the debited balance and is refused', async () => {
    const f = makeCore({ now: T0 });
    try {
      const clerk = await f.as('C001');
      const other = await f.as('C001');
      const a = await readyJob(f, '861234560009101');
      const b = await readyJob(f, '861234560009102');
      expect(b.customerId).toBe(a.customerId); // same phone, same customer
      credit(f, a.customerId, 'R-20261120-0009', 15000);
      const pay = { tender: 'store_credit', amountMinor: 10000 };
      const [r1, r2] = await Promise.all([
        f.core.dispatcher.call(clerk, 'repairs.pickup', pickupInput(a.jobId, 'race-a', pay)),
        f.core.dispatcher.call(other, 'repairs.pickup', pickupInput(b.jobId, 'race-b', pay)),
      ]);
      const codes = [r1, r2].map((r) => (r.ok ? 'ok' : r.error.code)).sort();
      expect(codes).toEqual(['STORE_CREDIT_INSUFFICIENT', 'ok']);
      expect(customerCreditBalance(f.core.ctx.db, a.customerId)).toBe(5000);
      // A named slip of another customer is refused, a slip spends at most its own balance.
      const stranger = 'R-20261120-0077';
      credit(f, null, stranger, 1000);
      const { code } = contractApi(f);
      const loser = r1.ok ? b.jobId : a.jobId;
      expect(
        await code(clerk, 'repairs.pickup', pickupInput(loser, 'slip-1', { ...pay, creditCode: stranger })),
      ).toBe('STORE_CREDIT_INSUFFICIENT');
    } finally {
      f.close();
    }
  });

  it('a slip issued to another customer cannot pay the job; a deposit in store credit is debited at intake', async () => {
    const f = makeCore({ now: T0 });
    try {
      const { ok, code } = contractApi(f);
      const clerk = await f.as('C001');
      const { jobId, customerId } = await readyJob(f, '861234560009201');
      const someoneElse = (
        f.core.ctx.db.sqlite
          .prepare(
            "INSERT INTO customers (name, phone, created_at) VALUES ('赵六', '13900009999', ?) RETURNING id",
          )
          .get(T0) as { id: number }
      ).id;
      credit(f, someoneElse, 'R-20261120-0100', 50000);
      expect(
        await code(
          clerk,
          'repairs.pickup',
          pickupInput(jobId, 'other-1', {
            tender: 'store_credit',
            amountMinor: 10000,
            creditCode: 'r-20261120-0100',
          }),
        ),
      ).toBe('STORE_CREDIT_OTHER_CUSTOMER');
      expect(customerCreditBalance(f.core.ctx.db, someoneElse)).toBe(50000);

      credit(f, customerId, 'R-20261120-0101', 3000);
      const dep = await ok(
        clerk,
        'repairs.intake',
        intakeInput('dep-1', '861234560009202', { tender: 'store_credit', amountMinor: 3000 }),
      );
      expect(dep.job.depositMinor).toBe(3000);
      expect(customerCreditBalance(f.core.ctx.db, customerId)).toBe(0);
      expect(
        await code(
          clerk,
          'repairs.intake',
          intakeInput('dep-2', '861234560009203', { tender: 'store_credit', amountMinor: 1 }),
        ),
      ).toBe('STORE_CREDIT_INSUFFICIENT');
      expect(count(f, "SELECT count(*) AS n FROM repair_jobs WHERE serial = '861234560009203'")).toBe(0);
    } finally {
      f.close();
    }
  });

  it('a gift card is not accepted for a deposit or a pickup (core cannot check its balance)', async () => {
    const f = makeCore({ now: T0 });
    try {
      const { code } = contractApi(f);
      const clerk = await f.as('C001');
      expect(
        await code(
          clerk,
          'repairs.intake',
          intakeInput('gc-1', '861234560009301', { tender: 'gift_card', amountMinor: 3000 }),
        ),
      ).toBe('INVALID_INPUT');
      expect(count(f, 'SELECT count(*) AS n FROM repair_jobs')).toBe(0);
      const { jobId } = await readyJob(f, '861234560009302');
      expect(
        await code(
          clerk,
          'repairs.pickup',
          pickupInput(jobId, 'gc-2', { tender: 'gift_card', amountMinor: 10000 }),
        ),
      ).toBe('INVALID_INPUT');
      // A credit code with another tender is refused too.
      expect(
        await code(
          clerk,
          'repairs.pickup',
          pickupInput(jobId, 'gc-3', { tender: 'cash', amountMinor: 10000, creditCode: 'R-1' }),
        ),
      ).toBe('INVALID_INPUT');
    } finally {
      f.close();
    }
  });
});

describe('the ledger under any sequence of credits and debits', () => {
  it('never goes negative and every balance equals the ledger sum', () => {
    const customers = [1, 2, null] as const;
    const op = fc.oneof(
      fc.record({
        kind: fc.constant('credit' as const),
        who: fc.constantFrom(...customers),
        amount: fc.integer({ min: 1, max: 50_000 }),
      }),
      fc.record({
        kind: fc.constant('debit' as const),
        who: fc.constantFrom(...customers),
        byCode: fc.boolean(),
        codeIndex: fc.nat(),
        amount: fc.integer({ min: 1, max: 60_000 }),
      }),
    );
    const dir = mkdtempSync(join(tmpdir(), 'cd-credit-'));
    const db = openDatabase(join(dir, 'store.db'));
    db.sqlite
      .prepare(
        "INSERT INTO customers (id, name, phone, created_at) VALUES (1, 'a', '13000000001', 0), (2, 'b', '13000000002', 0)",
      )
      .run();
    try {
      fc.assert(
        fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
          db.sqlite.prepare('DELETE FROM store_credit_ledger').run();
          {
            const codes: { code: string; who: number | null }[] = [];
            let n = 0;
            for (const o of ops) {
              n += 1;
              if (o.kind === 'credit') {
                const code = `R-20260101-${String(n).padStart(4, '0')}`;
                codes.push({ code, who: o.who });
                db.transaction(() =>
                  creditStoreCredit(db, {
                    at: n,
                    customerId: o.who,
                    creditCode: code,
                    amountMinor: o.amount,
                    refType: 'return',
                    refId: code,
                  }),
                );
              } else {
                const slip = codes.length > 0 && o.byCode ? codes[o.codeIndex % codes.length] : undefined;
                const payment = {
                  tender: 'store_credit',
                  amountMinor: o.amount,
                  ...(slip ? { creditCode: slip.code } : {}),
                };
                const before = Number(
                  db.sqlite.prepare('SELECT count(*) AS n FROM store_credit_ledger').pluck().get(),
                );
                try {
                  db.transaction(
                    () =>
                      spendStoreCredit(db, payment, o.who, {
                        refType: 'repair_pickup',
                        refId: `J-${n}`,
                        at: n,
                      }),
                    'immediate',
                  );
                } catch (e) {
                  expect(e).toBeInstanceOf(AppError);
                  expect(
                    Number(db.sqlite.prepare('SELECT count(*) AS n FROM store_credit_ledger').pluck().get()),
                  ).toBe(before);
                }
              }
              // No slip below zero; each customer's balance is the sum of their rows and not negative.
              const perCode = db.sqlite
                .prepare(
                  'SELECT credit_code AS c, sum(amount_minor) AS s FROM store_credit_ledger GROUP BY credit_code',
                )
                .all() as { c: string; s: number }[];
              for (const p of perCode) {
                expect(p.s).toBeGreaterThanOrEqual(0);
                expect(codeCredit(db, p.c)?.balanceMinor).toBe(p.s);
              }
              for (const c of [1, 2]) {
                const sum = Number(
                  db.sqlite
                    .prepare(
                      'SELECT coalesce(sum(amount_minor), 0) FROM store_credit_ledger WHERE customer_id = ?',
                    )
                    .pluck()
                    .get(c),
                );
                expect(customerCreditBalance(db, c)).toBe(sum);
                expect(sum).toBeGreaterThanOrEqual(0);
              }
            }
          }
        }),
        { numRuns: 60, seed: 13 },
      );
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
