/**
 * SCPI driver ↔ SCPI simulator through a socat pty pair and the real serialport stack.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createScpiMeter, type ScpiMeter } from '../../../core/hardware/meters/scpi-driver';
import {
  DEFAULT_SIM_IDENTITY,
  createScpiMeterSimulator,
  type ScpiMeterSimulator,
} from '../../../core/hardware/meters/scpi-meter-simulator';
import { constantSource, sequenceSource, type ValueSource } from '../../../core/hardware/meters/value-source';
import {
  createSerialTransport,
  type SerialTransport,
} from '../../../core/hardware/transport/serial-transport';
import type { Reading } from '../../../shared/domain/meter/reading';
import { makeLinkDir, startSocatPair, stopAllSocatPairs } from '../../helpers/socat-pair';
import { waitFor } from '../../helpers/wait-for';

const links = makeLinkDir('scpi-pty-');
const cleanup: (() => Promise<void> | void)[] = [];

afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
  await stopAllSocatPairs();
});
afterAll(() => links.remove());

interface Bench {
  meter: ScpiMeter;
  sim: ScpiMeterSimulator;
  simPort: SerialTransport;
  paths: [string, string];
}

async function bench(source: ValueSource, name: string, terminator?: '\n' | '\r\n'): Promise<Bench> {
  const paths: [string, string] = [links.link(`${name}-bench`), links.link(`${name}-meter`)];
  await startSocatPair({ links: paths });
  const simPort = createSerialTransport({ path: paths[1], baudRate: 9600 });
  await simPort.open();
  const sim = createScpiMeterSimulator({ transport: simPort, source, ...(terminator ? { terminator } : {}) });
  sim.start();
  const meter = createScpiMeter({
    transport: createSerialTransport({ path: paths[0], baudRate: 9600 }),
    timeoutMs: 1000,
    reconnectMs: 50,
  });
  await meter.connect();
  cleanup.push(
    () => meter.stop(),
    () => sim.stop(),
    async () => {
      if (simPort.isOpen) await simPort.close();
    },
  );
  return { meter, sim, simPort, paths };
}

describe('SCPI meter over a pty pair', () => {
  it('identifies the meter and takes 20 readings, each the value the meter measured', async () => {
    const values = Array.from({ length: 20 }, (_, i) => 19.4 + i * 0.005);
    const { meter } = await bench(sequenceSource(values), 'twenty');
    expect(await meter.identify()).toEqual(DEFAULT_SIM_IDENTITY);
    await meter.configure('DCV');
    const readings: Reading[] = [];
    for (let i = 0; i < 20; i++) readings.push(await meter.read());
    // NR3 carries 9 significant digits: the values come back exactly as sent.
    expect(readings.map((r) => r.value)).toEqual(values.map((v) => Number(v.toExponential(8))));
    for (const r of readings) expect(r).toMatchObject({ function: 'DCV', unit: 'V', overload: false });
    expect(readings[0]?.instrument).toMatchObject({ driver: 'scpi', model: 'SIM-DMM-1', port: meter.id });
  });

  it('reads overload and CRLF answers through the serial stack', async () => {
    const { meter, sim } = await bench(constantSource('OL'), 'overload', '\r\n');
    expect((await meter.measure('OHM')).overload).toBe(true);
    sim.setSource(constantSource(-0.5123));
    expect(await meter.measure('DCV')).toMatchObject({ value: -0.5123, display: '-512.3 mV' });
  });

  it('reports the unplug, reconnects when the port comes back and carries on streaming', async () => {
    const { meter, sim, simPort, paths } = await bench(constantSource(19.47), 'unplug');
    await meter.configure('DCV');
    const readings: Reading[] = [];
    meter.onReading((r) => readings.push(r));
    meter.startStreaming(20);
    await waitFor(() => readings.length >= 3, 'streamed readings');

    await stopAllSocatPairs(); // pull the cable
    await waitFor(() => meter.status.state === 'disconnected', 'driver reports disconnected');
    expect(meter.status.error?.code).toBe('METER_DISCONNECTED');
    expect(simPort.isOpen).toBe(false);

    await startSocatPair({ links: paths }); // plug it back
    await simPort.open();
    const before = readings.length;
    await waitFor(() => meter.status.state === 'connected', 'driver reconnected');
    await waitFor(() => readings.length >= before + 3, 'readings after reconnect');
    expect(readings.at(-1)).toMatchObject({ function: 'DCV', value: 19.47 });
    expect(sim.received.filter((c) => c === 'CONF:VOLT:DC')).toHaveLength(2);
    expect(meter.stats.reconnects).toBe(1);
  });

  it('times out on a silent meter through the serial stack, then recovers', async () => {
    const { meter, sim } = await bench(constantSource(1.5), 'silent');
    await meter.configure('DCV');
    sim.setSilent(true);
    await expect(meter.read()).rejects.toMatchObject({ code: 'METER_TIMEOUT' });
    sim.setSilent(false);
    expect((await meter.read()).value).toBe(1.5);
  });
});
