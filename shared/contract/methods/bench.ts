/**
 * The repair bench: test plans per category (data, versioned, edited by a manager), runs of a plan
 * on a job with meter readings auto-captured and judged, manual entry where a step allows it,
 * retests kept as new attempts, and the instruments with their calibration dates.
 */
import { z } from 'zod';
import { readingSchema } from '../../domain/meter/reading';
import { planDraftSchema, planStepSchema } from '../../domain/repairs/test-plan';
import { method } from '../define';
import { day, epochMs } from '../schemas';
import { jobId, staffRef } from './repairs';

export const testPlan = z.object({
  id: z.number().int(),
  categoryCode: z.string(),
  name: z.string(),
  version: z.number().int(),
  active: z.boolean(),
  steps: z.array(planStepSchema),
  updatedAt: epochMs,
  updatedBy: staffRef.nullable(),
});
export type TestPlanView = z.infer<typeof testPlan>;

export const instrument = z.object({
  id: z.number().int(),
  deviceId: z.number().int().nullable(),
  model: z.string(),
  serial: z.string(),
  calibrationDue: day.nullable(),
  calibrationOverdue: z.boolean(),
});
export type InstrumentView = z.infer<typeof instrument>;

export const testResult = z.object({
  id: z.number().int(),
  jobId: z.string(),
  planId: z.number().int(),
  stepIndex: z.number().int(),
  attempt: z.number().int(),
  at: epochMs,
  /** Base units (V, A, Ω …); null for an overload. */
  value: z.number().nullable(),
  unit: z.string(),
  fn: z.string(),
  display: z.string(),
  verdict: z.enum(['pass', 'fail']),
  /** BELOW_MIN | ABOVE_MAX | OVERLOAD (null on a pass). */
  reason: z.string().nullable(),
  manual: z.boolean(),
  instrument: instrument.nullable(),
  calibrationOverdue: z.boolean(),
  staff: staffRef.nullable(),
  /** The step's limits in base units (from the plan version the result belongs to). */
  low: z.number().nullable(),
  high: z.number().nullable(),
});
export type TestResultView = z.infer<typeof testResult>;

export const STEP_STATES = ['pending', 'active', 'pass', 'fail'] as const;
export const METER_LINK_STATES = ['unknown', 'connected', 'no-response', 'disconnected', 'closed'] as const;

export const benchStep = z.object({
  index: z.number().int(),
  label: z.string(),
  labelEn: z.string().nullable(),
  measure: z.string(),
  unit: z.string(),
  low: z.number().nullable(),
  high: z.number().nullable(),
  meterRequired: z.boolean(),
  allowManual: z.boolean(),
  stableCount: z.number().int(),
  state: z.enum(STEP_STATES),
  /** This run's latest result for the step. */
  latest: testResult.nullable(),
  /** Attempts of this step on this job, all runs. */
  attempts: z.number().int(),
});

export const READING_OUTCOMES = [
  'waiting',
  'captured',
  'wrong_function',
  'overload',
  'complete',
  'meter_disconnected',
] as const;

/** What the run's last reading (or meter event) came to: the reading outcomes, plus a capture that failed its limits. */
export const LAST_OUTCOMES = [...READING_OUTCOMES, 'out_of_range'] as const;

/**
 * The last thing that happened to the active step, in words for the technician: a reading in the
 * wrong function or an overload (not captured), a capture outside the limits (FAIL, retest offered),
 * the meter gone (step kept). Kept in memory by the bench service; null after a retest or restart.
 */
export const lastOutcome = z.object({
  outcome: z.enum(LAST_OUTCOMES),
  /** i18n key (`bench.outcome.*`, `bench.outcomeFail.<reason>`) and its params. */
  messageKey: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  /** The step it concerns (null once the plan is complete). */
  stepIndex: z.number().int().nullable(),
  at: epochMs,
});
export type LastOutcomeView = z.infer<typeof lastOutcome>;

export const benchRun = z.object({
  jobId: z.string(),
  plan: testPlan,
  startedAt: epochMs,
  startedBy: staffRef.nullable(),
  activeStep: z.number().int().nullable(),
  complete: z.boolean(),
  allPassed: z.boolean(),
  capture: z.object({ pending: z.number().int(), needed: z.number().int(), overloads: z.number().int() }),
  meter: z.object({ source: z.string().nullable(), state: z.enum(METER_LINK_STATES) }),
  instrument: instrument.nullable(),
  steps: z.array(benchStep),
  /** Why the active step did (not) capture, last reading or meter event first. */
  lastOutcome: lastOutcome.nullable(),
});
export type BenchRunView = z.infer<typeof benchRun>;

export const readingOutcome = z.object({
  outcome: z.enum(READING_OUTCOMES),
  /** i18n key `bench.outcome.<outcome>` and its params (expected/actual function, pending/needed …). */
  messageKey: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  result: testResult.nullable(),
  run: benchRun,
});
export type ReadingOutcomeView = z.infer<typeof readingOutcome>;

export const benchMethods = {
  'bench.plans': method({
    summary: 'Test plans per category (the active version, or every version).',
    access: 'repairs.read',
    input: z
      .object({
        categoryCode: z.string().trim().min(1).max(40).optional(),
        includeInactive: z.boolean().default(false),
      })
      .strict(),
    output: z.array(testPlan),
  }),
  'bench.savePlan': method({
    summary:
      'Save a category’s test plan as a new version (manager); results keep pointing at their version.',
    access: 'settings.manage',
    input: planDraftSchema,
    output: testPlan,
  }),
  'bench.start': method({
    summary: 'Start (or resume) the bench run of a job on its category’s plan, optionally bound to a meter.',
    access: 'bench.run',
    input: z
      .object({
        jobId,
        /** The meter feeding this run (device manager source id, e.g. serial:/dev/ttyUSB0). */
        meterSource: z.string().trim().min(1).max(200).optional(),
        instrumentId: z.number().int().positive().optional(),
        /** Start a fresh run even if one is in progress. */
        restart: z.boolean().default(false),
      })
      .strict(),
    output: benchRun,
  }),
  'bench.state': method({
    summary: 'The bench run of a job as it stands (resumable after a disconnect or restart).',
    access: 'repairs.read',
    input: z.object({ jobId }).strict(),
    output: benchRun,
  }),
  'bench.submitReading': method({
    summary: 'Feed one meter reading to the active step: stable capture, then judged and stored.',
    access: 'bench.run',
    input: z.object({ jobId, stepIndex: z.number().int().min(0).max(29), reading: readingSchema }).strict(),
    output: readingOutcome,
  }),
  'bench.manualEntry': method({
    summary: 'Type a value for a step that allows it (stored as manual), in the step’s unit.',
    access: 'bench.run',
    input: z
      .object({
        jobId,
        stepIndex: z.number().int().min(0).max(29),
        value: z.number().finite(),
        note: z.string().trim().max(200).default(''),
      })
      .strict(),
    output: z.object({ result: testResult, run: benchRun }),
  }),
  'bench.retest': method({
    summary: 'Test a step again: the next result is a new attempt; earlier attempts are kept.',
    access: 'bench.run',
    input: z.object({ jobId, stepIndex: z.number().int().min(0).max(29) }).strict(),
    output: benchRun,
  }),
  'bench.results': method({
    summary: 'Every test result of a job, all attempts, oldest first.',
    access: 'repairs.read',
    input: z.object({ jobId }).strict(),
    output: z.array(testResult),
  }),
  'bench.instruments': method({
    summary: 'Bench instruments with their calibration due dates (past due flagged).',
    access: 'repairs.read',
    input: z.object({}).strict(),
    output: z.array(instrument),
  }),
  'bench.saveInstrument': method({
    summary: 'Register an instrument or change its calibration due date (manager).',
    access: 'settings.manage',
    input: z
      .object({
        id: z.number().int().positive().optional(),
        model: z.string().trim().min(1).max(60),
        serial: z.string().trim().min(1).max(60),
        calibrationDue: day.nullable(),
        deviceId: z.number().int().positive().nullable().default(null),
      })
      .strict(),
    output: instrument,
  }),
};
