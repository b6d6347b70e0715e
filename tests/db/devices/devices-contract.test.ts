/**
 * The devices and print contract through the real dispatcher, on a real SQLite file, with the
 * device manager running the demo's simulated devices (HID-POS scanner, 80 mm printer, UT61E,
 * SCPI meter) over in-memory pairs that speak the real bytes.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Connection } from '../../../core/context';
import { seedDemoDevices } from '../../../core/services/devices/demo-devices';
import type { DeviceManager } from '../../../core/services/devices/device-manager';
import type { EventName, EventPayload } from '../../../shared/contract';
import type { DeviceView } from '../../../shared/contract/methods/devices';
import { makeCore, type CoreFixture } from '../../helpers/core-fixture';
import { tempDir } from '../../helpers/temp-dir';
import { waitFor } from '../../helpers/wait-for';

let f: CoreFixture;
let m: DeviceManager;
let seen: { name: EventName; payload: unknown }[];

beforeEach(() => {
  f = makeCore();
  seen = [];
  f.core.ctx.events.subscribe((name, payload) => seen.push({ name, payload }));
  m = f.core.ctx.services.devices;
});
afterEach(async () => {
  await m.stop();
  f.close();
});

function eventsOf<K extends EventName>(name: K): EventPayload<K>[] {
  return seen.filter((e) => e.name === name).map((e) => e.payload as EventPayload<K>);
}

async function call<T = unknown>(conn: Connection, method: string, input: unknown = {}): Promise<T> {
  const r = await f.core.dispatcher.call(conn, method, input);
  if (!r.ok)
    throw Object.assign(new Error(`${method}: ${r.error.code}`), { code: r.error.code, error: r.error });
  return r.value as T;
}

async function errorCode(conn: Connection, method: string, input: unknown = {}): Promise<string> {
  const r = await f.core.dispatcher.call(conn, method, input);
  if (r.ok) throw new Error(`${method} succeeded`);
  return r.error.code;
}

async function startDemo(): Promise<Record<string, DeviceView>> {
  const db = f.core.ctx.db.sqlite;
  seedDemoDevices(f.core.ctx.db, f.core.ctx.now());
  // The demo UT61E sends 2 packets a second like the real meter; 20 a second keeps the tests short.
  db.prepare(
    `UPDATE devices SET options = json_set(options, '$.simIntervalMs', 50) WHERE driver = 'ut61e'`,
  ).run();
  await m.start();
  const byRole = Object.fromEntries(m.list().map((d) => [d.role, d]));
  for (const d of Object.values(byRole))
    await waitFor(() => m.runningDevice(d.id)?.status.state === 'connected', `${d.role} connected`);
  return byRole;
}

describe('devices contract with the demo devices', () => {
  it('lists the four demo devices, connected, with device.status events', async () => {
    const byRole = await startDemo();
    const conn = await f.as('C001');
    const list = await call<{ running: boolean; devices: DeviceView[]; detected: unknown }>(
      conn,
      'devices.list',
      {
        detect: false,
      },
    );
    expect(list.running).toBe(true);
    expect(list.detected).toBeNull();
    expect(list.devices.map((d) => [d.kind, d.role, d.driver, d.simulated, d.status.state])).toEqual([
      ['scanner', 'counter-scanner', 'hid-pos', true, 'connected'],
      ['printer', 'receipt-printer', 'escpos', true, 'connected'],
      ['meter', 'bench-2-meter', 'ut61e', true, 'connected'],
      ['meter', 'bench-1-meter', 'scpi', true, 'connected'],
    ]);
    expect(list.devices[1]?.status.messageKey).toBe('printer.status.ready');
    const statuses = eventsOf('device.status');
    for (const role of Object.keys(byRole))
      expect(
        statuses.some((s) => s.role === role && s.state === 'connected'),
        role,
      ).toBe(true);
  });

  it('simulateScan goes through the HID-POS parser to a classified, routed scanner.scan event', async () => {
    await startDemo();
    const clerk = await f.as('C001');
    await call(clerk, 'devices.simulateScan', { code: 'S-20261120-0042', symbology: 'qr' });
    const scan = await waitFor(() => eventsOf('scanner.scan')[0], 'a scan event');
    expect(scan).toMatchObject({
      source: 'simulated',
      deviceId: 'hid:cd01:5ca1',
      code: 'S-20261120-0042',
      aim: ']Q1',
      symbology: 'qr',
      route: 'returns',
      classification: {
        kind: 'sale-receipt',
        document: { type: 'sale-receipt', day: '2026-11-20', sequence: 42 },
      },
    });

    // Longer than one report (56 data bytes): continuation reports, one scan. GS1-128, FNC1 sent as GS.
    const serial = 'SN'.repeat(10);
    const extra = 'A'.repeat(30);
    const gs1 = `0104006381333931${'10ABC123'}\u001d21${serial}\u001d240${extra}`;
    expect(gs1.length).toBeGreaterThan(56);
    await call(clerk, 'devices.simulateScan', { code: gs1, symbology: 'gs1-128' });
    const second = await waitFor(() => eventsOf('scanner.scan')[1], 'the GS1 scan');
    expect(second.classification).toMatchObject({
      kind: 'gs1',
      gs1: { gtin: '04006381333931', batch: 'ABC123', serial, additionalId: extra },
    });
    expect(second.route).toBe('active-field');
    expect(eventsOf('scanner.scan')).toHaveLength(2);

    // An EAN-13 read with a wrong check digit (the real one is 1): damaged label, not a serial number.
    await call(clerk, 'devices.simulateScan', { code: '4006381333932', symbology: 'ean-upc' });
    const third = await waitFor(() => eventsOf('scanner.scan')[2], 'the third scan');
    expect(third).toMatchObject({
      classification: { kind: 'unknown', reason: 'bad_check_digit' },
      route: 'none',
    });
  });

  it('streams meter.reading events from the simulated UT61E through the real ES51922 parser', async () => {
    const byRole = await startDemo();
    const bench2 = byRole['bench-2-meter'] as DeviceView;
    const readings = await waitFor(() => {
      const r = eventsOf('meter.reading').filter((e) => e.role === 'bench-2-meter');
      return r.length >= 2 ? r : undefined;
    }, 'two UT61E readings');
    for (const r of readings) {
      expect(r.deviceId).toBe(bench2.id);
      expect(r.reading).toMatchObject({
        function: 'DCV',
        unit: 'V',
        overload: false,
        instrument: { driver: 'ut61e' },
      });
      // 19.47 V ± 2 mV of noise, on the 22 V range (1 mV resolution).
      expect(r.reading.value).toBeGreaterThanOrEqual(19.467);
      expect(r.reading.value).toBeLessThanOrEqual(19.473);
    }

    const tech = await f.as('T001');
    await call(tech, 'devices.simulateMeter', { deviceId: bench2.id, function: 'ACV', value: 0.35 });
    const acv = await waitFor(
      () => eventsOf('meter.reading').find((e) => e.role === 'bench-2-meter' && e.reading.function === 'ACV'),
      'an ACV reading',
    );
    expect(acv.reading).toMatchObject({ value: 0.35, unit: 'V', overload: false });

    await call(tech, 'devices.simulateMeter', {
      deviceId: bench2.id,
      function: 'OHM',
      value: 0,
      overload: true,
    });
    const ol = await waitFor(
      () => eventsOf('meter.reading').find((e) => e.role === 'bench-2-meter' && e.reading.overload),
      'an overload reading',
    );
    expect(ol.reading).toMatchObject({ function: 'OHM', value: null, overload: true });

    const one = await call<{ kind: string; reading: { function: string } }>(tech, 'devices.testRead', {
      deviceId: bench2.id,
    });
    expect(one).toMatchObject({ kind: 'meter', reading: { function: 'OHM' } });
  });

  it('the SCPI bench meter identifies itself, reads, and follows simulateMeter (CONF sent to the meter)', async () => {
    const byRole = await startDemo();
    const bench1 = byRole['bench-1-meter'] as DeviceView;
    const tech = await f.as('T001');
    const first = await call<{ kind: string; identity: unknown; reading: { value: number } }>(
      tech,
      'devices.testRead',
      { deviceId: bench1.id },
    );
    expect(first.identity).toEqual({
      manufacturer: 'COUNTERDESK',
      model: 'SIM-DMM-1',
      serial: 'SIM000001',
      firmware: '1.0.0',
    });
    expect(Math.abs(first.reading.value - 12)).toBeLessThanOrEqual(0.001);

    await call(tech, 'devices.simulateMeter', { deviceId: bench1.id, function: 'OHM', value: 470 });
    const ohm = await waitFor(
      () => eventsOf('meter.reading').find((e) => e.role === 'bench-1-meter' && e.reading.function === 'OHM'),
      'an OHM reading from the SCPI meter',
    );
    expect(ohm.reading).toMatchObject({
      value: 470,
      unit: 'Ω',
      instrument: { driver: 'scpi', model: 'SIM-DMM-1' },
    });
    expect(await errorCode(tech, 'devices.simulateMeter', { deviceId: 999, function: 'DCV', value: 1 })).toBe(
      'DEVICE_NOT_FOUND',
    );
  });

  it('a meter unplugged shows disconnected, and comes back by itself when plugged in', async () => {
    const byRole = await startDemo();
    const bench2 = byRole['bench-2-meter'] as DeviceView;
    const cable = m.runningDevice(bench2.id)?.simulatedCable;
    expect(cable).toBeDefined();
    cable?.unplug();
    const down = await waitFor(
      () => eventsOf('device.status').find((s) => s.deviceId === bench2.id && s.state === 'disconnected'),
      'disconnected',
    );
    expect(down.messageKey).toBe('errors.METER_DISCONNECTED');
    const before = eventsOf('meter.reading').length;
    await cable?.plug();
    await waitFor(() => m.runningDevice(bench2.id)?.status.state === 'connected', 'reconnected', 5000);
    await waitFor(
      () =>
        eventsOf('meter.reading')
          .slice(before)
          .some((e) => e.deviceId === bench2.id),
      'readings after the reconnect',
    );
  });

  it('testPrint queues a test page that the simulated printer prints; preview and job list agree', async () => {
    const byRole = await startDemo();
    const printer = byRole['receipt-printer'] as DeviceView;
    const clerk = await f.as('C001');
    const { jobId } = await call<{ jobId: number }>(clerk, 'devices.testPrint', { deviceId: printer.id });
    await waitFor(
      () => eventsOf('print.job').some((e) => e.jobId === jobId && e.status === 'done'),
      'printed',
    );
    expect(eventsOf('print.job').map((e) => e.status)).toEqual(['queued', 'printing', 'done']);

    const paper = await call<{ lines: string[]; bytes: number; held: number }>(
      clerk,
      'devices.simulatedPaper',
      {
        deviceId: printer.id,
      },
    );
    expect(paper.held).toBe(0);
    expect(paper.lines.some((l) => l.includes('打印测试页'))).toBe(true);
    expect(paper.lines.some((l) => l.includes('中文：退换货 维修 检测 ￥1,299.00'))).toBe(true);
    expect(paper.lines.some((l) => l.trimEnd() === '....+....1....+....2....+....3..')).toBe(true);
    expect(paper.lines.some((l) => l.trimEnd() === '....+....1....+....2....+....3....+....4....+...')).toBe(
      true,
    );
    expect(paper.lines.some((l) => l.startsWith('[QR COUNTERDESK-TEST 2026-11-23 10:00:00'))).toBe(true);

    const { jobs } = await call<{ jobs: { id: number; kind: string; status: string; staffId: number }[] }>(
      clerk,
      'print.jobs',
      { kind: 'test', withAttempts: true },
    );
    expect(jobs).toMatchObject([
      { id: jobId, kind: 'test', status: 'done', attemptLog: [{ outcome: 'done' }] },
    ]);

    const preview = await call<{ paper: number; html: string }>(clerk, 'print.preview', { jobId });
    expect(preview.paper).toBe(80);
    expect(preview.html).toContain('<svg');
    expect(preview.html).toMatch(/打/);
    expect(await errorCode(clerk, 'print.preview', { jobId: 9999 })).toBe('PRINT_JOB_NOT_FOUND');
  });

  it('an unplugged printer keeps the job queued; it prints after plugging back in and the backoff', async () => {
    const byRole = await startDemo();
    const printer = byRole['receipt-printer'] as DeviceView;
    m.runningDevice(printer.id)?.simulatedCable?.unplug();
    const clerk = await f.as('C001');
    const { jobId } = await call<{ jobId: number }>(clerk, 'devices.testPrint', { deviceId: printer.id });
    const queued = await waitFor(
      () => eventsOf('print.job').find((e) => e.jobId === jobId && e.status === 'queued' && e.error),
      'the failed attempt',
    );
    expect(queued.error?.code).toBe('PRINTER_CONNECT_FAILED');
    expect(m.runningDevice(printer.id)?.status.state).toBe('disconnected');

    await m.runningDevice(printer.id)?.simulatedCable?.plug();
    f.setNow(Date.UTC(2026, 10, 23, 2, 0, 5));
    m.kickPrintQueue();
    await waitFor(
      () => eventsOf('print.job').some((e) => e.jobId === jobId && e.status === 'done'),
      'printed',
    );
    expect(m.runningDevice(printer.id)?.status).toMatchObject({
      state: 'connected',
      messageKey: 'printer.status.ready',
    });
  });

  it('retry, cancel and reprint through the contract; cancel and reprint are audited', async () => {
    const byRole = await startDemo();
    const printer = byRole['receipt-printer'] as DeviceView;
    const clerk = await f.as('C001');
    m.simulatedPrinter(printer.id)?.setCondition({ paperOut: true });
    const { jobId } = await call<{ jobId: number }>(clerk, 'devices.testPrint', { deviceId: printer.id });
    await waitFor(
      () => eventsOf('print.job').find((e) => e.jobId === jobId && e.error?.code === 'PRINTER_PAPER_OUT'),
      'paper out',
    );
    const cancelled = await call<{ status: string }>(clerk, 'print.cancel', { jobId });
    expect(cancelled.status).toBe('cancelled');
    expect(await errorCode(clerk, 'print.retry', { jobId })).toBe('PRINT_JOB_NOT_RETRYABLE');

    m.simulatedPrinter(printer.id)?.setCondition({ paperOut: false });
    const again = await call<{ id: number; reprintOf: number }>(clerk, 'print.reprint', { jobId });
    expect(again.reprintOf).toBe(jobId);
    await waitFor(
      () => eventsOf('print.job').some((e) => e.jobId === again.id && e.status === 'done'),
      'reprint',
    );
    const audit = f.core.ctx.db.sqlite
      .prepare(`SELECT action FROM audit_log WHERE entity_type = 'print_job' ORDER BY id`)
      .all();
    expect(audit).toEqual([{ action: 'print.cancelled' }, { action: 'print.reprinted' }]);
  });

  it('devices.save validates, refuses a second printer for the same role, and opens what it saves', async () => {
    await startDemo();
    const manager = await f.as('M001');
    const clerk = await f.as('C001');
    const printer = {
      kind: 'printer',
      role: 'receipt-printer',
      name: 'Counter 2',
      driver: 'escpos',
    } as const;
    expect(
      await errorCode(clerk, 'devices.save', { ...printer, transport: { type: 'tcp', host: '10.0.0.5' } }),
    ).toBe('FORBIDDEN');
    expect(
      await errorCode(manager, 'devices.save', { ...printer, transport: { type: 'tcp', host: '10.0.0.5' } }),
    ).toBe('DEVICE_ROLE_TAKEN');
    expect(
      await errorCode(manager, 'devices.save', {
        ...printer,
        role: 'label-printer',
        driver: 'ut61e',
        transport: { type: 'serial', path: '/dev/ttyUSB0' },
      }),
    ).toBe('DEVICE_DRIVER_MISMATCH');
    expect(
      await errorCode(manager, 'devices.save', {
        kind: 'meter',
        role: 'bench-3-meter',
        name: 'UT61E',
        driver: 'ut61e',
        transport: { type: 'tcp', host: '10.0.0.9' },
      }),
    ).toBe('DEVICE_TRANSPORT_UNSUPPORTED');
    expect(
      await errorCode(manager, 'devices.save', {
        ...printer,
        role: 'Bad Role',
        transport: { type: 'simulated' },
      }),
    ).toBe('INVALID_INPUT');

    // A printer that writes to a file (like /dev/usb/lp0): no status channel, prints anyway.
    const out = join(tempDir(), 'lp0.bin');
    const saved = await call<DeviceView>(manager, 'devices.save', {
      ...printer,
      role: 'label-printer',
      transport: { type: 'file', path: out },
    });
    expect(saved).toMatchObject({ role: 'label-printer', enabled: true });
    await waitFor(
      () => m.runningDevice(saved.id)?.status.messageKey === 'printer.status.unknown',
      'file printer',
    );
    const { jobId } = await call<{ jobId: number }>(manager, 'devices.testPrint', { deviceId: saved.id });
    await waitFor(
      () => eventsOf('print.job').some((e) => e.jobId === jobId && e.status === 'done'),
      'printed',
    );
    const bytes = readFileSync(out);
    // 打印测试页 in GB18030 (= GB2312 codes B4F2 D3A1 B2E2 CAD4 D2B3) inside FS & … FS .
    expect(bytes.toString('hex')).toContain('1c26b4f2d3a1b2e2cad4d2b31c2e');

    // Disable it: it closes; remove it: it is gone.
    const disabled = await call<DeviceView>(manager, 'devices.save', {
      ...printer,
      id: saved.id,
      role: 'label-printer',
      transport: { type: 'file', path: out },
      enabled: false,
    });
    expect(disabled.status).toMatchObject({ state: 'stopped', messageKey: 'devices.state.disabled' });
    expect(m.runningDevice(saved.id)).toBeUndefined();
    expect(await call(manager, 'devices.remove', { deviceId: saved.id })).toEqual({ removed: true });
    expect(await errorCode(manager, 'devices.remove', { deviceId: saved.id })).toBe('DEVICE_NOT_FOUND');
  });

  it('without a simulated scanner, or with devices stopped, simulateScan says why', async () => {
    const clerk = await f.as('C001');
    expect(await errorCode(clerk, 'devices.simulateScan', { code: '4006381333931' })).toBe(
      'DEVICES_NOT_RUNNING',
    );
    const list = await call<{ running: boolean; devices: DeviceView[] }>(clerk, 'devices.list', {
      detect: false,
    });
    expect(list.running).toBe(false);

    const byRole = await startDemo();
    const manager = await f.as('M001');
    await call(manager, 'devices.remove', { deviceId: byRole['counter-scanner']?.id });
    expect(await errorCode(clerk, 'devices.simulateScan', { code: '4006381333931' })).toBe(
      'DEVICE_NO_SIMULATED_SCANNER',
    );
  });

  it('a damaged device row is listed as invalid and never opened; the others start', async () => {
    const db = f.core.ctx.db.sqlite;
    db.prepare(
      `INSERT INTO devices (kind, role, name, driver, transport, options, enabled, created_at, updated_at)
       VALUES ('printer', 'receipt-printer', 'hand-edited', 'escpos', '{"type":"serial"}', '{}', 1, 0, 0)`,
    ).run();
    db.prepare(
      `INSERT INTO devices (kind, role, name, driver, transport, options, enabled, created_at, updated_at)
       VALUES ('toaster', 'BAD ROLE', '', 'lp', 'not json', '{"x":1}', 1, 0, 0)`,
    ).run();
    await m.start();
    const [d] = m.list();
    expect(d?.status).toMatchObject({ state: 'error', messageKey: 'devices.state.configInvalid' });
    expect(m.runningDevice(d?.id ?? 0)).toBeUndefined();
    // The contract still answers, showing both rows as they are stored.
    const list = await call<{ devices: DeviceView[] }>(await f.as('C001'), 'devices.list', { detect: false });
    expect(list.devices.map((x) => [x.role, x.name, x.status.messageKey, typeof x.invalid])).toEqual([
      ['receipt-printer', 'hand-edited', 'devices.state.configInvalid', 'string'],
      ['BAD ROLE', '', 'devices.state.configInvalid', 'string'],
    ]);
  });

  it.skipIf(!existsSync('/dev/ttyS0'))(
    'devices.list marks a detected serial port that a configured device uses',
    async (ctx) => {
      const manager = await f.as('M001');
      const saved = await call<DeviceView>(manager, 'devices.save', {
        kind: 'meter',
        role: 'bench-1-meter',
        name: 'Bench meter on COM1',
        driver: 'scpi',
        transport: { type: 'serial', path: '/dev/ttyS0' },
        enabled: false,
      });
      const list = await call<{ detected: { serial: { ok: boolean; ports?: Record<string, unknown>[] } } }>(
        manager,
        'devices.list',
        {},
      );
      if (!list.detected.serial.ok)
        return ctx.skip('serial ports cannot be listed here (no udev); the CLI test covers that case');
      const port = list.detected.serial.ports?.find((p) => p.path === '/dev/ttyS0');
      if (!port) return ctx.skip('udev on this machine does not list /dev/ttyS0 as a serial port');
      expect(port).toMatchObject({
        access: 'in-use',
        usedBy: saved.id,
        messageKey: 'devices.serialInUse',
        params: { path: '/dev/ttyS0', name: 'Bench meter on COM1' },
      });
    },
  );
});
