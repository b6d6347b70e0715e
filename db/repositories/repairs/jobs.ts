/** Repair jobs (`repair_jobs`): the row, insert and the updates each step of the lifecycle makes. */
import { and, count, eq, sql } from 'drizzle-orm';
import type { WarrantyKind } from '../../../shared/domain/repairs/warranty';
import type { RepairStatus } from '../../../shared/domain/repairs/statuses';
import type { DbClient } from '../../client';
import { repairJobs } from '../../schema';
import { prepared } from '../statements';
import { typed } from './columns';

export type PasscodePolicy = 'customer_removed' | 'stored_encrypted' | 'none';

const JOB_FIELDS = {
  id: repairJobs.id,
  storeId: repairJobs.storeId,
  customerId: repairJobs.customerId,
  saleId: repairJobs.saleId,
  categoryCode: repairJobs.categoryCode,
  brand: repairJobs.brand,
  model: repairJobs.model,
  serial: repairJobs.serial,
  faultCode: repairJobs.faultCode,
  faultText: repairJobs.faultText,
  intake: repairJobs.intake,
  passcodePolicy: typed<PasscodePolicy>(repairJobs.passcodePolicy),
  passcodeEnc: repairJobs.passcodeEnc,
  warranty: typed<WarrantyKind>(repairJobs.warranty),
  repeatOfJobId: repairJobs.repeatOfJobId,
  estimateMinor: repairJobs.estimateMinor,
  depositMinor: repairJobs.depositMinor,
  paidMinor: repairJobs.paidMinor,
  promisedAt: repairJobs.promisedAt,
  status: typed<RepairStatus>(repairJobs.status),
  assignedTo: repairJobs.assignedTo,
  createdAt: repairJobs.createdAt,
  createdBy: repairJobs.createdBy,
  businessDay: repairJobs.businessDay,
  firstDiagnosisAt: repairJobs.firstDiagnosisAt,
  completedAt: repairJobs.completedAt,
  pickedUpAt: repairJobs.pickedUpAt,
  qcBy: repairJobs.qcBy,
  repairWarrantyDays: repairJobs.repairWarrantyDays,
  csat: repairJobs.csat,
  nps: repairJobs.nps,
  idempotencyKey: repairJobs.idempotencyKey,
};

function byIdQuery(db: DbClient) {
  return prepared(db, 'repairs.jobById', (orm) =>
    orm
      .select(JOB_FIELDS)
      .from(repairJobs)
      .where(
        and(eq(repairJobs.id, sql.placeholder('jobId')), eq(repairJobs.storeId, sql.placeholder('storeId'))),
      )
      .prepare(),
  );
}

/** A `repair_jobs` row. */
export type JobRow = NonNullable<ReturnType<ReturnType<typeof byIdQuery>['get']>>;

/** The job `jobId` (exact id) of the store, or undefined. */
export function jobById(db: DbClient, storeId: number, jobId: string): JobRow | undefined {
  return byIdQuery(db).get({ jobId, storeId });
}

/** How many repair jobs the database holds (any store, any status). */
export function jobCount(db: DbClient): number {
  return (
    prepared(db, 'repairs.count', (orm) => orm.select({ n: count() }).from(repairJobs).prepare()).get()?.n ??
    0
  );
}

export type NewJob = Required<
  Omit<
    typeof repairJobs.$inferInsert,
    'firstDiagnosisAt' | 'completedAt' | 'pickedUpAt' | 'qcBy' | 'csat' | 'nps' | 'assignedTo'
  >
>;

/** Inserts a new job (inside the intake's transaction). */
export function insertJob(db: DbClient, job: NewJob): void {
  prepared(db, 'repairs.insertJob', (orm) =>
    orm
      .insert(repairJobs)
      .values({
        id: sql.placeholder('id'),
        storeId: sql.placeholder('storeId'),
        customerId: sql.placeholder('customerId'),
        saleId: sql.placeholder('saleId'),
        categoryCode: sql.placeholder('categoryCode'),
        brand: sql.placeholder('brand'),
        model: sql.placeholder('model'),
        serial: sql.placeholder('serial'),
        faultCode: sql.placeholder('faultCode'),
        faultText: sql.placeholder('faultText'),
        intake: sql.placeholder('intake'),
        passcodePolicy: sql.placeholder('passcodePolicy'),
        passcodeEnc: sql.placeholder('passcodeEnc'),
        warranty: sql.placeholder('warranty'),
        repeatOfJobId: sql.placeholder('repeatOfJobId'),
        estimateMinor: sql.placeholder('estimateMinor'),
        depositMinor: sql.placeholder('depositMinor'),
        paidMinor: sql.placeholder('paidMinor'),
        promisedAt: sql.placeholder('promisedAt'),
        status: sql.placeholder('status'),
        createdAt: sql.placeholder('createdAt'),
        createdBy: sql.placeholder('createdBy'),
        businessDay: sql.placeholder('businessDay'),
        repairWarrantyDays: sql.placeholder('repairWarrantyDays'),
        idempotencyKey: sql.placeholder('idempotencyKey'),
      })
      .prepare(),
  ).run(job);
}

/**
 * A status change: status, estimate and promise; the first diagnosis time when leaving
 * diagnosis (kept if set), the completion time on `ready`, and the stored passcode wiped on `wipe`.
 */
export function updateJobStatus(
  db: DbClient,
  change: {
    jobId: string;
    status: RepairStatus;
    estimateMinor: number;
    promisedAt: number;
    leavingDiagnosis: boolean;
    completed: boolean;
    wipePasscode: boolean;
    now: number;
  },
): void {
  prepared(db, 'repairs.updateStatus', (orm) =>
    orm
      .update(repairJobs)
      .set({
        status: sql`${sql.placeholder('status')}`,
        estimateMinor: sql`${sql.placeholder('estimateMinor')}`,
        promisedAt: sql`${sql.placeholder('promisedAt')}`,
        firstDiagnosisAt: sql`CASE WHEN ${sql.placeholder('leaving')} AND ${repairJobs.firstDiagnosisAt} IS NULL THEN ${sql.placeholder('now')} ELSE ${repairJobs.firstDiagnosisAt} END`,
        completedAt: sql`CASE WHEN ${sql.placeholder('completed')} THEN ${sql.placeholder('now')} ELSE ${repairJobs.completedAt} END`,
        passcodeEnc: sql`CASE WHEN ${sql.placeholder('wipe')} THEN NULL ELSE ${repairJobs.passcodeEnc} END`,
      })
      .where(eq(repairJobs.id, sql.placeholder('jobId')))
      .prepare(),
  ).run({
    jobId: change.jobId,
    status: change.status,
    estimateMinor: change.estimateMinor,
    promisedAt: change.promisedAt,
    leaving: change.leavingDiagnosis ? 1 : 0,
    completed: change.completed ? 1 : 0,
    wipe: change.wipePasscode ? 1 : 0,
    now: change.now,
  });
}

/** Sets (or clears with null) the technician of a job. */
export function setAssignee(db: DbClient, jobId: string, technicianId: number | null): void {
  prepared(db, 'repairs.setAssignee', (orm) =>
    orm
      .update(repairJobs)
      .set({ assignedTo: sql`${sql.placeholder('technicianId')}` })
      .where(eq(repairJobs.id, sql.placeholder('jobId')))
      .prepare(),
  ).run({ jobId, technicianId });
}

/** Records who signed QC off. */
export function setQcBy(db: DbClient, jobId: string, staffId: number): void {
  prepared(db, 'repairs.setQcBy', (orm) =>
    orm
      .update(repairJobs)
      .set({ qcBy: sql`${sql.placeholder('staffId')}` })
      .where(eq(repairJobs.id, sql.placeholder('jobId')))
      .prepare(),
  ).run({ jobId, staffId });
}

/** Records the pickup: what was paid in total, when, and the customer's scores. */
export function recordPickup(
  db: DbClient,
  p: { jobId: string; paidMinor: number; at: number; csat: number | null; nps: number | null },
): void {
  prepared(db, 'repairs.recordPickup', (orm) =>
    orm
      .update(repairJobs)
      .set({
        paidMinor: sql`${sql.placeholder('paidMinor')}`,
        pickedUpAt: sql`${sql.placeholder('at')}`,
        csat: sql`${sql.placeholder('csat')}`,
        nps: sql`${sql.placeholder('nps')}`,
      })
      .where(eq(repairJobs.id, sql.placeholder('jobId')))
      .prepare(),
  ).run(p);
}
