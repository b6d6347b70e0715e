/**
 * A repair job as stored: its `repair_jobs` row (db/repositories/repairs/jobs.ts) and the
 * intake JSON column (checklist, accessories, warranty snapshot, repeat info, deposit tender).
 */
import type { DbClient } from '../../../db/client';
import { jobById, type JobRow } from '../../../db/repositories/repairs/jobs';
import type { RepeatInfo, WarrantyKind, WarrantyReason } from '../../../shared/domain/repairs/warranty';
import type { ConditionItem, ConditionState } from '../../../shared/domain/repairs/categories';
import { AppError } from '../../../shared/contract/errors';

export interface WarrantySnapshot {
  kind: WarrantyKind;
  reasons: WarrantyReason[];
  options: string[];
  coveredUntil: string | null;
  sale: { id: string; receiptNo: string; soldAt: number; purchasedOn: string; lineName: string } | null;
  voidReason: string | null;
}

/** The intake JSON column, version 1. */
export interface IntakeRecord {
  v: 1;
  condition: { item: ConditionItem; state: ConditionState; note: string }[];
  accessoriesLeft: string[];
  accessoriesNote: string;
  note: string;
  warranty: WarrantySnapshot;
  repeat: RepeatInfo | null;
  depositTender: string | null;
  termsAccepted: true;
  promisedDay: string;
}

/** The job row or REPAIR_NOT_FOUND. */
export function loadJob(db: DbClient, storeId: number, jobId: string): JobRow {
  const row = jobById(db, storeId, jobId.trim().toUpperCase());
  if (!row) throw new AppError('REPAIR_NOT_FOUND', { jobId });
  return row;
}

/** Parses the intake column (written by this service; a damaged one reads as empty lists). */
export function parseIntake(text: string): IntakeRecord {
  try {
    const v = JSON.parse(text) as IntakeRecord;
    if (v && v.v === 1) return v;
  } catch {
    // fall through
  }
  return {
    v: 1,
    condition: [],
    accessoriesLeft: [],
    accessoriesNote: '',
    note: '',
    warranty: { kind: 'none', reasons: [], options: [], coveredUntil: null, sale: null, voidReason: null },
    repeat: null,
    depositTender: null,
    termsAccepted: true,
    promisedDay: '',
  };
}

export type { JobRow };
