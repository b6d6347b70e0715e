/**
 * Drafts of half-done returns (table drafts, kind 'return'): saved as JSON up to 200 KB, listed newest
 * first for every clerk (a clerk switch resumes another clerk's draft), deleted after commit.
 */
import { randomBytes } from 'node:crypto';
import type { SqliteDb } from '../../../db/open';
import { AppError } from '../../../shared/contract/errors';
import { DRAFT_MAX_BYTES } from '../../../shared/contract/methods/returns';
import type { StaffSummary } from '../../../shared/contract/schemas';
import { prepared } from './prepared';

const KIND = 'return';
const LIST_LIMIT = 50;

const SQL = {
  get: `SELECT id, data FROM drafts WHERE id = ? AND kind = '${KIND}'`,
  insert: `INSERT INTO drafts (id, kind, staff_id, title, data, created_at, updated_at) VALUES (?, '${KIND}', ?, ?, ?, ?, ?)`,
  update: `UPDATE drafts SET staff_id = ?, title = ?, data = ?, updated_at = ? WHERE id = ? AND kind = '${KIND}'`,
  list: `SELECT d.id, d.title, d.created_at AS createdAt, d.updated_at AS updatedAt, length(CAST(d.data AS BLOB)) AS sizeBytes,
      st.id AS staffId, st.code AS staffCode, st.name AS staffName, st.role AS staffRole
    FROM drafts d LEFT JOIN staff st ON st.id = d.staff_id
    WHERE d.kind = '${KIND}' ORDER BY d.updated_at DESC, d.id LIMIT ${LIST_LIMIT}`,
  delete: `DELETE FROM drafts WHERE id = ? AND kind = '${KIND}'`,
} as const;

/** Saves (creates or replaces) a draft; RETURN_DRAFT_TOO_LARGE above 200 KB of JSON. */
export function saveDraft(
  db: SqliteDb,
  staffId: number,
  input: { draftId?: string | undefined; title: string; data: unknown },
  now: number,
): { id: string; updatedAt: number } {
  const json = JSON.stringify(input.data ?? null);
  const bytes = Buffer.byteLength(json, 'utf8');
  if (bytes > DRAFT_MAX_BYTES)
    throw new AppError('RETURN_DRAFT_TOO_LARGE', { bytes, limit: DRAFT_MAX_BYTES });
  const id = input.draftId ?? randomBytes(16).toString('base64url');
  const changed = prepared(db, SQL.update).run(staffId, input.title, json, now, id).changes;
  if (changed === 0) prepared(db, SQL.insert).run(id, staffId, input.title, json, now, now);
  return { id, updatedAt: now };
}

/** The drafts, newest first, and one draft's data when asked (RETURN_DRAFT_NOT_FOUND when unknown). */
export function listDrafts(db: SqliteDb, draftId?: string) {
  const rows = prepared(db, SQL.list).all() as {
    id: string;
    title: string;
    createdAt: number;
    updatedAt: number;
    sizeBytes: number;
    staffId: number | null;
    staffCode: string | null;
    staffName: string | null;
    staffRole: string | null;
  }[];
  const drafts = rows.map((r) => ({
    id: r.id,
    title: r.title,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    sizeBytes: r.sizeBytes,
    staff:
      r.staffId === null
        ? null
        : ({
            id: r.staffId,
            code: r.staffCode ?? '',
            name: r.staffName ?? '',
            role: r.staffRole,
          } as StaffSummary),
  }));
  if (draftId === undefined) return { drafts };
  const row = prepared(db, SQL.get).get(draftId) as { id: string; data: string } | undefined;
  if (!row) throw new AppError('RETURN_DRAFT_NOT_FOUND', { draftId });
  return { drafts, data: JSON.parse(row.data) as unknown };
}

/** Deletes a draft; false when there was none. */
export function deleteDraft(db: SqliteDb, draftId: string): { deleted: boolean } {
  return { deleted: prepared(db, SQL.delete).run(draftId).changes > 0 };
}
