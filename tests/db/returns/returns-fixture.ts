/**
 * A real core on a temp SQLite file with the demo store's catalog and 90 days of sales (the
 * journeys' receipts included), signed-in connections, request builders and table counters for
 * the returns tests.
 */
import { demoJourneyReceipts, seedDemoData, type JourneyKey } from '../../../core/demo/seed-demo-sales';
import type { Connection } from '../../../core/context';
import { verifyAudit } from '../../../db/audit/chain';
import type { SqliteDb } from '../../../db/open';
import type { MethodInput, MethodName, MethodOutput } from '../../../shared/contract';
import type { AppErrorValue } from '../../../shared/contract/errors';
import { checklistFor } from '../../../shared/domain/returns/checklists';
import { makeCore, type CoreFixture } from '../../helpers/core-fixture';

const MANAGER = { code: 'M001', pin: '909090' };

/** Monday 2026-11-23 14:00 in Shanghai (06:00 UTC). */
export const NOW = Date.UTC(2026, 10, 23, 6, 0, 0);

export interface ReturnsFixture extends CoreFixture {
  db: SqliteDb;
  receipts: Record<JourneyKey, string>;
  clerk: Connection;
  manager: Connection;
  /** Calls a method and returns its value; throws with the error code on failure. */
  call<K extends MethodName>(conn: Connection, method: K, input: MethodInput<K>): Promise<MethodOutput<K>>;
  /** Calls a method expecting a typed error; returns it (fails if the call succeeds). */
  fail<K extends MethodName>(conn: Connection, method: K, input: MethodInput<K>): Promise<AppErrorValue>;
  /**
   * Asks the manager (M001 / PIN 909090) for a one-time returns.commit override bound to `request`
   * (a commit input; its key and token are left out), asked by `by` (the clerk by default).
   */
  override(
    request: ApprovalSource,
    reasonCode?: string,
    note?: string,
    by?: Connection,
    manager?: { code: string; pin: string },
  ): Promise<{ token: string; overrideId: number; selfApproved: boolean }>;
}

/** What an approval is asked for: a commit input (key and token, when present, are not part of it). */
export type ApprovalSource = NonNullable<MethodInput<'auth.requestOverride'>['request']> & {
  idempotencyKey?: string;
  overrideToken?: string;
};

/** A fresh demo store for one test file or test (close it after). */
export async function makeReturnsFixture(now = NOW): Promise<ReturnsFixture> {
  const f = makeCore({ now });
  const db = f.core.ctx.db.sqlite;
  seedDemoData(f.core.ctx.db, f.core.ctx.storeId, now);
  const clerk = await f.as('C001');
  const manager = await f.as('M001');
  const call = async <K extends MethodName>(conn: Connection, method: K, input: MethodInput<K>) => {
    const r = await f.core.dispatcher.call(conn, method, input);
    if (!r.ok) throw new Error(`${method} failed: ${r.error.code} ${JSON.stringify(r.error.details)}`);
    return r.value as MethodOutput<K>;
  };
  const fail = async <K extends MethodName>(conn: Connection, method: K, input: MethodInput<K>) => {
    const r = await f.core.dispatcher.call(conn, method, input);
    if (r.ok) throw new Error(`${method} succeeded but an error was expected`);
    return r.error;
  };
  return {
    ...f,
    db,
    receipts: demoJourneyReceipts(now),
    clerk,
    manager,
    call,
    fail,
    async override(request, reasonCode = 'goodwill', note = '老顾客', by = clerk, manager = MANAGER) {
      const { idempotencyKey: _k, overrideToken: _t, ...approved } = request;
      const g = await call(by, 'auth.requestOverride', {
        action: 'returns.commit',
        reasonCode,
        note,
        managerCode: manager.code,
        pin: manager.pin,
        request: approved,
      });
      return { token: g.token, overrideId: g.overrideId, selfApproved: g.selfApproved };
    },
  };
}

type Inspection = MethodInput<'returns.quote'>['lines'][number]['inspection'];

/** An inspection with every checklist item of the category answered ✓ (overrides replace answers). */
export function inspection(
  category: string,
  opts: Partial<Omit<Inspection, 'checklist'>> & { fail?: string[]; skip?: string[] } = {},
): Inspection {
  const { fail = [], skip = [], ...flags } = opts;
  return {
    grade: 'A-new',
    accessoriesComplete: true,
    packagingIntact: true,
    serialMatches: null,
    faultReproduced: null,
    ...flags,
    checklist: checklistFor(category)
      .filter((item) => !skip.includes(item))
      .map((item) => ({ item, ok: !fail.includes(item) })),
  };
}

const COUNTED = [
  'returns',
  'return_lines',
  'return_inspections',
  'refund_tenders',
  'exchange_lines',
  'stock_moves',
  'store_credit_ledger',
  'print_jobs',
  'audit_log',
  'idempotency_keys',
  'number_sequences',
  'customers',
] as const;

/** Rows in every table a commit writes (to prove "nothing written"). */
export function counts(db: SqliteDb): Record<(typeof COUNTED)[number], number> {
  const out = {} as Record<(typeof COUNTED)[number], number>;
  for (const t of COUNTED) out[t] = (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
  return out;
}

/** The audit chain verifies. */
export function auditOk(db: SqliteDb): boolean {
  return verifyAudit(db).ok;
}

/** JSON text of one POS sale for sales.import (money as decimal strings). */
export function saleJson(sale: {
  saleId: string;
  receiptNo: string;
  soldAt: string;
  phone?: string;
  name?: string;
  orderDiscount?: string;
  total: string;
  lines: {
    sku: string;
    name: string;
    category: string;
    qty: number;
    unitPrice: string;
    lineDiscount?: string;
    serial?: string;
  }[];
  payments: { tender: string; amount: string; ref?: string }[];
}): string {
  return JSON.stringify([
    {
      saleId: sale.saleId,
      receiptNo: sale.receiptNo,
      soldAt: sale.soldAt,
      customer: sale.phone ? { phone: sale.phone, name: sale.name ?? '' } : null,
      taxIncluded: true,
      orderDiscount: sale.orderDiscount ?? '0.00',
      total: sale.total,
      lines: sale.lines.map((l, i) => ({
        lineNo: i + 1,
        sku: l.sku,
        name: l.name,
        category: l.category,
        qty: l.qty,
        unitPrice: l.unitPrice,
        lineDiscount: l.lineDiscount ?? '0.00',
        taxRate: '13',
        ...(l.serial ? { serial: l.serial } : {}),
      })),
      payments: sale.payments,
    },
  ]);
}
