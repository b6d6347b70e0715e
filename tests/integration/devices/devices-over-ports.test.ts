/**
 * The device manager and print queue over real ports: a receipt printer on a real TCP socket on
 * 127.0.0.1 and on a socat pty pair through serialport, a UT61E on a pty (readings as events,
 * socat killed = unplug), and the messages for a busy or missing serial port.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Connection } from '../../../core/context';
import type { DeviceManager } from '../../../core/services/devices/device-manager';
import { UT61E_SERIAL_SETTINGS } from '../../../core/hardware/meters/ut61e-driver';
import { createUt61eSimulator } from '../../../core/hardware/meters/ut61e-simulator';
import { SimulatedEscPosPrinter } from '../../../core/hardware/printers/simulated-printer';
import {
  serveSimulatedPrinter,
  type SimulatedPrinterServer,
} from '../../../core/hardware/printers/simulated-printer-server';
import { createSerialTransport } from '../../../core/hardware/transport/serial-transport';
import type { EventName, EventPayload } from '../../../shared/contract';
import type { DeviceView } from '../../../shared/contract/methods/devices';
import { makeCore, type CoreFixture } from '../../helpers/core-fixture';
import { startSocatPair, stopAllSocatPairs } from '../../helpers/socat-pair';
import { waitFor } from '../../helpers/wait-for';

let f: CoreFixture;
let m: DeviceManager;
let seen: { name: EventName; payload: unknown }[];
let manager: Connection;
const cleanups: (() => Promise<void> | void)[] = [];

beforeEach(async () => {
  f = makeCore();
  seen = [];
  f.core.ctx.events.subscribe((name, payload) => seen.push({ name, payload }));
  m = f.core.ctx.services.devices;
  await m.start();
  manager = await f.as('M001');
});
afterEach(async () => {
  await m.stop();
  for (const c of cleanups.splice(0).reverse()) await c();
  await stopAllSocatPairs();
  f.close();
});

function eventsOf<K extends EventName>(name: K): EventPayload<K>[] {
  return seen.filter((e) => e.name === name).map((e) => e.payload as EventPayload<K>);
}

async function call<T>(method: string, input: unknown): Promise<T> {
  const r = await f.core.dispatcher.call(manager, method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${JSON.stringify(r.error.details)}`);
  return r.value as T;
}

function save(input: Record<string, unknown>): Promise<DeviceView> {
  return call<DeviceView>('devices.save', input);
}

async function testPrint(deviceId: number): Promise<number> {
  return (await call<{ jobId: number }>('devices.testPrint', { deviceId })).jobId;
}

const jobReached = (jobId: number, status: string) => () =>
  eventsOf('print.job').find((e) => e.jobId === jobId && e.status === status);

describe('devices over real ports', { timeout: 30_000 }, () => {
  it('prints through the queue to a network printer on 127.0.0.1, waits while it is gone, prints when back', async () => {
    const sim = new SimulatedEscPosPrinter({ columns: 48 });
    let server: SimulatedPrinterServer = await serveSimulatedPrinter(sim);
    const port = server.port;
    cleanups.push(() => server.close());
    const printer = await save({
      kind: 'printer',
      role: 'receipt-printer',
      name: 'Network printer',
      driver: 'escpos',
      transport: { type: 'tcp', host: '127.0.0.1', port, connectTimeoutMs: 1000 },
      options: { statusPollMs: 0 },
    });
    await waitFor(() => m.runningDevice(printer.id)?.status.state === 'connected', 'printer ready');

    const first = await testPrint(printer.id);
    await waitFor(jobReached(first, 'done'), 'first job printed');
    expect(sim.screen().filter((l) => l.includes('打印测试页'))).toHaveLength(1);
    expect(sim.screen().some((l) => l.includes(`tcp:127.0.0.1:${port}`))).toBe(true);

    await server.close();
    const second = await testPrint(printer.id);
    const failed = await waitFor(
      () => eventsOf('print.job').find((e) => e.jobId === second && e.status === 'queued' && e.error),
      'the job to wait for the printer',
    );
    expect(['PRINTER_CONNECT_FAILED', 'PRINTER_NO_REPLY']).toContain(failed.error?.code);
    // Refused connect → 'error', dropped socket → 'disconnected': which one depends on when the status poll
    // notices; either way the printer is shown as not ready.
    expect(['disconnected', 'error']).toContain(m.runningDevice(printer.id)?.status.state);

    server = await serveSimulatedPrinter(sim, { port });
    f.setNow(Date.UTC(2026, 10, 23, 2, 0, 5)); // the 5 s backoff has passed
    m.kickPrintQueue();
    await waitFor(jobReached(second, 'done'), 'second job printed after the printer came back');
    expect(sim.screen().filter((l) => l.includes('打印测试页'))).toHaveLength(2);
  });

  it('prints through the queue to a serial printer on a socat pty pair', async () => {
    const pair = await startSocatPair();
    const sim = new SimulatedEscPosPrinter({ columns: 48 });
    const simPort = createSerialTransport({ path: pair.b, baudRate: 9600 });
    await simPort.open();
    sim.connect(simPort);
    cleanups.push(() => simPort.close());
    const printer = await save({
      kind: 'printer',
      role: 'receipt-printer',
      name: 'Serial printer',
      driver: 'escpos',
      transport: { type: 'serial', path: pair.a, baudRate: 9600 },
    });
    await waitFor(() => m.runningDevice(printer.id)?.status.messageKey === 'printer.status.ready', 'ready');
    const job = await testPrint(printer.id);
    await waitFor(jobReached(job, 'done'), 'printed over the pty');
    const paper = sim.screen();
    expect(paper.some((l) => l.includes('中文：退换货 维修 检测 ￥1,299.00'))).toBe(true);
    expect(paper.some((l) => l.includes(`serial:${pair.a}`))).toBe(true);
  });

  it('streams UT61E readings from a pty as meter.reading events; killing socat is an unplug', async () => {
    const pair = await startSocatPair();
    const meterPort = createSerialTransport({ path: pair.b, ...UT61E_SERIAL_SETTINGS });
    await meterPort.open();
    const sim = createUt61eSimulator({
      transport: meterPort,
      intervalMs: 20,
      initial: { function: 'DCV', value: 19.47 },
    });
    sim.start();
    cleanups.push(() => sim.stop());
    const meter = await save({
      kind: 'meter',
      role: 'bench-2-meter',
      name: 'UT61E',
      driver: 'ut61e',
      transport: { type: 'serial', path: pair.a },
    });
    const readings = await waitFor(() => {
      const r = eventsOf('meter.reading').filter((e) => e.deviceId === meter.id);
      return r.length >= 3 ? r : undefined;
    }, 'three readings');
    for (const r of readings)
      expect(r.reading).toMatchObject({
        value: 19.47,
        display: '19.470 V',
        function: 'DCV',
        instrument: { driver: 'ut61e', port: `serial:${pair.a}` },
      });
    await pair.stop();
    const down = await waitFor(
      () => eventsOf('device.status').find((s) => s.deviceId === meter.id && s.state === 'disconnected'),
      'the unplug',
    );
    expect(down.messageKey).toBe('errors.METER_DISCONNECTED');
  });

  it('says when a serial port is busy (locked by another program) or missing', async () => {
    const pair = await startSocatPair();
    const other = createSerialTransport({ path: pair.a, baudRate: 9600 });
    await other.open(); // another program holds the port
    cleanups.push(() => other.close());
    const meter = await save({
      kind: 'meter',
      role: 'bench-1-meter',
      name: 'Busy meter',
      driver: 'scpi',
      transport: { type: 'serial', path: pair.a },
    });
    const busy = await waitFor(
      () => eventsOf('device.status').find((s) => s.deviceId === meter.id && s.state === 'disconnected'),
      'busy status',
    );
    expect(busy).toMatchObject({ messageKey: 'devices.serialBusy', params: { path: pair.a } });

    const printer = await save({
      kind: 'printer',
      role: 'receipt-printer',
      name: 'Unplugged printer',
      driver: 'escpos',
      transport: { type: 'serial', path: '/dev/ttyCOUNTERDESK-NONE' },
    });
    await waitFor(() => m.runningDevice(printer.id)?.status.state === 'disconnected', 'printer status');
    expect(m.runningDevice(printer.id)?.status.messageKey).toBe('devices.serialMissing');

    const scanner = await save({
      kind: 'scanner',
      role: 'counter-scanner',
      name: 'Serial scanner',
      driver: 'serial-scanner',
      transport: { type: 'serial', path: '/dev/ttyCOUNTERDESK-NONE' },
      options: { pollMs: 100 },
    });
    await waitFor(() => m.runningDevice(scanner.id)?.status.state === 'error', 'scanner status');
    expect(m.runningDevice(scanner.id)?.status.messageKey).toBe('devices.serialMissing');
  });

  it('reads scans from a serial scanner on a pty: CR-terminated codes become classified scan events', async () => {
    const pair = await startSocatPair();
    const scannerEnd = createSerialTransport({ path: pair.b, baudRate: 9600 });
    await scannerEnd.open();
    cleanups.push(() => scannerEnd.close());
    const scanner = await save({
      kind: 'scanner',
      role: 'counter-scanner',
      name: 'Serial scanner',
      driver: 'serial-scanner',
      transport: { type: 'serial', path: pair.a },
    });
    await waitFor(() => m.runningDevice(scanner.id)?.status.state === 'connected', 'scanner open');
    await scannerEnd.write(new TextEncoder().encode('490154203237518\r\n'));
    const scan = await waitFor(() => eventsOf('scanner.scan')[0], 'the scan');
    expect(scan).toMatchObject({
      source: 'serial',
      code: '490154203237518',
      classification: { kind: 'imei', imei: { tac: '49015420' } },
      route: 'active-field',
    });
  });
});
