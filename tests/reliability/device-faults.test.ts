/**
 * Devices that misbehave under a running core (device manager + print queue on a real SQLite file,
 * real serialport over socat pty pairs with stable symlinks, so a "replugged" device comes back on
 * the same path): a receipt printer unplugged in the middle of a slip, a UT61E meter whose line is
 * full of garbage, and a serial scanner flooding 10,000 codes a second. Each time nothing wrong comes
 * out (no lost or duplicated slip, no wrong reading, no invented scan), the work keeps going (the
 * next job waits, readings keep coming, the flood is handled in small portions and the next scan
 * still arrives — counted, never timed), and everything works again once the device is back.
 */
import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Connection } from '../../core/context';
import type { DeviceManager } from '../../core/services/devices/device-manager';
import { UT61E_SERIAL_SETTINGS } from '../../core/hardware/meters/ut61e-driver';
import { createUt61eSimulator } from '../../core/hardware/meters/ut61e-simulator';
import { SimulatedEscPosPrinter } from '../../core/hardware/printers/simulated-printer';
import { createSerialTransport, type SerialTransport } from '../../core/hardware/transport/serial-transport';
import type { EventName, EventPayload } from '../../shared/contract';
import type { DeviceView } from '../../shared/contract/methods/devices';
import { UartPacer } from '../bench/figures/uart-pacer';
import { makeCore, type CoreFixture } from '../helpers/core-fixture';
import { makeLinkDir, startSocatPair, stopAllSocatPairs, type SocatPair } from '../helpers/socat-pair';
import { waitFor } from '../helpers/wait-for';
import { soakCount } from './helpers/soak';

const FLOOD_SCANS = soakCount('COUNTERDESK_SOAK_SCANS', 10_000);

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

/** A pty pair whose ends keep their paths across restarts (unplug = stop, replug = start again). */
async function pluggablePair(): Promise<{
  pair: () => SocatPair;
  a: string;
  b: string;
  replug(): Promise<void>;
}> {
  const links = makeLinkDir();
  cleanups.push(() => links.remove());
  const a = links.link('host');
  const b = links.link('device');
  let pair = await startSocatPair({ links: [a, b] });
  return {
    pair: () => pair,
    a,
    b,
    async replug() {
      pair = await startSocatPair({ links: [a, b] });
    },
  };
}

async function openEnd(
  path: string,
  settings: Partial<Parameters<typeof createSerialTransport>[0]> = {},
): Promise<SerialTransport> {
  const t = createSerialTransport({ path, baudRate: 115_200, ...settings });
  await t.open();
  cleanups.push(() => t.close());
  return t;
}

describe('devices that fail under a running core', { timeout: 60_000 }, () => {
  it('a printer unplugged mid-slip: the job is kept (failed, for a person to decide), the next one waits, both print once it is back', async () => {
    const plug = await pluggablePair();
    const sim = new SimulatedEscPosPrinter({ columns: 48 });
    let end = await openEnd(plug.b);
    let paced = new UartPacer(end, 115_200);
    let detach = sim.connect(paced);
    expect(end.isOpen).toBe(true);
    const printer = await call<DeviceView>('devices.save', {
      kind: 'printer',
      role: 'receipt-printer',
      name: 'Serial printer',
      driver: 'escpos',
      transport: { type: 'serial', path: plug.a, baudRate: 115_200 },
      options: { statusPollMs: 0, replyTimeoutMs: 3000 },
    });
    await waitFor(() => m.runningDevice(printer.id)?.status.state === 'connected', 'printer ready', 10_000);

    const first = (await call<{ jobId: number }>('devices.testPrint', { deviceId: printer.id })).jobId;
    // Unplug while the slip is on the wire: the printer has some of it, not all.
    await waitFor(() => paced.delivered > 200, 'the slip to be half-way', 10_000, 1);
    detach();
    await plug.pair().stop();
    const failed = await waitFor(
      () =>
        eventsOf('print.job').find(
          (e) => e.jobId === first && (e.status === 'failed' || e.status === 'queued') && e.error,
        ),
      'the interrupted job to be recorded',
      10_000,
    );
    const second = (await call<{ jobId: number }>('devices.testPrint', { deviceId: printer.id })).jobId;
    await waitFor(
      () => eventsOf('print.job').find((e) => e.jobId === second && e.status === 'queued' && e.error),
      'the second job to wait',
    );
    const jobs = f.core.ctx.db.sqlite.prepare('SELECT id, status FROM print_jobs ORDER BY id').all();
    expect(jobs).toEqual([
      { id: first, status: failed.status },
      { id: second, status: 'queued' },
    ]);

    // The printer comes back on the same path; the queue prints the waiting job (the driver reopens the
    // port for it) and the clerk retries the first.
    await plug.replug();
    const back = new SimulatedEscPosPrinter({ columns: 48 }); // power-cycled: a fresh receive buffer
    end = await openEnd(plug.b);
    paced = new UartPacer(end, 115_200);
    detach = back.connect(paced);
    cleanups.push(() => detach());
    f.setNow(Date.UTC(2026, 10, 23, 2, 10, 0)); // past every backoff
    if (failed.status === 'failed') await call('print.retry', { jobId: first });
    m.kickPrintQueue();
    await waitFor(
      () =>
        ['done'].every((s) => eventsOf('print.job').some((e) => e.jobId === second && e.status === s)) &&
        eventsOf('print.job').some((e) => e.jobId === first && e.status === 'done'),
      'both jobs printed after the printer came back',
      20_000,
    );
    expect(back.screen().filter((l) => l.includes('打印测试页'))).toHaveLength(2);
  });

  it('a UT61E streaming garbage: never a wrong reading, readings keep coming and resume after a replug', async () => {
    const plug = await pluggablePair();
    let meterEnd = await openEnd(plug.b, UT61E_SERIAL_SETTINGS);
    let sim = createUt61eSimulator({
      transport: meterEnd,
      intervalMs: 20,
      initial: { function: 'DCV', value: 19.47 },
    });
    sim.start();
    cleanups.push(() => sim.stop());
    const meter = await call<DeviceView>('devices.save', {
      kind: 'meter',
      role: 'bench-2-meter',
      name: 'UT61E',
      driver: 'ut61e',
      transport: { type: 'serial', path: plug.a },
    });
    const readingsOf = () => eventsOf('meter.reading').filter((e) => e.deviceId === meter.id);
    await waitFor(() => readingsOf().length >= 3, 'first readings', 10_000);

    // 400 chunks of random bytes (crypto: checked only by what comes out) between the packets.
    const before = readingsOf().length;
    let garbage = 0;
    for (let i = 0; i < 400; i++) {
      const chunk = randomBytes(512);
      garbage += chunk.length;
      await meterEnd.write(chunk);
      await new Promise((r) => setTimeout(r, 2));
    }
    await waitFor(() => readingsOf().length >= before + 5, 'readings after the garbage', 10_000);
    const values = new Set(readingsOf().map((r) => `${r.reading.function} ${r.reading.value}`));
    expect([...values]).toEqual(['DCV 19.47']);
    expect(garbage).toBe(400 * 512);

    // Unplug, replug on the same path: the meter reconnects and readings resume.
    sim.stop();
    await plug.pair().stop();
    await waitFor(
      () => eventsOf('device.status').find((s) => s.deviceId === meter.id && s.state === 'disconnected'),
      'the unplug',
      10_000,
    );
    await plug.replug();
    meterEnd = await openEnd(plug.b, UT61E_SERIAL_SETTINGS);
    sim = createUt61eSimulator({
      transport: meterEnd,
      intervalMs: 20,
      initial: { function: 'DCV', value: 5.002 },
    });
    sim.start();
    await waitFor(
      () => readingsOf().some((r) => r.reading.value === 5.002),
      'readings from the replugged meter',
      20_000,
    );
  });

  it(`a serial scanner flooding ${FLOOD_SCANS} codes a second: every code comes out once, in order, in small portions, and the next scan still arrives`, async () => {
    const plug = await pluggablePair();
    const scannerEnd = await openEnd(plug.b, { baudRate: 9600 });
    const scanner = await call<DeviceView>('devices.save', {
      kind: 'scanner',
      role: 'counter-scanner',
      name: 'Serial scanner',
      driver: 'serial-scanner',
      transport: { type: 'serial', path: plug.a, baudRate: 9600 },
    });
    await waitFor(() => m.runningDevice(scanner.id)?.status.state === 'connected', 'scanner open', 10_000);
    const codes = Array.from({ length: FLOOD_SCANS }, (_, i) => `S-20261123-${String(i).padStart(5, '0')}`);
    const scans = () => eventsOf('scanner.scan').filter((s) => s.source === 'serial');
    // Responsiveness as a count, not a clock: a timer samples how many scans are out; the scans handled
    // between two samples (one turn of the event loop at most a few) stay a small portion of the flood.
    const samples: number[] = [0];
    const heartbeat = setInterval(() => samples.push(scans().length), 5);
    // 100 bursts of 1 % each, 10 ms apart: 10,000 codes in one second.
    const burst = Math.ceil(codes.length / 100);
    for (let i = 0; i < codes.length; i += burst) {
      await scannerEnd.write(
        new TextEncoder().encode(
          codes
            .slice(i, i + burst)
            .map((c) => `${c}\r\n`)
            .join(''),
        ),
      );
      await new Promise((r) => setTimeout(r, 10));
    }
    await waitFor(() => scans().length >= codes.length, `all ${codes.length} scans`, 30_000, 10);
    clearInterval(heartbeat);
    samples.push(scans().length);
    expect(scans().map((s) => s.code)).toEqual(codes);
    const portions = samples.slice(1).map((n, i) => n - (samples[i] ?? 0));
    const largest = Math.max(...portions);
    expect(portions.filter((p) => p > 0).length).toBeGreaterThan(4);
    expect(largest).toBeLessThanOrEqual(codes.length / 4);
    // Right after the flood a single scan still comes out, once.
    await scannerEnd.write(new TextEncoder().encode('490154203237518\r\n'));
    await waitFor(
      () => scans().find((s) => s.code === '490154203237518'),
      'the scan after the flood',
      5_000,
      1,
    );
    expect(scans().filter((s) => s.code === '490154203237518')).toHaveLength(1);
    console.info(
      `scanner flood: ${codes.length} codes, handled in ${portions.filter((p) => p > 0).length} portions of at most ${largest}`,
    );
  });
});
