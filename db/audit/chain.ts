/**
 * The hash-chained audit log. `appendAudit` must be called inside the same transaction as
 * the change it records; `verifyAudit` walks the chain and names every bad row.
 */
import type { Statement } from 'better-sqlite3';
import { createHash } from 'node:crypto';
import type { DbClient } from '../client';
import type { SqliteDb } from '../open';
import { canonicalJson } from './canonical';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntry {
  at: number;
  storeId: number;
  staffId: number | null;
  action: string;
  entityType: string;
  entityId: string;
  data: Record<string, unknown>;
}

interface AuditRow {
  id: number;
  at: number;
  store_id: number;
  staff_id: number | null;
  action: string;
  entity_type: string;
  entity_id: string;
  data: string;
  prev_hash: string;
  hash: string;
}

export function auditHash(prevHash: string, row: Omit<AuditRow, 'id' | 'prev_hash' | 'hash'>): string {
  const body = canonicalJson({
    at: row.at,
    store: row.store_id,
    staff: row.staff_id,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    data: row.data,
  });
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}

/** The better-sqlite3 handle under a DbClient (the chain's statements stay raw, here in db/). */
function rawHandle(db: SqliteDb | DbClient): SqliteDb {
  return 'orm' in db ? db.sqlite : db;
}

const stmtCache = new WeakMap<SqliteDb, { head: Statement; insert: Statement; setHead: Statement }>();

function statements(db: SqliteDb) {
  let s = stmtCache.get(db);
  if (!s) {
    s = {
      head: db.prepare('SELECT last_id AS lastId, last_hash AS lastHash FROM audit_head WHERE id = 1'),
      insert: db.prepare(
        `INSERT INTO audit_log (at, store_id, staff_id, action, entity_type, entity_id, data, prev_hash, hash)
         VALUES (@at, @store_id, @staff_id, @action, @entity_type, @entity_id, @data, @prev_hash, @hash)`,
      ),
      setHead: db.prepare(
        'INSERT INTO audit_head (id, last_id, last_hash) VALUES (1, ?, ?) ON CONFLICT(id) DO UPDATE SET last_id = excluded.last_id, last_hash = excluded.last_hash',
      ),
    };
    stmtCache.set(db, s);
  }
  return s;
}

/** Appends one audit row. Throws if not inside a transaction: an audit row must share its change's fate. */
export function appendAudit(target: SqliteDb | DbClient, entry: AuditEntry): { id: number; hash: string } {
  const db = rawHandle(target);
  if (!db.inTransaction)
    throw new Error('appendAudit must run inside the transaction of the change it records');
  const s = statements(db);
  const head = s.head.get() as { lastId: number; lastHash: string } | undefined;
  const prevHash = head?.lastHash ?? GENESIS_HASH;
  const row = {
    at: entry.at,
    store_id: entry.storeId,
    staff_id: entry.staffId,
    action: entry.action,
    entity_type: entry.entityType,
    entity_id: entry.entityId,
    data: canonicalJson(entry.data),
  };
  const hash = auditHash(prevHash, row);
  const info = s.insert.run({ ...row, prev_hash: prevHash, hash });
  const id = Number(info.lastInsertRowid);
  s.setHead.run(id, hash);
  return { id, hash };
}

export interface AuditProblem {
  rowId: number;
  kind: 'tampered' | 'broken-link' | 'head-mismatch';
}

/** Walks every row in id order; a changed row is `tampered`, a missing one breaks the next row's link. */
export function verifyAudit(target: SqliteDb | DbClient): {
  ok: boolean;
  rowsChecked: number;
  problems: AuditProblem[];
} {
  const db = rawHandle(target);
  const problems: AuditProblem[] = [];
  let prevHash = GENESIS_HASH;
  let prevId = 0;
  let rows = 0;
  for (const row of db
    .prepare('SELECT * FROM audit_log ORDER BY id')
    .iterate() as IterableIterator<AuditRow>) {
    rows++;
    if (row.prev_hash !== prevHash || row.id !== prevId + 1)
      problems.push({ rowId: row.id, kind: 'broken-link' });
    if (auditHash(row.prev_hash, row) !== row.hash) problems.push({ rowId: row.id, kind: 'tampered' });
    prevHash = row.hash;
    prevId = row.id;
  }
  const head = db
    .prepare('SELECT last_id AS lastId, last_hash AS lastHash FROM audit_head WHERE id = 1')
    .get() as { lastId: number; lastHash: string } | undefined;
  if (rows > 0 || head) {
    if (!head || head.lastId !== prevId || head.lastHash !== prevHash) {
      problems.push({ rowId: head?.lastId ?? prevId, kind: 'head-mismatch' });
    }
  }
  return { ok: problems.length === 0, rowsChecked: rows, problems };
}
