/**
 * The result writer: judges one reading against its step's limits and stores it as the step's next
 * attempt, with the instrument it came from and that instrument's calibration state, and the audit
 * row, in one transaction (refused when the job has left the bench statuses).
 */
import { appendRepairAudit } from '../../../db/repositories/repairs/audit';
import type { DbClient } from '../../../db/client';
import type { InstrumentView } from '../../../shared/contract/methods/bench';
import { judgeReading } from '../../../shared/domain/meter/judge';
import { unitOfFunction, type Reading } from '../../../shared/domain/meter/reading';
import { formatQuantity } from '../../../shared/domain/meter/units';
import { stepLimits, type PlanStep } from '../../../shared/domain/repairs/test-plan';
import { loadJob } from '../repairs/job-record';
import { assertBenchStatus, type Session } from './bench-session';
import {
  calibrationOverdue,
  instrumentById,
  instrumentForIdentity,
  onlyInstrumentOfModel,
} from './instruments';
import { insertResult } from './results';

export interface HowTaken {
  manual: boolean;
  staffId: number | null;
  note?: string;
}

/** Instrument of a meter reading: *IDN? serial, else the run's instrument, else the only one of that model. */
function instrumentOf(db: DbClient, s: Session, reading: Reading, today: string): InstrumentView | null {
  const byIdentity = instrumentForIdentity(db, reading.instrument, today);
  if (byIdentity) return byIdentity;
  if (s.instrumentId !== null) return instrumentById(db, s.instrumentId, today);
  if (reading.instrument) {
    const model = reading.instrument.model ?? reading.instrument.driver.toUpperCase();
    return onlyInstrumentOfModel(db, model, today);
  }
  return null;
}

/** Judges and stores one result of step `index` (see the file comment); returns its id. */
export function writeResult(
  db: DbClient,
  storeId: number,
  s: Session,
  index: number,
  step: PlanStep,
  reading: Reading,
  how: HowTaken,
  now: number,
  today: string,
): number {
  const judgement = judgeReading(reading, stepLimits(step));
  const verdict = judgement.verdict === 'PASS' ? 'pass' : 'fail';
  const reason = judgement.verdict === 'PASS' ? null : (judgement.reason ?? 'NO_VALUE');
  return db.transaction(() => {
    assertBenchStatus(loadJob(db, storeId, s.jobId).status);
    const instrument = how.manual ? null : instrumentOf(db, s, reading, today);
    const overdue = instrument ? calibrationOverdue(instrument.calibrationDue, today) : false;
    const r = insertResult(db, {
      jobId: s.jobId,
      planId: s.plan.id,
      stepIndex: index,
      at: now,
      value: reading.overload ? null : reading.value,
      unit: reading.unit || unitOfFunction(reading.function),
      fn: reading.function,
      display:
        reading.display || (reading.value === null ? 'OL' : formatQuantity(reading.value, reading.unit)),
      verdict,
      reason,
      manual: how.manual,
      instrumentId: instrument?.id ?? null,
      calibrationOverdue: overdue,
      staffId: how.staffId,
    });
    appendRepairAudit(db, {
      at: now,
      storeId,
      staffId: how.staffId,
      action: 'bench.result',
      entityType: 'repair_job',
      entityId: s.jobId,
      data: {
        resultId: r.id,
        planId: s.plan.id,
        stepIndex: index,
        attempt: r.attempt,
        value: reading.overload ? null : reading.value,
        fn: reading.function,
        verdict,
        reason,
        manual: how.manual,
        instrumentId: instrument?.id ?? null,
        calibrationOverdue: overdue,
        ...(how.note ? { note: how.note } : {}),
      },
    });
    return r.id;
  });
}
