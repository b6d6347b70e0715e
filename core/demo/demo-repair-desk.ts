/**
 * The counter and bench moves the demo makes, each through the same service code the app uses:
 * intake (with a drawn signature), status moves, booking a part, a bench run measured on the UT61E,
 * a passed QC and a pickup.
 */
import type { DbClient } from '../../db/client';
import { appendRepairAudit } from '../../db/repositories/repairs/audit';
import type { IntakeInput } from '../../shared/contract/methods/repairs';
import { judgeReading } from '../../shared/domain/meter/judge';
import { NO_FLAGS, unitOfFunction } from '../../shared/domain/meter/reading';
import { formatQuantity, toBase } from '../../shared/domain/meter/units';
import { parseStepUnit, stepLimits } from '../../shared/domain/repairs/test-plan';
import type { StoreFacts } from '../../db/repositories/store/store-facts';
import { activePlan } from '../services/bench/plans';
import { insertResult } from '../services/bench/results';
import { attemptsSoFar } from '../services/bench/run-state';
import { intakeRepair } from '../services/repairs/intake';
import { loadJob } from '../services/repairs/job-record';
import { bookPart } from '../services/repairs/parts';
import { pickupJob, type PickupInput } from '../services/repairs/pickup';
import { qcJob } from '../services/repairs/qc';
import type { RepairCore } from '../services/repairs/repair-core';
import { recordEvent } from '../services/repairs/repair-events';
import { applyTransition, type Actor, type TransitionRequest } from '../services/repairs/transition';
import { pngDataUrl, signaturePng } from './signature-png';

export type DemoIntake = Omit<IntakeInput, 'idempotencyKey' | 'signature' | 'termsAccepted'>;

export interface DemoRepairDesk {
  intake(input: DemoIntake, at: number): string;
  move(jobId: string, who: Actor, req: TransitionRequest, at: number): void;
  part(jobId: string, sku: string, at: number): void;
  /** A bench run where the UT61E measured these values (in each step's unit), judged honestly. */
  benchRun(jobId: string, categoryCode: string, values: number[], at: number): void;
  qcPass(jobId: string, at: number): void;
  pickup(input: Omit<PickupInput, 'signature'> & { signatureSeed: number }, at: number): void;
}

/** The desk of the demo store: who does what, and the UT61E that measures. */
export function demoRepairDesk(
  core: RepairCore,
  store: StoreFacts,
  staff: { clerk: Actor; tech: Actor; inspector: Actor },
  ut61eId: number,
): DemoRepairDesk {
  const { db, storeId } = core;
  let keyNo = 0;
  return {
    intake: (input, at) =>
      intakeRepair(
        core,
        staff.clerk,
        {
          ...input,
          idempotencyKey: `demo-repair-intake-${++keyNo}`,
          signature: pngDataUrl(signaturePng(160, 48, keyNo)),
          termsAccepted: true,
        },
        at,
      ).jobId,
    move: (jobId, who, req, at) => {
      db.transaction(() =>
        applyTransition(
          {
            db,
            store,
            sender: core.services.notificationSender,
            actor: who,
            now: at,
            via: 'repairs.transition',
          },
          loadJob(db, storeId, jobId),
          req,
        ),
      );
    },
    part: (jobId, sku, at) => {
      db.transaction(() => bookPart(db, storeId, staff.tech, loadJob(db, storeId, jobId), sku, 1, at));
    },
    benchRun: (jobId, categoryCode, values, at) =>
      benchRun(db, storeId, staff.tech.staffId, ut61eId, jobId, categoryCode, values, at),
    qcPass: (jobId, at) => {
      qcJob(
        core,
        staff.inspector,
        {
          jobId,
          passed: true,
          note: '',
          checklist: [
            { item: 'fault_fixed', state: 'ok', note: '' },
            { item: 'functional_test', state: 'ok', note: '' },
            { item: 'bench_tests_passed', state: 'ok', note: '' },
            { item: 'no_new_damage', state: 'ok', note: '' },
            { item: 'fasteners', state: 'ok', note: '' },
            { item: 'accessories_ready', state: 'ok', note: '' },
          ],
        },
        at,
      );
    },
    pickup: ({ signatureSeed, ...input }, at) => {
      pickupJob(
        core,
        staff.clerk,
        { ...input, signature: pngDataUrl(signaturePng(160, 48, signatureSeed)) },
        at,
      );
    },
  };
}

function benchRun(
  db: DbClient,
  storeId: number,
  techId: number,
  ut61eId: number,
  jobId: string,
  categoryCode: string,
  values: number[],
  at: number,
): void {
  const plan = activePlan(db, categoryCode);
  if (!plan) return;
  db.transaction(() => {
    const job = loadJob(db, storeId, jobId);
    recordEvent(db, {
      jobId,
      at,
      staffId: techId,
      from: job.status,
      to: job.status,
      kind: 'bench_start',
      data: {
        planId: plan.id,
        planVersion: plan.version,
        baseline: attemptsSoFar(db, jobId, plan.id),
        meterSource: 'bench-2-meter',
        instrumentId: ut61eId,
      },
    });
    plan.steps.forEach((step, i) => {
      const v = toBase(values[i] ?? 0, parseStepUnit(step.unit, step.measure)?.prefix ?? '');
      const unit = unitOfFunction(step.measure);
      const reading = {
        value: v,
        unit,
        function: step.measure,
        overload: false,
        flags: NO_FLAGS,
        display: formatQuantity(v, unit),
        at: at + (i + 1) * 60_000,
      };
      const j = judgeReading(reading, stepLimits(step));
      const r = insertResult(db, {
        jobId,
        planId: plan.id,
        stepIndex: i,
        at: reading.at,
        value: v,
        unit,
        fn: step.measure,
        display: reading.display,
        verdict: j.verdict === 'PASS' ? 'pass' : 'fail',
        reason: j.verdict === 'PASS' ? null : (j.reason ?? null),
        manual: false,
        instrumentId: ut61eId,
        calibrationOverdue: false,
        staffId: techId,
      });
      appendRepairAudit(db, {
        at: reading.at,
        storeId,
        staffId: techId,
        action: 'bench.result',
        entityType: 'repair_job',
        entityId: jobId,
        data: {
          resultId: r.id,
          planId: plan.id,
          stepIndex: i,
          attempt: r.attempt,
          value: v,
          verdict: j.verdict,
        },
      });
    });
  });
}
