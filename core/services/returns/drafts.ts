/**
 * Drafts of half-done returns (table drafts, kind 'return'): saved as JSON up to 200 KB, listed newest
 * first for every clerk (a clerk switch resumes another clerk's draft), deleted after commit.
 * A draft never keeps an ID-document number in clear (only its last 4, the clerk asks again on
 * resume) and expires DRAFT_TTL_DAYS after its last save (deleted on every list or read).
 */
import { randomBytes } from 'node:crypto';
import type { DbClient } from '../../../db/client';
import * as repo from '../../../db/repositories/returns/drafts';
import { AppError } from '../../../shared/contract/errors';
import { DRAFT_MAX_BYTES } from '../../../shared/contract/methods/returns';

/** Days a draft is kept after its last save. */
export const DRAFT_TTL_DAYS = 7;
const DAY_MS = 86_400_000;

/** "****1234": an ID-document number as a draft keeps it. */
function maskForDraft(id: string): string {
  const t = id.trim();
  return t.length <= 4 ? '*'.repeat(t.length) : `****${t.slice(-4)}`;
}

/** The draft data with every `idDocument` string masked, at any depth. */
function scrubIdDocuments(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(scrubIdDocuments);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [
        k,
        k === 'idDocument' && typeof v === 'string' ? maskForDraft(v) : scrubIdDocuments(v),
      ]),
    );
  }
  return value;
}

/** Deletes the drafts past their expiry; how many went. */
export function sweepExpiredDrafts(db: DbClient, now: number): number {
  return repo.deleteDraftsSavedBefore(db, now - DRAFT_TTL_DAYS * DAY_MS);
}

/** Saves (creates or replaces) a draft; RETURN_DRAFT_TOO_LARGE above 200 KB of JSON. */
export function saveDraft(
  db: DbClient,
  staffId: number,
  input: { draftId?: string | undefined; title: string; data: unknown },
  now: number,
): { id: string; updatedAt: number } {
  const json = JSON.stringify(scrubIdDocuments(input.data ?? null));
  const bytes = Buffer.byteLength(json, 'utf8');
  if (bytes > DRAFT_MAX_BYTES)
    throw new AppError('RETURN_DRAFT_TOO_LARGE', { bytes, limit: DRAFT_MAX_BYTES });
  const id = input.draftId ?? randomBytes(16).toString('base64url');
  const draft = { id, staffId, title: input.title, data: json };
  if (!repo.updateDraft(db, { ...draft, updatedAt: now })) repo.insertDraft(db, { ...draft, at: now });
  return { id, updatedAt: now };
}

/** The drafts, newest first, and one draft's data when asked (RETURN_DRAFT_NOT_FOUND when unknown). */
export function listDrafts(db: DbClient, draftId?: string, now?: number) {
  if (now !== undefined) sweepExpiredDrafts(db, now);
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
