/**
 * UT61E simulator → UT61E driver through a socat pty pair and the real serialport stack,
 * down to the bench journey: stable capture of 19.47 V and a PASS against 19.5 V ±5 %.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import {
  UT61E_SERIAL_SETTINGS,
  createUt61eDriver,
  type Ut61eDriver,
} from '../../../core/hardware/meters/ut61e-driver';
import { createUt61eSimulator, type Ut61eSimulator } from '../../../core/hardware/meters/ut61e-simulator';
import { noisySource } from '../../../core/hardware/meters/value-source';
import {
  createSerialTransport,
  type SerialTransport,
} from '../../../core/hardware/transport/serial-transport';
import { judgeReading } from '../../../shared/domain/meter/judge';
import type { Reading } from '../../../shared/domain/meter/reading';
import { createStableCapture, type StableCaptureResult } from '../../../shared/domain/meter/stable-capture';
import { makeLinkDir, startSocatPair, stopAllSocatPairs } from '../../helpers/socat-pair';
import { waitFor } from '../../helpers/wait-for';

const links = makeLinkDir('ut61e-pty-');
const cleanup: (() => Promise<void> | void)[] = [];

afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
  await stopAllSocatPairs();
});
afterAll(() => links.remove());

interface Bench {
  driver: Ut61eDriver;
  sim: Ut61eSimulator;
  meterPort: SerialTransport;
  benchPort: SerialTransport;
  readings: Reading[];
  paths: [string, string];
}

async function bench(name: string): Promise<Bench> {
  const paths: [string, string] = [links.link(`${name}-bench`), links.link(`${name}-ut61e`)];
  await startSocatPair({ links: paths });
  const meterPort = createSerialTransport({ path: paths[1], ...UT61E_SERIAL_SETTINGS });
  await meterPort.open();
  const sim = createUt61eSimulator({
    transport: meterPort,
    intervalMs: 20,
    initial: { function: 'DCV', value: 19.47 },
  });
  const benchPort = createSerialTransport({ path: paths[0], ...UT61E_SERIAL_SETTINGS });
  const driver = createUt61eDriver({ transport: benchPort, reconnectMs: 50, silenceMs: 2000 });
  const readings: Reading[] = [];
  driver.onReading((r) => readings.push(r));
  await driver.start();
  sim.start();
  cleanup.push(
    () => driver.stop(),
    () => sim.stop(),
    async () => {
      if (meterPort.isOpen) await meterPort.close();
    },
  );
  return { driver, sim, meterPort, benchPort, readings, paths };
}

describe('UT61E over a pty pair', () => {
  it('opens the port 19200 7O1 with DTR on and RTS off, tolerating the pty refusing the modem lines', async () => {
    const { benchPort, driver } = await bench('settings');
    expect(benchPort.settings).toMatchObject({ baudRate: 19200, dataBits: 7, parity: 'odd', stopBits: 1 });
    expect(benchPort.modemLines).toMatchObject({ state: 'unsupported', dtr: true, rts: false });
    expect(driver.status.state).toBe('connected');
  });

  it('streams the simulated meter readings', async () => {
    const { readings, driver } = await bench('stream');
    await waitFor(() => readings.length >= 10, '10 readings');
    for (const r of readings) expect(r).toMatchObject({ function: 'DCV', value: 19.47, display: '19.470 V' });
    expect(driver.stats.garbageFrames).toBe(0);
  });

  it('opens by path with the UT61E settings on its own', async () => {
    const paths: [string, string] = [links.link('bypath-bench'), links.link('bypath-ut61e')];
    await startSocatPair({ links: paths });
    const meterPort = createSerialTransport({ path: paths[1], ...UT61E_SERIAL_SETTINGS });
    await meterPort.open();
    const sim = createUt61eSimulator({
      transport: meterPort,
      intervalMs: 20,
      initial: { function: 'OHM', value: 4700 },
    });
    const driver = createUt61eDriver({ path: paths[0] });
    const readings: Reading[] = [];
    driver.onReading((r) => readings.push(r));
    await driver.start();
    sim.start();
    cleanup.push(
      () => driver.stop(),
      () => sim.stop(),
      () => meterPort.close(),
    );
    await waitFor(() => readings.length >= 2, 'readings');
    expect(readings[0]).toMatchObject({ function: 'OHM', value: 4700, display: '4.700 kΩ' });
    expect(driver.id).toBe(`serial:${paths[0]}`);
  });

  it('bench journey: the charger settles at 19.47 V, is captured after 5 stable readings and passes 19.5 V ±5 %', async () => {
    const { sim, driver } = await bench('journey');
    // Settling: a few readings far off, then 19.47 V with ±0.6 mV of noise.
    let n = 0;
    const settle = noisySource(19.47, 0.0006, 42);
    sim.set({ value: (fn, at) => (n++ < 4 ? 18 + n * 0.3 : settle(fn, at)) });
    const capture = createStableCapture({ count: 5, toleranceAbs: 0.002, tolerancePct: 0 });
    let captured: StableCaptureResult | null = null;
    driver.onReading((r) => {
      captured = captured ?? capture.push(r);
    });
    const result = await waitFor(() => captured, 'a stable capture');
    expect(result.count).toBe(5);
    expect(result.spread).toBeLessThanOrEqual(0.002 + 1e-9);
    expect(Math.abs((result.reading.value as number) - 19.47)).toBeLessThanOrEqual(0.001 + 1e-9);
    expect(judgeReading(result.reading, { function: 'DCV', nominal: 19.5, tolerancePct: 5 })).toMatchObject({
      verdict: 'PASS',
    });
    // Step 2, ripple AC ≤ 0.2 V: a DC reading is not judged; 0.35 V AC fails with the limit.
    expect(judgeReading(result.reading, { function: 'ACV', max: 0.2 }).reason).toBe('WRONG_FUNCTION');
    sim.set({ function: 'ACV', value: 0.35 });
    const ac: Reading[] = [];
    driver.onReading((r) => {
      if (r.function === 'ACV') ac.push(r);
    });
    await waitFor(() => ac.length >= 1, 'an AC reading');
    expect(judgeReading(ac[0] as Reading, { function: 'ACV', max: 0.2 })).toMatchObject({
      verdict: 'FAIL',
      reason: 'ABOVE_MAX',
      value: 0.35,
      high: 0.2,
    });
  });

  it('reports the unplug as disconnected and streams again after the port comes back', async () => {
    const { driver, meterPort, readings, paths } = await bench('unplug');
    await waitFor(() => readings.length >= 3, 'readings before unplug');
    await stopAllSocatPairs();
    await waitFor(() => driver.status.state === 'disconnected', 'driver reports disconnected');
    expect(driver.status.error?.code).toBe('METER_DISCONNECTED');
    await startSocatPair({ links: paths });
    await meterPort.open();
    const before = readings.length;
    await waitFor(() => driver.status.state === 'connected', 'driver reconnected');
    await waitFor(() => readings.length >= before + 3, 'readings after reconnect');
    expect(readings.at(-1)).toMatchObject({ function: 'DCV', value: 19.47 });
    expect(driver.stats.reconnects).toBe(1);
  });
});
