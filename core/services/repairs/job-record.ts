/**
 * The stored shape of a repair job: the `repair_jobs` row as better-sqlite3 returns it, and the
 * intake JSON column (checklist, accessories, warranty snapshot, repeat info, deposit tender).
 */
import type { SqliteDb } from '../../../db/open';
import type { RepeatInfo, WarrantyKind, WarrantyReason } from '../../../shared/domain/repairs/warranty';
import type { ConditionItem, ConditionState } from '../../../shared/domain/repairs/categories';
import type { RepairStatus } from '../../../shared/domain/repairs/statuses';
import { AppError } from '../../../shared/contract/errors';

export interface JobRow {
  id: string;
  storeId: number;
  customerId: number | null;
  saleId: string | null;
  categoryCode: string;
  brand: string;
  model: string;
  serial: string | null;
  faultCode: string;
  faultText: string;
  intake: string;
  passcodePolicy: 'customer_removed' | 'stored_encrypted' | 'none';
  passcodeEnc: string | null;
  warranty: WarrantyKind;
  repeatOfJobId: string | null;
  estimateMinor: number;
  depositMinor: number;
  paidMinor: number;
  promisedAt: number;
  status: RepairStatus;
  assignedTo: number | null;
  createdAt: number;
  createdBy: number;
  businessDay: string;
  firstDiagnosisAt: number | null;
  completedAt: number | null;
  pickedUpAt: number | null;
  qcBy: number | null;
  repairWarrantyDays: number;
  csat: number | null;
  nps: number | null;
  idempotencyKey: string | null;
}

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

export const JOB_COLUMNS = `id, store_id AS storeId, customer_id AS customerId, sale_id AS saleId,
  category_code AS categoryCode, brand, model, serial, fault_code AS faultCode, fault_text AS faultText, intake,
  passcode_policy AS passcodePolicy, passcode_enc AS passcodeEnc, warranty, repeat_of_job_id AS repeatOfJobId,
  estimate_minor AS estimateMinor, deposit_minor AS depositMinor, paid_minor AS paidMinor, promised_at AS promisedAt,
  status, assigned_to AS assignedTo, created_at AS createdAt, created_by AS createdBy, business_day AS businessDay,
  first_diagnosis_at AS firstDiagnosisAt, completed_at AS completedAt, picked_up_at AS pickedUpAt, qc_by AS qcBy,
  repair_warranty_days AS repairWarrantyDays, csat, nps, idempotency_key AS idempotencyKey`;

/** The job row or REPAIR_NOT_FOUND. */
export function loadJob(db: SqliteDb, storeId: number, jobId: string): JobRow {
  const row = db
    .prepare(`SELECT ${JOB_COLUMNS} FROM repair_jobs WHERE id = ? AND store_id = ?`)
    .get(jobId.trim().toUpperCase(), storeId) as JobRow | undefined;
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
