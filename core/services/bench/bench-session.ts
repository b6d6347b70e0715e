/**
 * One job's bench run as the service holds it in memory: the durable run record and plan (from
 * the database, run-state.ts), the active step, the capture window, the meter link and the last
 * outcome the screen shows.
 */
import { AppError } from '../../../shared/contract/errors';
import type { BenchRunView, LastOutcomeView, TestPlanView } from '../../../shared/contract/methods/bench';
import type { StableCapture } from '../../../shared/domain/meter/stable-capture';
import type { RepairStatus } from '../../../shared/domain/repairs/statuses';
import type { RunRecord } from './run-state';

/** Job statuses in which the bench may run a plan. */
export const BENCH_STATUSES: readonly RepairStatus[] = ['diagnosing', 'repairing', 'testing'];

/** BENCH_STATUS_NOT_ALLOWED unless the job is in a bench status. */
export function assertBenchStatus(status: RepairStatus): void {
  if (!BENCH_STATUSES.includes(status)) throw new AppError('BENCH_STATUS_NOT_ALLOWED', { status });
}

export type MeterLinkState = BenchRunView['meter']['state'];

export interface Session {
  jobId: string;
  run: RunRecord;
  plan: TestPlanView;
  activeStep: number | null;
  capture: StableCapture | null;
  captureStep: number | null;
  overloads: number;
  meterSource: string | null;
  meterDeviceId: number | null;
  meterState: MeterLinkState;
  instrumentId: number | null;
  last: LastOutcomeView | null;
}
