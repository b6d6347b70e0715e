/**
 * A simulated UT61E on a real socat pty pair, through the real serialport stack and the UT61E
 * driver, drives a repair job's bench run in a real core (SQLite file, dispatcher, sessions):
 * step 1 captures 19.47 V by itself and PASSes; step 2 ignores DC readings (wrong function, not
 * judged — the run view's last outcome says so, and the step stays active) and FAILs at 0.35 V AC
 * (out of range); a retest at 0.05 V passes and both attempts are kept; the meter
 * is unplugged mid-step 3 — the run says so and keeps the step — and after the replug 0.4 Ω
 * passes. Every result carries the instrument, flagged past its calibration date.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { pngDataUrl, signaturePng } from '../../helpers/png';
import { UT61E_SERIAL_SETTINGS, createUt61eDriver } from '../../../core/hardware/meters/ut61e-driver';
import { createUt61eSimulator } from '../../../core/hardware/meters/ut61e-simulator';
import { createSerialTransport } from '../../../core/hardware/transport/serial-transport';
import { attachMeterToBench } from '../../../core/services/bench/attach-meter';
import type { Connection } from '../../../core/context';
import type { MethodName, MethodOutput } from '../../../shared/contract';
import type { Result } from '../../../shared/contract/errors';
import { repairCategory } from '../../../shared/domain/repairs/categories';
import { DEFAULT_TEST_PLANS } from '../../../shared/domain/repairs/default-test-plans';
import { makeCore, type CoreFixture } from '../../helpers/core-fixture';
import { makeLinkDir, startSocatPair, stopAllSocatPairs } from '../../helpers/socat-pair';
import { waitFor } from '../../helpers/wait-for';

const links = makeLinkDir('bench-pty-');
const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
  await stopAllSocatPairs();
});
afterAll(() => links.remove());

/** A contract call that throws the error code (for setup steps). */
function caller(f: CoreFixture) {
  return async <K extends MethodName>(conn: Connection, m: K, input: unknown): Promise<MethodOutput<K>> => {
    const r = (await f.core.dispatcher.call(conn, m, input)) as Result<MethodOutput<K>>;
    if (!r.ok) throw new Error(`${m}: ${r.error.code} ${JSON.stringify(r.error.details)}`);
    return r.value;
  };
}

describe('bench run driven by a UT61E over a pty pair', () => {
  it('captures, judges PASS and FAIL, keeps retests, survives an unplug mid-step', async () => {
    const f = makeCore({ now: Date.UTC(2026, 10, 23, 2) });
    cleanup.push(() => f.close());
    const call = caller(f);
    const manager = await f.as('M001');
    const clerk = await f.as('C001');
    const tech = await f.as('T001');
    const laptopPlan = DEFAULT_TEST_PLANS.find((p) => p.categoryCode === 'laptop');
    await call(manager, 'bench.savePlan', laptopPlan);
    const instrument = await call(manager, 'bench.saveInstrument', {
      model: 'UT61E',
      serial: 'PTY-0001',
      calibrationDue: '2026-06-30',
    });
    expect(instrument.calibrationOverdue).toBe(true);
    const intake = await call(clerk, 'repairs.intake', {
      idempotencyKey: 'bench-pty-intake-1',
      customer: { name: '刘洋', phone: '18800002222' },
      device: { categoryCode: 'laptop', brand: '联想', model: '小新 Pro 14', serial: 'PTY-LAPTOP-1' },
      fault: { code: 'not_charging', text: '' },
      condition: repairCategory('laptop').checklist.map((item) => ({ item, state: 'ok', note: '' })),
      accessoriesLeft: [],
      passcode: { policy: 'customer_removed' },
      estimateMinor: 0,
      signature: pngDataUrl(signaturePng(160, 48, 7)),
      termsAccepted: true,
    });
    const jobId = intake.job.id;
    for (const to of ['diagnosing', 'repairing', 'testing'])
      await call(tech, 'repairs.transition', { jobId, to });

    // The meter: simulator on one end of the pair, the driver on the other, joined to the bench.
    const paths: [string, string] = [links.link('bench'), links.link('meter')];
    await startSocatPair({ links: paths });
    const meterPort = createSerialTransport({ path: paths[1], ...UT61E_SERIAL_SETTINGS });
    await meterPort.open();
    const sim = createUt61eSimulator({
      transport: meterPort,
      intervalMs: 20,
      initial: { function: 'DCV', value: 19.47 },
    });
    const driver = createUt61eDriver({
      transport: createSerialTransport({ path: paths[0], ...UT61E_SERIAL_SETTINGS }),
      reconnectMs: 50,
      silenceMs: 1000,
    });
    await driver.start();
    sim.start();
    const detach = attachMeterToBench(f.core.ctx.services.bench, driver, 'pty-meter');
    cleanup.push(
      detach,
      () => driver.stop(),
      () => sim.stop(),
      async () => {
        if (meterPort.isOpen) await meterPort.close();
      },
    );

    await call(tech, 'bench.start', { jobId, meterSource: 'pty-meter', instrumentId: instrument.id });
    const state = () => call(tech, 'bench.state', { jobId });
    const stepState = async (i: number) => (await state()).steps[i]?.state;

    // Step 1: DC output 19.5 V ±5 %: 19.47 V captured by itself → PASS.
    await waitFor(async () => (await stepState(0)) === 'pass', 'step 1 passes', 10_000);
    const st1 = await state();
    const s1 = st1.steps[0]?.latest;
    expect(s1).toMatchObject({ verdict: 'pass', manual: false, calibrationOverdue: true, unit: 'V' });
    expect(s1?.value).toBeCloseTo(19.47, 3);
    expect(s1?.instrument).toMatchObject({ model: 'UT61E', serial: 'PTY-0001' });

    // Step 2 wants AC volts: the DC readings still streaming are not judged, and the run says why.
    await waitFor(
      async () => (await state()).lastOutcome?.outcome === 'wrong_function',
      'the run says the meter is in the wrong function',
      10_000,
    );
    const wrong = await state();
    expect(wrong.lastOutcome).toMatchObject({
      messageKey: 'bench.outcome.wrong_function',
      params: { expected: 'ACV', actual: 'DCV' },
      stepIndex: 1,
    });
    expect(wrong.steps[1]).toMatchObject({ state: 'active', attempts: 0 });
    expect(wrong.capture.pending).toBe(0);
    sim.set({ function: 'ACV', value: 0.35 });
    await waitFor(async () => (await stepState(1)) === 'fail', 'step 2 fails', 10_000);
    const failed = await state();
    expect(failed.steps[1]?.latest).toMatchObject({
      verdict: 'fail',
      reason: 'ABOVE_MAX',
      value: 0.35,
    });
    // Out of range, said as such — unless the AC readings reaching step 3 already say "wrong function".
    expect(['out_of_range', 'wrong_function']).toContain(failed.lastOutcome?.outcome);

    // Retest at 0.05 V: PASS, and the failed attempt is kept.
    sim.set({ function: 'ACV', value: 0.05 });
    await call(tech, 'bench.retest', { jobId, stepIndex: 1 });
    await waitFor(async () => (await stepState(1)) === 'pass', 'step 2 passes on retest', 10_000);
    const step2 = (await call(tech, 'bench.results', { jobId })).filter((r) => r.stepIndex === 1);
    expect(step2.map((r) => [r.attempt, r.verdict])).toEqual([
      [1, 'fail'],
      [2, 'pass'],
    ]);

    // Step 3 (continuity ≤ 2 Ω): the meter is unplugged mid-step; the run says so and keeps the step.
    expect(await stepState(2)).toBe('active');
    await stopAllSocatPairs();
    await waitFor(async () => (await state()).meter.state === 'disconnected', 'run sees the unplug', 10_000);
    expect(await stepState(2)).toBe('active');
    expect((await state()).lastOutcome).toMatchObject({ outcome: 'meter_disconnected', stepIndex: 2 });
    await startSocatPair({ links: paths });
    await meterPort.open();
    sim.set({ function: 'CONT', value: 0.4 });
    await waitFor(async () => (await state()).complete, 'run completes after the replug', 15_000);
    const done = await state();
    expect(done.allPassed).toBe(true);
    expect(done.meter.state).toBe('connected');
    expect(done.steps[2]?.latest).toMatchObject({ verdict: 'pass', unit: 'Ω' });

    // Now the job can go to QC (tests passed is what the move needs).
    const moved = await call(tech, 'repairs.transition', { jobId, to: 'qc' });
    expect(moved.status).toBe('qc');
  });
});
