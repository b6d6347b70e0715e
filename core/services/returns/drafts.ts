/**
 * Drafts of half-done returns (table drafts, kind 'return'): saved as JSON up to 200 KB, listed newest
 * first for every clerk (a clerk switch resumes another clerk's draft), deleted after commit.
 */
import { randomBytes } from 'node:crypto';
import type { DbClient } from '../../../db/client';
import * as repo from '../../../db/repositories/returns/drafts';
import { AppError } from '../../../shared/contract/errors';
import { DRAFT_MAX_BYTES } from '../../../shared/contract/methods/returns';

/** Saves (creates or replaces) a draft; RETURN_DRAFT_TOO_LARGE above 200 KB of JSON. */
export function saveDraft(
  db: DbClient,
  staffId: number,
  input: { draftId?: string | undefined; title: string; data: unknown },
  now: number,
): { id: string; updatedAt: number } {
  const json = JSON.stringify(input.data ?? null);
  const bytes = Buffer.byteLength(json, 'utf8');
  if (bytes > DRAFT_MAX_BYTES)
    throw new AppError('RETURN_DRAFT_TOO_LARGE', { bytes, limit: DRAFT_MAX_BYTES });
  const id = input.draftId ?? randomBytes(16).toString('base64url');
  const draft = { id, staffId, title: input.title, data: json };
  if (!repo.updateDraft(db, { ...draft, updatedAt: now })) repo.insertDraft(db, { ...draft, at: now });
  return { id, updatedAt: now };
}

/** The drafts, newest first, and one draft's data when asked (RETURN_DRAFT_NOT_FOUND when unknown). */
export function listDrafts(db: DbClient, draftId?: string) {
  const drafts = repo.listDrafts(db).map((r) => ({
    id: r.id,
    title: r.title,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    sizeBytes: r.sizeBytes,
    staff:
      r.staffId === null || r.staffRole === null
        ? null
        : { id: r.staffId, code: r.staffCode ?? '', name: r.staffName ?? '', role: r.staffRole },
  }));
  if (draftId === undefined) return { drafts };
  const data = repo.draftData(db, draftId);
  if (data === undefined) throw new AppError('RETURN_DRAFT_NOT_FOUND', { draftId });
  return { drafts, data: JSON.parse(data) as unknown };
}

/** Deletes a draft; false when there was none. */
export function deleteDraft(db: DbClient, draftId: string): { deleted: boolean } {
  return { deleted: repo.deleteDraft(db, draftId) };
}
