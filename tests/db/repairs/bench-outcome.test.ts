/**
 * The bench tells the technician why a step did not capture, through the contract on a real SQLite
 * file: the run view's `lastOutcome` says "wrong function" (AC on a DC step), "overload", "out of
 * range" (a capture outside the limits, FAIL), "meter disconnected" — each with a sentence in both
 * locales — while the step stays active and resumable (a later good reading captures it). Manual
 * entry is refused where the step does not allow it (BENCH_MANUAL_NOT_ALLOWED) and stores nothing.
 */
import { describe, expect, it } from 'vitest';
import { pngDataUrl, signaturePng } from '../../helpers/png';
import type { BenchRunView } from '../../../shared/contract/methods/bench';
import {
  NO_FLAGS,
  unitOfFunction,
  type MeterFunction,
  type Reading,
} from '../../../shared/domain/meter/reading';
import { repairCategory } from '../../../shared/domain/repairs/categories';
import { DEFAULT_TEST_PLANS } from '../../../shared/domain/repairs/default-test-plans';
import { resources } from '../../../shared/i18n';
import { makeTranslator } from '../../../shared/i18n/translate';
import { contractApi, makeCore, type CoreFixture } from '../../helpers/core-fixture';

const api = contractApi;

const zh = makeTranslator(resources, 'zh-CN');
const en = makeTranslator(resources, 'en-US');
/** The sentence of the run's last outcome, as the Bench screen shows it. */
const said = (run: BenchRunView, t = zh) =>
  run.lastOutcome ? t(run.lastOutcome.messageKey, run.lastOutcome.params) : '';

async function laptopOnBench(f: CoreFixture) {
  const { ok } = api(f);
  const manager = await f.as('M001');
  const clerk = await f.as('C001');
  const tech = await f.as('T001');
  await ok(
    manager,
    'bench.savePlan',
    DEFAULT_TEST_PLANS.find((p) => p.categoryCode === 'laptop'),
  );
  const { job } = await ok(clerk, 'repairs.intake', {
    idempotencyKey: 'bench-outcome-intake',
    customer: { name: '刘洋', phone: '18800002222' },
    device: { categoryCode: 'laptop', brand: '联想', model: '小新 Pro 14', serial: 'OUTCOME-1' },
    fault: { code: 'not_charging', text: '' },
    condition: repairCategory('laptop').checklist.map((item) => ({ item, state: 'ok', note: '' })),
    accessoriesLeft: [],
    passcode: { policy: 'customer_removed' },
    estimateMinor: 0,
    signature: pngDataUrl(signaturePng(160, 48, 5)),
    termsAccepted: true,
  });
  for (const to of ['diagnosing', 'repairing', 'testing'])
    await ok(tech, 'repairs.transition', { jobId: job.id, to });
  return { tech, jobId: job.id };
}

describe('bench: why a step did not capture', () => {
  it('wrong function, overload, out of range and a refused manual entry, each in words; the step resumes', async () => {
    const f = makeCore();
    try {
      const { ok, code } = api(f);
      const { tech, jobId } = await laptopOnBench(f);
      let at = f.core.ctx.now();
      const reading = (fn: MeterFunction, value: number | null): Reading => {
        at += 250;
        return {
          value,
          unit: unitOfFunction(fn),
          function: fn,
          overload: value === null,
          flags: NO_FLAGS,
          display: value === null ? 'OL' : `${value} ${unitOfFunction(fn)}`,
          at,
        };
      };
      const feed = (stepIndex: number, fn: MeterFunction, value: number | null) =>
        ok(tech, 'bench.submitReading', { jobId, stepIndex, reading: reading(fn, value) });
      const state = () => ok(tech, 'bench.state', { jobId });

      const started = await ok(tech, 'bench.start', { jobId });
      expect(started.lastOutcome).toBeNull();
      expect(started.activeStep).toBe(0);

      // Step 1 (DC 19.5 V) does not allow manual entry: refused, nothing stored, the step still active.
      expect(await code(tech, 'bench.manualEntry', { jobId, stepIndex: 0, value: 19.5 })).toBe(
        'BENCH_MANUAL_NOT_ALLOWED',
      );
      expect(zh('errors.BENCH_MANUAL_NOT_ALLOWED', { stepIndex: 0 })).toContain('不允许手工录入');
      // Step 3 does allow it, but is not the active one.
      expect(await code(tech, 'bench.manualEntry', { jobId, stepIndex: 2, value: 0.4 })).toBe(
        'BENCH_STEP_NOT_ACTIVE',
      );
      expect(await ok(tech, 'bench.results', { jobId })).toEqual([]);
      expect((await state()).steps[0]?.state).toBe('active');

      // The meter is on AC while the step measures DC: not captured, and the run view says why.
      const wrong = await feed(0, 'ACV', 19.47);
      expect(wrong.outcome).toBe('wrong_function');
      const w = await state();
      expect(w.lastOutcome).toMatchObject({
        outcome: 'wrong_function',
        messageKey: 'bench.outcome.wrong_function',
        params: { expected: 'DCV', actual: 'ACV' },
        stepIndex: 0,
      });
      expect(said(w)).toContain('万用表档位不对');
      expect(said(w, en)).toContain('wrong function');
      expect(w.steps[0]?.state).toBe('active');
      expect(w.capture.pending).toBe(0);

      // Overload: counted, not captured yet, said with the count.
      await feed(0, 'DCV', null);
      const o = await state();
      expect(o.lastOutcome).toMatchObject({ outcome: 'overload', params: { pending: 1, needed: 5 } });
      expect(said(o)).toContain('超量程');
      expect(o.steps[0]?.state).toBe('active');

      // Resumable: the dial turned back and a stable 19.47 V captures the same step → PASS.
      for (let i = 0; i < 4; i++) expect((await feed(0, 'DCV', 19.47)).outcome).toBe('waiting');
      // Settling clears the warning: nothing is wrong any more.
      expect((await state()).lastOutcome?.outcome).toBe('waiting');
      const captured = await feed(0, 'DCV', 19.47);
      expect(captured.result).toMatchObject({ stepIndex: 0, verdict: 'pass' });
      expect(captured.run.lastOutcome?.outcome).toBe('captured');

      // Step 2 (ripple ≤ 0.2 V AC) captures 0.35 V: out of range, FAIL, with the limit in words.
      for (let i = 0; i < 5; i++) await feed(1, 'ACV', 0.35);
      const fail = await state();
      expect(fail.steps[1]).toMatchObject({ state: 'fail', latest: { reason: 'ABOVE_MAX' } });
      expect(fail.lastOutcome).toMatchObject({
        outcome: 'out_of_range',
        messageKey: 'bench.outcomeFail.ABOVE_MAX',
        stepIndex: 1,
        params: { step: 2 },
      });
      expect(said(fail)).toMatch(/第 2 步读数 0\.35 V 超出范围：高于上限 (0\.2 V|200 mV)/);
      expect(said(fail, en)).toContain('out of range');
      // The next step only settling does not hide why step 2 failed; retesting it does.
      await feed(2, 'CONT', 0.4);
      expect((await state()).lastOutcome?.outcome).toBe('out_of_range');
      const again = await ok(tech, 'bench.retest', { jobId, stepIndex: 1 });
      expect(again.lastOutcome).toBeNull();
      expect(again.activeStep).toBe(1);
      for (let i = 0; i < 5; i++) await feed(1, 'ACV', 0.05);
      expect((await state()).steps[1]?.state).toBe('pass');

      // Step 3 (continuity, 3 stable readings): a lasting overload fails it, said as such.
      for (let i = 0; i < 3; i++) await feed(2, 'CONT', null);
      const ol = await state();
      expect(ol.steps[2]).toMatchObject({ state: 'fail', latest: { reason: 'OVERLOAD' } });
      expect(ol.lastOutcome).toMatchObject({
        outcome: 'out_of_range',
        messageKey: 'bench.outcomeFail.OVERLOAD',
      });
      expect(said(ol)).toContain('持续超量程');
      // Every key the service names has a sentence in both locales.
      for (const t of [zh, en])
        for (const key of [
          'bench.outcome.wrong_function',
          'bench.outcome.overload',
          'bench.outcome.meter_disconnected',
          'bench.outcomeFail.BELOW_MIN',
          'bench.outcomeFail.ABOVE_MAX',
          'bench.outcomeFail.OVERLOAD',
          'bench.outcomeFail.NO_VALUE',
        ])
          expect(t(key, {})).not.toBe(key);
    } finally {
      f.close();
    }
  });

  it('a meter that drops out says so and keeps the step; back, the next readings capture it', async () => {
    const f = makeCore();
    try {
      const { ok } = api(f);
      const { tech, jobId } = await laptopOnBench(f);
      const bench = f.core.ctx.services.bench;
      await ok(tech, 'bench.start', { jobId, meterSource: 'test-meter' });
      let at = f.core.ctx.now();
      const dc = (value: number): Reading => {
        at += 250;
        return {
          value,
          unit: 'V',
          function: 'DCV',
          overload: false,
          flags: NO_FLAGS,
          display: `${value} V`,
          at,
        };
      };
      bench.meterStatus('test-meter', 'connected');
      bench.feedReading('test-meter', dc(19.5));
      bench.feedReading('test-meter', dc(19.5));
      expect((await ok(tech, 'bench.state', { jobId })).capture.pending).toBe(2);

      bench.meterStatus('test-meter', 'disconnected');
      const gone = await ok(tech, 'bench.state', { jobId });
      expect(gone.meter.state).toBe('disconnected');
      expect(gone.lastOutcome).toMatchObject({ outcome: 'meter_disconnected', stepIndex: 0 });
      expect(said(gone)).toContain('万用表已断开');
      expect(gone.steps[0]?.state).toBe('active');
      expect(gone.capture.pending).toBe(0);
      // Re-binding the run (the screen picks the meter again) keeps what the step last said.
      const rebound = await ok(tech, 'bench.start', { jobId, meterSource: 'test-meter' });
      expect(rebound.lastOutcome?.outcome).toBe('meter_disconnected');

      bench.meterStatus('test-meter', 'connected');
      expect((await ok(tech, 'bench.state', { jobId })).lastOutcome).toBeNull();
      for (let i = 0; i < 5; i++) bench.feedReading('test-meter', dc(19.5));
      const back = await ok(tech, 'bench.state', { jobId });
      expect(back.steps[0]).toMatchObject({ state: 'pass', latest: { manual: false } });
      expect(back.activeStep).toBe(1);
    } finally {
      f.close();
    }
  });
});
