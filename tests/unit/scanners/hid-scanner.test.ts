import { afterEach, describe, expect, it } from 'vitest';
import { nodeHidBackend, pickHidScanner } from '../../../core/hardware/scanners/hid-device';
import { HidScanner } from '../../../core/hardware/scanners/hid-scanner';
import { hidPosReportsFor, SimulatedHidBackend } from '../../../core/hardware/scanners/simulated-hid-scanner';
import { scanEventSchema } from '../../../shared/domain/scanner/scan-event';
import { DriverRecorder } from './status-recorder';

const running: HidScanner[] = [];
afterEach(async () => {
  for (const s of running.splice(0)) await s.stop();
});

function start(
  backend: SimulatedHidBackend,
  rec: DriverRecorder,
  extra: Partial<ConstructorParameters<typeof HidScanner>[0]> = {},
) {
  const scanner = new HidScanner({
    backend,
    onScan: rec.onScan,
    onStatus: rec.onStatus,
    pollMs: 10,
    source: 'simulated',
    ...extra,
  });
  running.push(scanner);
  scanner.start();
  return scanner;
}

describe('HID-POS scanner driver (simulated device through the real report parser)', () => {
  it('connects, and a scanned EAN-13 arrives as a classified, schema-valid ScanEvent', async () => {
    const backend = new SimulatedHidBackend();
    const rec = new DriverRecorder();
    const scanner = start(backend, rec, { now: () => 1_790_000_000_000 });
    await rec.untilState('connected');
    expect(rec.statuses[0]).toMatchObject({
      deviceId: 'hid:cd01:5ca1',
      messageKey: 'scanner.status.connected',
    });
    backend.scan('4006381333931', ']E0');
    expect(rec.scans).toHaveLength(1);
    const e = rec.scans[0];
    expect(scanEventSchema.parse(e)).toEqual(e);
    expect(e).toEqual({
      source: 'simulated',
      deviceId: 'hid:cd01:5ca1',
      code: '4006381333931',
      aim: ']E0',
      symbology: 'ean-upc',
      at: 1_790_000_000_000,
      classification: {
        kind: 'gtin',
        code: '4006381333931',
        gtin: { format: 'EAN-13', gtin14: '04006381333931', restrictedCirculation: false },
      },
    });
    expect(scanner.stats).toMatchObject({ scans: 1, reports: 1 });
  });

  it('a long GS1 DataMatrix over two reports, a receipt QR and a badge, in order', async () => {
    const backend = new SimulatedHidBackend();
    const rec = new DriverRecorder();
    start(backend, rec);
    await rec.untilState('connected');
    const gs1 =
      '0109506000134352' +
      '17201225' +
      '10ABC123\u001d' +
      '21' +
      'S'.repeat(20) +
      '\u001d240' +
      'P'.repeat(30);
    expect(hidPosReportsFor(gs1, ']d2').length).toBe(2);
    backend.scan(gs1, ']d2');
    backend.scan('S-20261118-0042', ']Q1');
    backend.scan('CDB-ZHANG01', ']C0');
    expect(rec.scans.map((s) => s.classification.kind)).toEqual(['gs1', 'sale-receipt', 'badge']);
    expect(rec.scans[0]?.classification).toMatchObject({
      gs1: { gtin: '09506000134352', serial: 'S'.repeat(20) },
    });
  });

  it('garbage reports are counted and never become scans', async () => {
    const backend = new SimulatedHidBackend();
    const rec = new DriverRecorder();
    const scanner = start(backend, rec);
    await rec.untilState('connected');
    backend.device?.emitReport(Buffer.alloc(64, 0xff));
    backend.device?.emitReport(Buffer.alloc(7));
    backend.scan('490154203237518', ']C0');
    expect(rec.scans.map((s) => s.classification.kind)).toEqual(['imei']);
    expect(scanner.stats.errors).toMatchObject({ wrong_report_id: 1, bad_size: 1 });
  });

  it('unplug → disconnected (no crash), plug back → connected again by polling, scans flow again', async () => {
    const backend = new SimulatedHidBackend();
    const rec = new DriverRecorder();
    start(backend, rec);
    await rec.untilState('connected');
    const firstDevice = backend.device;
    backend.unplug();
    await rec.untilState('disconnected');
    expect(rec.statuses.at(-1)).toMatchObject({
      state: 'disconnected',
      deviceId: 'hid:cd01:5ca1',
      messageKey: 'scanner.status.disconnected',
      detail: 'could not read from HID device',
    });
    expect(firstDevice?.closed).toBe(true);
    expect(backend.scan('4006381333931', ']E0')).toBe(false);
    backend.plug();
    await rec.untilState('connected', 2);
    expect(backend.device).not.toBe(firstDevice);
    backend.scan('4006381333931', ']E0');
    expect(rec.scans).toHaveLength(1);
  });

  it('a half-received code is dropped at unplug, not glued to the first code after reconnecting', async () => {
    const backend = new SimulatedHidBackend();
    const rec = new DriverRecorder();
    start(backend, rec);
    await rec.untilState('connected');
    const [part] = hidPosReportsFor('Z'.repeat(80), ']C0');
    backend.device?.emitReport(part ?? Buffer.alloc(0));
    backend.unplug();
    backend.plug();
    await rec.untilState('connected', 2);
    backend.scan('ABC-123456', ']C0');
    expect(rec.scans.map((s) => s.code)).toEqual(['ABC-123456']);
  });

  it('no scanner present → searching, then found when plugged in', async () => {
    const backend = new SimulatedHidBackend(false);
    const rec = new DriverRecorder();
    start(backend, rec);
    await rec.untilState('searching');
    backend.plug();
    await rec.untilState('connected');
    expect(rec.states).toEqual(['searching', 'connected']);
  });

  it('enumeration failing (no udev, no permission) is an error status, and it keeps trying', async () => {
    const backend = new SimulatedHidBackend();
    backend.failNextEnumerate = 'udev not available';
    const rec = new DriverRecorder();
    start(backend, rec);
    await rec.untilState('connected');
    expect(rec.statuses[0]).toMatchObject({
      state: 'error',
      messageKey: 'scanner.status.enumerateFailed',
      detail: 'udev not available',
    });
  });

  it('a throwing onScan listener does not stop the driver', async () => {
    const backend = new SimulatedHidBackend();
    const rec = new DriverRecorder();
    let calls = 0;
    const scanner = start(backend, rec, {
      onScan: () => {
        calls += 1;
        throw new Error('listener bug');
      },
    });
    await rec.untilState('connected');
    backend.scan('4006381333931', ']E0');
    backend.scan('4006381333931', ']E0');
    expect(calls).toBe(2);
    expect(scanner.stats.listenerErrors).toBe(2);
  });

  it('stop() closes the device and ends polling', async () => {
    const backend = new SimulatedHidBackend();
    const rec = new DriverRecorder();
    const scanner = start(backend, rec);
    await rec.untilState('connected');
    await scanner.stop();
    expect(backend.device?.closed).toBe(true);
    expect(scanner.status.state).toBe('stopped');
  });
});

describe('device selection', () => {
  const keyboard = { vendorId: 0x0c2e, productId: 0x0b8f, path: 'kbd', usagePage: 0x01, usage: 0x06 };
  const pos = { vendorId: 0x0c2e, productId: 0x0b8f, path: 'pos', usagePage: 0x8c, usage: 0x02 };
  const other = { vendorId: 0x05e0, productId: 0x1200, path: 'zebra', usagePage: 0x8c, usage: 0x02 };

  it('picks the usage page 0x8C interface; with ids from settings, that device (its 0x8C interface first)', () => {
    expect(pickHidScanner([keyboard, other])?.path).toBe('zebra');
    expect(pickHidScanner([keyboard])).toBeUndefined();
    expect(pickHidScanner([other, keyboard, pos], { vendorId: 0x0c2e, productId: 0x0b8f })?.path).toBe('pos');
    expect(pickHidScanner([other, keyboard], { vendorId: 0x0c2e })?.path).toBe('kbd');
    expect(pickHidScanner([other], { vendorId: 0x0c2e })).toBeUndefined();
  });
});

describe('real node-hid on this machine', () => {
  it('enumerates (an array, possibly empty) without throwing', async () => {
    const list = await nodeHidBackend().enumerate();
    expect(Array.isArray(list)).toBe(true);
    for (const d of list) expect(typeof d.vendorId).toBe('number');
  });

  it('the driver over real node-hid reports searching when no HID-POS scanner is attached', async (ctx) => {
    const list = await nodeHidBackend().enumerate();
    if (pickHidScanner(list))
      ctx.skip('a real HID-POS scanner is plugged in: unplug it to check the no-scanner case');
    const rec = new DriverRecorder();
    const scanner = new HidScanner({ onScan: rec.onScan, onStatus: rec.onStatus, pollMs: 50 });
    running.push(scanner);
    scanner.start();
    await rec.untilState('searching');
    expect(rec.states).toEqual(['searching']);
  });
});
