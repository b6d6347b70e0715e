/**
 * The SCPI driver against the SCPI simulator over an in-memory transport pair: real driver,
 * real simulator, real bytes; only the wire is in memory. (The same pair over socat ptys and
 * the serialport stack is in tests/integration/meters.)
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createScpiMeter, type ScpiMeter } from '../../../core/hardware/meters/scpi-driver';
import {
  DEFAULT_SIM_IDENTITY,
  createScpiMeterSimulator,
  type ScpiMeterSimulator,
} from '../../../core/hardware/meters/scpi-meter-simulator';
import { constantSource, sequenceSource } from '../../../core/hardware/meters/value-source';
import type { MeterStatus } from '../../../core/hardware/meters/meter-driver';
import { createMemoryPair, type MemoryTransport } from '../../../core/hardware/transport/memory-transport';
import type { Reading } from '../../../shared/domain/meter/reading';
import { waitFor } from '../../helpers/wait-for';

interface Rig {
  meter: ScpiMeter;
  sim: ScpiMeterSimulator;
  driverEnd: MemoryTransport;
  simEnd: MemoryTransport;
}

const rigs: Rig[] = [];

async function rig(
  options: {
    timeoutMs?: number;
    terminator?: '\n' | '\r\n';
    responseDelayMs?: number;
    values?: number[];
  } = {},
): Promise<Rig> {
  const [driverEnd, simEnd] = createMemoryPair({ ids: ['memory:bench', 'memory:sim'] });
  await simEnd.open();
  const sim = createScpiMeterSimulator({
    transport: simEnd,
    source: options.values ? sequenceSource(options.values) : constantSource(19.47),
    ...(options.terminator ? { terminator: options.terminator } : {}),
    ...(options.responseDelayMs ? { responseDelayMs: options.responseDelayMs } : {}),
  });
  sim.start();
  const meter = createScpiMeter({
    transport: driverEnd,
    timeoutMs: options.timeoutMs ?? 500,
    reconnectMs: 20,
  });
  await meter.connect();
  const r = { meter, sim, driverEnd, simEnd };
  rigs.push(r);
  return r;
}

afterEach(async () => {
  for (const r of rigs.splice(0)) {
    await r.meter.stop();
    r.sim.stop();
  }
});

describe('SCPI driver over a memory pair', () => {
  it('identifies the meter from *IDN?', async () => {
    const { meter } = await rig();
    expect(await meter.identify()).toEqual(DEFAULT_SIM_IDENTITY);
  });

  it('configures DC volts and reads 19.47 V', async () => {
    const { meter, sim } = await rig();
    await meter.configure('DCV');
    const reading = await meter.read();
    expect(sim.received).toEqual(['CONF:VOLT:DC', 'READ?']);
    expect(reading).toMatchObject({
      value: 19.47,
      unit: 'V',
      function: 'DCV',
      overload: false,
      display: '19.47 V',
      instrument: { driver: 'scpi', port: 'memory:bench' },
    });
  });

  it('tags readings with the identity once identified', async () => {
    const { meter } = await rig();
    await meter.identify();
    await meter.configure('DCV');
    expect((await meter.read()).instrument).toMatchObject({ model: 'SIM-DMM-1', serial: 'SIM000001' });
  });

  it('accepts CRLF-terminated answers', async () => {
    const { meter } = await rig({ terminator: '\r\n' });
    expect((await meter.measure('DCV')).value).toBe(19.47);
  });

  it('asks CONF? when the function is not known yet', async () => {
    const { meter, sim } = await rig();
    sim.setSource(constantSource(4700));
    await meter.send('CONF:RES');
    const reading = await meter.read();
    expect(sim.received).toEqual(['CONF:RES', 'CONF?', 'READ?']);
    expect(reading).toMatchObject({ function: 'OHM', unit: 'Ω', value: 4700, display: '4.7 kΩ' });
  });

  it('measures in one command', async () => {
    const { meter, sim } = await rig();
    sim.setSource(constantSource(0.0123));
    const reading = await meter.measure('ACA');
    expect(sim.received).toEqual(['MEAS:CURR:AC?']);
    expect(reading).toMatchObject({ function: 'ACA', value: 0.0123, display: '12.3 mA' });
    expect(meter.currentFunction).toBe('ACA');
  });

  it('reports +9.9E37 and -9.9E37 as overload without a value', async () => {
    const { meter, sim } = await rig();
    await meter.configure('OHM');
    sim.setSource(constantSource('OL'));
    expect(await meter.read()).toMatchObject({ overload: true, value: null, display: 'OL' });
    sim.setSource(() => -9.9e37);
    expect(await meter.read()).toMatchObject({ overload: true, value: null, display: '-OL' });
  });

  it('sends a range with CONF', async () => {
    const { meter, sim } = await rig();
    await meter.configure('DCV', 20);
    const reading = await meter.read();
    expect(sim.received[0]).toBe('CONF:VOLT:DC +2.000000E+01');
    expect(reading.range).toBe('20');
    expect(reading.flags.auto).toBe(false);
  });

  it('refuses a function SCPI has no mnemonic for', async () => {
    const { meter } = await rig();
    await expect(meter.configure('DUTY')).rejects.toMatchObject({ code: 'METER_UNSUPPORTED_FUNCTION' });
    await expect(meter.measure('DUTY')).rejects.toMatchObject({ code: 'METER_UNSUPPORTED_FUNCTION' });
  });

  it('keeps one command in flight: concurrent reads get their own answers in order', async () => {
    const values = Array.from({ length: 10 }, (_, i) => i + 1);
    const { meter, sim } = await rig({ values });
    await meter.configure('DCV');
    const readings = await Promise.all(values.map(() => meter.read()));
    expect(readings.map((r) => r.value)).toEqual(values);
    expect(sim.received.filter((c) => c === 'READ?')).toHaveLength(10);
  });

  it('times out with METER_TIMEOUT when the meter is silent, and recovers when it answers again', async () => {
    const { meter, sim } = await rig({ timeoutMs: 100 });
    await meter.configure('DCV');
    sim.setSilent(true);
    const started = performance.now();
    await expect(meter.read()).rejects.toMatchObject({
      code: 'METER_TIMEOUT',
      details: { command: 'READ?' },
    });
    expect(performance.now() - started).toBeGreaterThanOrEqual(95);
    sim.setSilent(false);
    expect((await meter.read()).value).toBe(19.47);
    expect(meter.stats.timeouts).toBe(1);
  });

  it('never takes a late answer for the next command', async () => {
    // The meter answers the first READ? after 250 ms; the driver gives up after 200 ms. The
    // late "1" arrives while the driver resynchronises; the next READ? must get "2".
    const { meter, sim } = await rig({ timeoutMs: 200, responseDelayMs: 250, values: [1, 2, 3] });
    await meter.configure('DCV');
    await expect(meter.read()).rejects.toMatchObject({ code: 'METER_TIMEOUT' });
    sim.setResponseDelay(0);
    expect((await meter.read()).value).toBe(2);
    expect(sim.received).toEqual(['CONF:VOLT:DC', 'READ?', '*IDN?', 'READ?']);
    expect(meter.stats.strayLines).toBe(1);
  });

  it('reports METER_TIMEOUT for the command when the resync finds the meter still silent', async () => {
    const { meter, sim } = await rig({ timeoutMs: 60 });
    await meter.configure('DCV');
    sim.setSilent(true);
    await expect(meter.read()).rejects.toMatchObject({ code: 'METER_TIMEOUT' });
    await expect(meter.read()).rejects.toMatchObject({
      code: 'METER_TIMEOUT',
      details: { command: 'READ?', during: '*IDN?' },
    });
  });

  it('fails with METER_BAD_RESPONSE on an answer that is not a number', async () => {
    const [driverEnd, peer] = createMemoryPair();
    await peer.open();
    peer.onData(() => void peer.write(new TextEncoder().encode('HELLO\n')));
    const meter = createScpiMeter({ transport: driverEnd, timeoutMs: 300 });
    await meter.connect();
    try {
      await meter.configure('DCV'); // the peer answers this with HELLO too: a stray line
      await expect(meter.read()).rejects.toMatchObject({
        code: 'METER_BAD_RESPONSE',
        details: { answer: 'HELLO', command: 'READ?' },
      });
      // After an answer of the wrong kind the driver resyncs with *IDN?; a device that never
      // gives an identity is reported as not answering.
      await expect(meter.identify()).rejects.toMatchObject({
        code: 'METER_TIMEOUT',
        details: { command: '*IDN?' },
      });
    } finally {
      await meter.stop();
    }
  });

  it('streams readings at the poll interval and stops when asked', async () => {
    const { meter } = await rig({ values: [1, 2, 3, 4, 5, 6, 7, 8] });
    await meter.configure('DCV');
    const got: Reading[] = [];
    meter.onReading((r) => got.push(r));
    meter.startStreaming(10);
    await waitFor(() => got.length >= 5, '5 streamed readings');
    meter.stopStreaming();
    const count = got.length;
    expect(got.slice(0, 5).map((r) => r.value)).toEqual([1, 2, 3, 4, 5]);
    await meter.query('*OPC?'); // a full round trip after stopping: no poll sneaks in
    expect(got.length).toBe(count);
  });

  it('shows no-response while the meter is silent during streaming, then connected again', async () => {
    const { meter, sim } = await rig({ timeoutMs: 150 });
    await meter.configure('DCV');
    const states: MeterStatus['state'][] = [];
    meter.onStatus((s) => states.push(s.state));
    meter.startStreaming(10);
    sim.setSilent(true);
    await waitFor(() => meter.status.state === 'no-response', 'no-response');
    expect(meter.status.error?.code).toBe('METER_TIMEOUT');
    sim.setSilent(false);
    await waitFor(() => meter.status.state === 'connected', 'connected again');
    expect(states).toEqual(['no-response', 'connected']);
  });

  it('reports an unplug as disconnected, reconnects when plugged back and restores the function', async () => {
    const { meter, sim, simEnd, driverEnd } = await rig();
    await meter.configure('OHM');
    sim.setSource(constantSource(4700));
    const got: Reading[] = [];
    meter.onReading((r) => got.push(r));
    meter.startStreaming(10);
    await waitFor(() => got.length >= 2, 'readings before unplug');

    driverEnd.unplug();
    await waitFor(() => meter.status.state === 'disconnected', 'disconnected');
    expect(meter.status.error?.code).toBe('METER_DISCONNECTED');
    await expect(meter.read()).rejects.toMatchObject({ code: 'METER_DISCONNECTED' });

    sim.setSource(constantSource(0)); // power-cycled meter: back in DCV
    simEnd.plug();
    await simEnd.open();
    const before = got.length;
    await waitFor(() => meter.status.state === 'connected', 'reconnected');
    await waitFor(() => got.length >= before + 2, 'readings after reconnect');
    expect(sim.received.filter((c) => c === 'CONF:RES')).toHaveLength(2); // re-sent on reconnect
    expect(got.at(-1)?.function).toBe('OHM');
    expect(meter.stats.reconnects).toBe(1);
  });

  it('stop() closes the port, fails nothing later and reports closed', async () => {
    const { meter, driverEnd } = await rig();
    await meter.stop();
    expect(driverEnd.isOpen).toBe(false);
    expect(meter.status.state).toBe('closed');
    await expect(meter.read()).rejects.toMatchObject({ code: 'METER_DISCONNECTED' });
  });

  it('start() on an unplugged port shows disconnected and connects once it is plugged', async () => {
    const [driverEnd, simEnd] = createMemoryPair();
    driverEnd.unplug();
    const meter = createScpiMeter({ transport: driverEnd, reconnectMs: 20, streamIntervalMs: 10 });
    const sim = createScpiMeterSimulator({ transport: simEnd, source: constantSource(5) });
    sim.start();
    try {
      await meter.start();
      expect(meter.status).toMatchObject({ state: 'disconnected', error: { code: 'TRANSPORT_UNPLUGGED' } });
      const got: Reading[] = [];
      meter.onReading((r) => got.push(r));
      driverEnd.plug();
      await simEnd.open();
      await waitFor(() => got.length > 0, 'first reading after plug-in');
      expect(got[0]).toMatchObject({ function: 'DCV', value: 5 });
    } finally {
      await meter.stop();
      sim.stop();
    }
  });
});
