/**
 * What must hold in a CounterDesk database after any crash: SQLite integrity, foreign keys, the
 * audit chain, every record a process reported as committed present with all its parts, and no
 * half-written record anywhere (a parent without its children, a child without its parent, an
 * audit row without its entity, an import batch whose sales do not add up). Each check returns the
 * problems it found as readable strings; an empty list means the database is sound.
 */
import { verifyAudit } from '../../../db/audit/chain';
import type { SqliteDb } from '../../../db/open';

/** What the child processes reported as committed (stdout lines written after the call returned). */
export interface Reported {
  /** return id → print job id */
  returns: Map<string, number>;
  /** import batch id → sale ids */
  imports: Map<number, string[]>;
  /** repair job id → last reported status */
  repairs: Map<string, string>;
  /** spare-part line id (repair_parts) → repair job id */
  parts: Map<number, string>;
}

export function emptyReported(): Reported {
  return { returns: new Map(), imports: new Map(), repairs: new Map(), parts: new Map() };
}

/** Reads one stdout line of the kill child into `into`. */
export function parseReportLine(line: string, into: Reported): void {
  const [tag, a = '', b = ''] = line.trim().split(' ');
  if (tag === 'RET') into.returns.set(a, Number(b));
  else if (tag === 'IMP') into.imports.set(Number(a), b.split(',').filter(Boolean));
  else if (tag === 'REP') into.repairs.set(a, b);
  else if (tag === 'PART') into.parts.set(Number(b), a);
}

function count(db: SqliteDb, sql: string, ...params: unknown[]): number {
  return (db.prepare(sql).get(...params) as { n: number }).n;
}

/** Whole-database checks that need no report: integrity, foreign keys, audit chain, orphans. */
export function structuralProblems(db: SqliteDb): string[] {
  const problems: string[] = [];
  const integrity = db.pragma('integrity_check', { simple: true });
  if (integrity !== 'ok') problems.push(`integrity_check: ${String(integrity)}`);
  const fk = db.pragma('foreign_key_check') as unknown[];
  if (fk.length > 0) problems.push(`foreign_key_check: ${fk.length} rows, e.g. ${JSON.stringify(fk[0])}`);
  const audit = verifyAudit(db);
  if (!audit.ok) problems.push(`audit chain: ${JSON.stringify(audit.problems.slice(0, 3))}`);
  const orphans: [string, string][] = [
    [
      'returns without lines',
      `SELECT count(*) AS n FROM returns r WHERE NOT EXISTS (SELECT 1 FROM return_lines l WHERE l.return_id = r.id)`,
    ],
    [
      'return lines without their return',
      `SELECT count(*) AS n FROM return_lines l WHERE NOT EXISTS (SELECT 1 FROM returns r WHERE r.id = l.return_id)`,
    ],
    [
      'return lines without inspection',
      `SELECT count(*) AS n FROM return_lines l WHERE NOT EXISTS (SELECT 1 FROM return_inspections i WHERE i.return_line_id = l.id)`,
    ],
    [
      'refund tenders without their return',
      `SELECT count(*) AS n FROM refund_tenders t WHERE NOT EXISTS (SELECT 1 FROM returns r WHERE r.id = t.return_id)`,
    ],
    [
      'refund returns without tenders',
      `SELECT count(*) AS n FROM returns r WHERE r.kind = 'refund' AND NOT EXISTS (SELECT 1 FROM refund_tenders t WHERE t.return_id = r.id)`,
    ],
    [
      'returns without their slip job',
      `SELECT count(*) AS n FROM returns r WHERE NOT EXISTS (SELECT 1 FROM print_jobs j WHERE j.doc_ref = r.id)`,
    ],
    [
      'returns without audit row',
      `SELECT count(*) AS n FROM returns r WHERE NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.entity_type = 'return' AND a.entity_id = r.id AND a.action = 'return.committed')`,
    ],
    [
      'return audit rows without their return',
      `SELECT count(*) AS n FROM audit_log a WHERE a.action = 'return.committed' AND NOT EXISTS (SELECT 1 FROM returns r WHERE r.id = a.entity_id)`,
    ],
    [
      'return idempotency rows without their return',
      `SELECT count(*) AS n FROM idempotency_keys k WHERE k.method = 'returns.commit' AND NOT EXISTS (SELECT 1 FROM returns r WHERE r.id = json_extract(k.result, '$.returnId'))`,
    ],
    [
      'returns without idempotency row',
      `SELECT count(*) AS n FROM returns r WHERE NOT EXISTS (SELECT 1 FROM idempotency_keys k WHERE k.key = r.idempotency_key)`,
    ],
    [
      'return numbers ahead of their sequence',
      `SELECT count(*) AS n FROM returns r WHERE CAST(substr(r.id, 12) AS INTEGER) > COALESCE((SELECT s.last_value FROM number_sequences s WHERE s.kind = 'R' AND s.day = r.business_day), 0)`,
    ],
    [
      'sales without lines',
      `SELECT count(*) AS n FROM sales s WHERE NOT EXISTS (SELECT 1 FROM sale_lines l WHERE l.sale_id = s.id)`,
    ],
    [
      'sales without payments',
      `SELECT count(*) AS n FROM sales s WHERE NOT EXISTS (SELECT 1 FROM sale_payments p WHERE p.sale_id = s.id)`,
    ],
    [
      'sale lines without their sale',
      `SELECT count(*) AS n FROM sale_lines l WHERE NOT EXISTS (SELECT 1 FROM sales s WHERE s.id = l.sale_id)`,
    ],
    [
      'import batches whose sales do not add up',
      `SELECT count(*) AS n FROM import_batches b WHERE b.sales_imported <> (SELECT count(*) FROM sales s WHERE s.import_batch_id = b.id)`,
    ],
    [
      'import batches without audit row',
      `SELECT count(*) AS n FROM import_batches b WHERE NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.action = 'sales.imported' AND a.entity_id = CAST(b.id AS TEXT))`,
    ],
    [
      'import audit rows without their batch',
      `SELECT count(*) AS n FROM audit_log a WHERE a.action = 'sales.imported' AND NOT EXISTS (SELECT 1 FROM import_batches b WHERE CAST(b.id AS TEXT) = a.entity_id)`,
    ],
    [
      'repair jobs without their intake event',
      `SELECT count(*) AS n FROM repair_jobs j WHERE NOT EXISTS (SELECT 1 FROM repair_events e WHERE e.job_id = j.id AND e.to_status = 'received')`,
    ],
    [
      'repair jobs without intake audit row',
      `SELECT count(*) AS n FROM repair_jobs j WHERE NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.entity_type = 'repair_job' AND a.entity_id = j.id AND a.action = 'repair.intake')`,
    ],
    [
      'repair jobs whose status has no event',
      `SELECT count(*) AS n FROM repair_jobs j WHERE NOT EXISTS (SELECT 1 FROM repair_events e WHERE e.job_id = j.id AND e.to_status = j.status)`,
    ],
    [
      'repair events without their job',
      `SELECT count(*) AS n FROM repair_events e WHERE NOT EXISTS (SELECT 1 FROM repair_jobs j WHERE j.id = e.job_id)`,
    ],
    [
      'repair audit rows without their job',
      `SELECT count(*) AS n FROM audit_log a WHERE a.entity_type = 'repair_job' AND NOT EXISTS (SELECT 1 FROM repair_jobs j WHERE j.id = a.entity_id)`,
    ],
    [
      'spare parts whose stock differs from their stock moves',
      `SELECT count(*) AS n FROM spare_parts s WHERE s.stock_qty <> (SELECT COALESCE(sum(m.qty_delta), 0) FROM stock_moves m WHERE m.bucket = 'spare_parts' AND m.sku = s.sku)`,
    ],
    [
      'parts on jobs that differ from their stock moves',
      `SELECT count(*) AS n FROM (SELECT job_id, part_sku, sum(qty) AS q FROM repair_parts GROUP BY job_id, part_sku) p WHERE p.q <> -(SELECT COALESCE(sum(m.qty_delta), 0) FROM stock_moves m WHERE m.reason = 'repair_part' AND m.ref_type = 'repair_job' AND m.ref_id = p.job_id AND m.sku = p.part_sku)`,
    ],
    [
      'repair stock moves without a part on the job',
      `SELECT count(*) AS n FROM stock_moves m WHERE m.reason = 'repair_part' AND NOT EXISTS (SELECT 1 FROM repair_parts p WHERE p.job_id = m.ref_id AND p.part_sku = m.sku)`,
    ],
    [
      'stock moves without audit row',
      `SELECT count(*) AS n FROM stock_moves m WHERE m.reason = 'repair_part' AND NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.action = 'stock.move' AND a.entity_id = CAST(m.id AS TEXT))`,
    ],
    [
      'parts on jobs without their timeline event',
      `SELECT count(*) AS n FROM repair_parts p WHERE NOT EXISTS (SELECT 1 FROM repair_events e WHERE e.job_id = p.job_id AND json_extract(e.data, '$.kind') = 'part')`,
    ],
    [
      'print attempts without their job',
      `SELECT count(*) AS n FROM print_attempts p WHERE NOT EXISTS (SELECT 1 FROM print_jobs j WHERE j.id = p.job_id)`,
    ],
    [
      'printed jobs without a finished attempt',
      `SELECT count(*) AS n FROM print_jobs j WHERE j.status = 'done' AND NOT EXISTS (SELECT 1 FROM print_attempts p WHERE p.job_id = j.id AND p.outcome = 'done')`,
    ],
  ];
  for (const [what, sql] of orphans) {
    const n = count(db, sql);
    if (n > 0) problems.push(`${what}: ${n}`);
  }
  return problems;
}

/** Every reported record is there with all its parts. Returns problems and how many records were checked. */
export function reportedProblems(db: SqliteDb, r: Reported): { problems: string[]; checked: number } {
  const problems: string[] = [];
  let checked = 0;
  const one = (sql: string, ...p: unknown[]) => count(db, sql, ...p);
  for (const [id, jobId] of r.returns) {
    checked++;
    if (one('SELECT count(*) AS n FROM returns WHERE id = ?', id) !== 1)
      problems.push(`return ${id} missing`);
    if (one('SELECT count(*) AS n FROM return_lines WHERE return_id = ?', id) < 1)
      problems.push(`return ${id} has no lines`);
    if (one('SELECT count(*) AS n FROM refund_tenders WHERE return_id = ?', id) < 1)
      problems.push(`return ${id} has no tenders`);
    if (
      one(`SELECT count(*) AS n FROM audit_log WHERE action = 'return.committed' AND entity_id = ?`, id) !== 1
    )
      problems.push(`return ${id} has no audit row`);
    if (one(`SELECT count(*) AS n FROM print_jobs WHERE id = ? AND doc_ref = ?`, jobId, id) !== 1)
      problems.push(`return ${id}: slip job ${jobId} missing`);
  }
  for (const [batchId, saleIds] of r.imports) {
    checked++;
    if (one('SELECT count(*) AS n FROM import_batches WHERE id = ?', batchId) !== 1)
      problems.push(`import batch ${batchId} missing`);
    for (const saleId of saleIds) {
      checked++;
      if (one('SELECT count(*) AS n FROM sales WHERE id = ? AND import_batch_id = ?', saleId, batchId) !== 1)
        problems.push(`sale ${saleId} of batch ${batchId} missing`);
      if (one('SELECT count(*) AS n FROM sale_lines WHERE sale_id = ?', saleId) < 1)
        problems.push(`sale ${saleId} has no lines`);
    }
  }
  for (const [jobId, status] of r.repairs) {
    checked++;
    const row = db.prepare('SELECT status FROM repair_jobs WHERE id = ?').get(jobId) as
      { status: string } | undefined;
    if (!row) problems.push(`repair ${jobId} missing`);
    else if (
      one('SELECT count(*) AS n FROM repair_events WHERE job_id = ? AND to_status = ?', jobId, status) < 1
    )
      problems.push(`repair ${jobId}: reported ${status} but no such event (status ${row.status})`);
  }
  for (const [lineId, jobId] of r.parts) {
    checked++;
    const part = db
      .prepare('SELECT part_sku AS sku FROM repair_parts WHERE id = ? AND job_id = ?')
      .get(lineId, jobId) as { sku: string } | undefined;
    if (!part) problems.push(`part line ${lineId} of repair ${jobId} missing`);
    else if (
      one(
        `SELECT count(*) AS n FROM stock_moves WHERE reason = 'repair_part' AND ref_id = ? AND sku = ? AND qty_delta < 0`,
        jobId,
        part.sku,
      ) < 1
    )
      problems.push(`part line ${lineId} of repair ${jobId} has no stock move`);
  }
  return { problems, checked };
}

/** Print job ids and statuses now (to compare across a crash). */
export function printJobStates(db: SqliteDb): Map<number, string> {
  const rows = db.prepare('SELECT id, status FROM print_jobs').all() as { id: number; status: string }[];
  return new Map(rows.map((r) => [r.id, r.status]));
}

const ALLOWED_NEXT: Record<string, readonly string[]> = {
  queued: ['queued', 'printing', 'done'],
  printing: ['printing', 'queued', 'done'],
  done: ['done'],
  failed: ['failed', 'queued', 'done', 'cancelled'],
  cancelled: ['cancelled'],
};

/** Jobs known before a crash are still there, and moved only forward (queued/printing → printing/done). */
export function printQueueProblems(before: Map<number, string>, after: Map<number, string>): string[] {
  const problems: string[] = [];
  for (const [id, was] of before) {
    const now = after.get(id);
    if (now === undefined) problems.push(`print job ${id} (${was}) lost`);
    else if (!(ALLOWED_NEXT[was] ?? []).includes(now)) problems.push(`print job ${id}: ${was} → ${now}`);
  }
  for (const [id, s] of after)
    if (s === 'failed') problems.push(`print job ${id} failed on a healthy printer`);
  return problems;
}
