/**
 * Small report fixtures written with plain INSERTs, so every expected number in the tests is
 * computed by hand from the rows below (not from the code under test).
 */
import type { SqliteDb } from '../../../db/open';

export const MIN = 60_000;
export const HOUR = 3_600_000;

/** Staff id of a fixture code (tests/helpers/core-fixture.ts STAFF). */
export function staffId(db: SqliteDb, code: string): number {
  return (db.prepare('SELECT id FROM staff WHERE code = ?').get(code) as { id: number }).id;
}

/** A category and one product in it; returns the product id. */
export function product(db: SqliteDb, category: string, sku: string): number {
  db.prepare(
    "INSERT OR IGNORE INTO categories (code, name_zh, name_en, policy_profile) VALUES (?, ?, ?, 'generic')",
  ).run(category, category, category);
  const cat = (db.prepare('SELECT id FROM categories WHERE code = ?').get(category) as { id: number }).id;
  return Number(
    db
      .prepare('INSERT INTO products (sku, name, category_id, price_minor, tax_rate_bp) VALUES (?, ?, ?, 10000, 1300)')
      .run(sku, sku, cat).lastInsertRowid,
  );
}

/** A completed return with one line and its tenders. */
export function aReturn(
  db: SqliteDb,
  r: {
    id: string;
    day: string;
    at: number;
    staff: number;
    reason: string;
    productId: number;
    sku: string;
    qty?: number;
    refund: number;
    fee?: number;
    disposition: string;
    tenders: [string, number][];
    kind?: 'refund' | 'exchange';
  },
): void {
  db.prepare(
    `INSERT INTO returns (id, store_id, kind, status, created_at, business_day, staff_id, reason_code, currency,
       refund_total_minor, restocking_fee_minor, idempotency_key)
     VALUES (?, 1, ?, 'completed', ?, ?, ?, ?, 'CNY', ?, ?, ?)`,
  ).run(r.id, r.kind ?? 'refund', r.at, r.day, r.staff, r.reason, r.refund, r.fee ?? 0, `k-${r.id}`);
  db.prepare(
    `INSERT INTO return_lines (return_id, product_id, sku, name, qty, unit_price_minor, gross_minor, discount_share_minor,
       tax_minor, restocking_fee_minor, refund_minor, grade, disposition, policy_outcome, policy_rule)
     VALUES (?, ?, ?, ?, ?, 0, 0, 0, 0, ?, ?, 'A-new', ?, 'allowed', 'fixture')`,
  ).run(r.id, r.productId, r.sku, r.sku, r.qty ?? 1, r.fee ?? 0, r.refund, r.disposition);
  r.tenders.forEach(([tender, amount], i) =>
    db
      .prepare('INSERT INTO refund_tenders (return_id, seq, tender, amount_minor) VALUES (?, ?, ?, ?)')
      .run(r.id, i + 1, tender, amount),
  );
}

/** A repair job row with the given instants (ms) and status. */
export function aJob(
  db: SqliteDb,
  j: {
    id: string;
    createdAt: number;
    status: string;
    staff: number;
    promisedAt: number;
    category?: string;
    firstDiagnosisAt?: number | null;
    completedAt?: number | null;
    pickedUpAt?: number | null;
    assignedTo?: number | null;
    repeatOf?: string | null;
    csat?: number | null;
    nps?: number | null;
  },
): void {
  db.prepare(
    `INSERT INTO repair_jobs (id, store_id, category_code, fault_code, intake, passcode_policy, warranty, promised_at,
       status, assigned_to, created_at, created_by, business_day, first_diagnosis_at, completed_at, picked_up_at,
       repeat_of_job_id, csat, nps)
     VALUES (?, 1, ?, 'no_power', '{}', 'none', 'none', ?, ?, ?, ?, ?, 'x', ?, ?, ?, ?, ?, ?)`,
  ).run(
    j.id,
    j.category ?? 'laptop',
    j.promisedAt,
    j.status,
    j.assignedTo ?? null,
    j.createdAt,
    j.staff,
    j.firstDiagnosisAt ?? null,
    j.completedAt ?? null,
    j.pickedUpAt ?? null,
    j.repeatOf ?? null,
    j.csat ?? null,
    j.nps ?? null,
  );
}

/** A timeline event of a job (data is stored as the services store it). */
export function anEvent(
  db: SqliteDb,
  jobId: string,
  at: number,
  from: string | null,
  to: string,
  data: Record<string, unknown>,
): void {
  db.prepare(
    'INSERT INTO repair_events (job_id, at, staff_id, from_status, to_status, data) VALUES (?, ?, NULL, ?, ?, ?)',
  ).run(jobId, at, from, to, JSON.stringify(data));
}
