/**
 * UT61E driver fed by the UT61E simulator over an in-memory pair (the same pair over socat
 * ptys and the real serialport stack is in tests/integration/meters).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createUt61eDriver, type Ut61eDriver } from '../../../core/hardware/meters/ut61e-driver';
import { createUt61eSimulator, type Ut61eSimulator } from '../../../core/hardware/meters/ut61e-simulator';
import { sequenceSource } from '../../../core/hardware/meters/value-source';
import { createMemoryPair, type MemoryTransport } from '../../../core/hardware/transport/memory-transport';
import { readingSchema, type Reading } from '../../../shared/domain/meter/reading';
import { waitFor } from '../../helpers/wait-for';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
});

async function rig(silenceMs = 3000): Promise<{
  driver: Ut61eDriver;
  sim: Ut61eSimulator;
  meterEnd: MemoryTransport;
  readings: Reading[];
}> {
  const [driverEnd, meterEnd] = createMemoryPair({ ids: ['memory:bench2', 'memory:ut61e'], chunkSize: 5 });
  await meterEnd.open();
  const sim = createUt61eSimulator({
    transport: meterEnd,
    intervalMs: 10,
    initial: { function: 'DCV', value: 19.47 },
  });
  const driver = createUt61eDriver({ transport: driverEnd, silenceMs, reconnectMs: 20 });
  const readings: Reading[] = [];
  driver.onReading((r) => readings.push(r));
  await driver.start();
  sim.start();
  cleanup.push(
    () => sim.stop(),
    () => driver.stop(),
  );
  return { driver, sim, meterEnd, readings };
}

describe('UT61E driver over a memory pair', () => {
  it('streams the meter readings, tagged with the instrument', async () => {
    const { driver, readings } = await rig();
    await waitFor(() => readings.length >= 5, '5 readings');
    for (const r of readings) {
      expect(readingSchema.safeParse(r).success).toBe(true);
      expect(r).toMatchObject({ function: 'DCV', value: 19.47, display: '19.470 V', range: '22 V' });
      expect(r.instrument).toEqual({
        driver: 'ut61e',
        port: 'memory:bench2',
        manufacturer: 'UNI-T',
        model: 'UT61E',
      });
    }
    expect(driver.status.state).toBe('connected');
    expect(driver.stats.garbageFrames).toBe(0);
  });

  it('follows the meter across functions and overload', async () => {
    const { sim, readings } = await rig();
    await waitFor(() => readings.length >= 1, 'first reading');
    sim.set({ function: 'OHM', value: 'OL' });
    await waitFor(() => readings.some((r) => r.overload), 'an OL reading');
    sim.set({ function: 'CAP', value: sequenceSource([1e-7]) });
    await waitFor(() => readings.some((r) => r.function === 'CAP'), 'a capacitance reading');
    const ol = readings.find((r) => r.overload);
    expect(ol).toMatchObject({ function: 'OHM', value: null, display: 'OL' });
    expect(readings.find((r) => r.function === 'CAP')).toMatchObject({ value: 1e-7, display: '100.00 nF' });
  });

  it('shows no-response when the meter stops sending, connected when it resumes', async () => {
    const { driver, sim, readings } = await rig(100);
    await waitFor(() => readings.length >= 1, 'first reading');
    sim.stop();
    await waitFor(() => driver.status.state === 'no-response', 'no-response');
    expect(driver.status.error?.code).toBe('METER_NO_DATA');
    sim.start();
    await waitFor(() => driver.status.state === 'connected', 'connected again');
  });

  it('reports an unplug and resumes streaming after the cable is back', async () => {
    const { driver, meterEnd, readings } = await rig();
    await waitFor(() => readings.length >= 2, 'readings before unplug');
    meterEnd.unplug();
    await waitFor(() => driver.status.state === 'disconnected', 'disconnected');
    expect(driver.status.error?.code).toBe('METER_DISCONNECTED');
    const before = readings.length;
    meterEnd.plug();
    await meterEnd.open();
    await waitFor(() => readings.length >= before + 3, 'readings after replug');
    expect(driver.stats.reconnects).toBe(1);
  });

  it('needs a path or a transport', () => {
    expect(() => createUt61eDriver({})).toThrow(TypeError);
  });
});
