import { afterEach, describe, expect, it } from 'vitest';
import { SerialScanner } from '../../../core/hardware/scanners/serial-scanner';
import { scanEventSchema } from '../../../shared/domain/scanner/scan-event';
import { LoopbackTransport } from './loopback-transport';
import { DriverRecorder } from './status-recorder';

const running: SerialScanner[] = [];
afterEach(async () => {
  for (const s of running.splice(0)) await s.stop();
});

function make(transport: LoopbackTransport, rec: DriverRecorder, reconnectMs = 10): SerialScanner {
  const s = new SerialScanner({
    transport,
    onScan: rec.onScan,
    onStatus: rec.onStatus,
    reconnectMs,
    now: () => 1_790_000_000_000,
  });
  running.push(s);
  return s;
}

describe('serial scanner driver over a ByteTransport', () => {
  it('opens the transport and turns CRLF-terminated codes into classified scans', async () => {
    const t = new LoopbackTransport('serial:/dev/ttyUSB0');
    const rec = new DriverRecorder();
    await make(t, rec).start();
    expect(t.isOpen).toBe(true);
    expect(rec.statuses).toEqual([
      {
        state: 'connected',
        messageKey: 'scanner.status.connected',
        deviceId: 'serial:/dev/ttyUSB0',
        at: 1_790_000_000_000,
      },
    ]);
    t.deliver('4006381333931\r\n');
    expect(rec.scans).toEqual([
      {
        source: 'serial',
        deviceId: 'serial:/dev/ttyUSB0',
        code: '4006381333931',
        at: 1_790_000_000_000,
        classification: {
          kind: 'gtin',
          code: '4006381333931',
          gtin: { format: 'EAN-13', gtin14: '04006381333931', restrictedCirculation: false },
        },
      },
    ]);
    expect(scanEventSchema.parse(rec.scans[0])).toEqual(rec.scans[0]);
  });

  it('an AIM prefix in the data (scanner set to send it) becomes aim/symbology', async () => {
    const t = new LoopbackTransport();
    const rec = new DriverRecorder();
    await make(t, rec).start();
    t.deliver(']Q1S-20261118-0042\r');
    expect(rec.scans[0]).toMatchObject({
      code: 'S-20261118-0042',
      aim: ']Q1',
      symbology: 'qr',
      classification: { kind: 'sale-receipt' },
    });
  });

  it('split chunks, several codes per chunk, garbage and over-long lines', async () => {
    const t = new LoopbackTransport();
    const rec = new DriverRecorder();
    const s = make(t, rec);
    await s.start();
    t.deliver('4901542032');
    t.deliver('37518\r');
    t.deliver('\nCDB-ZHANG01\r\nJ-20261123-0003\n');
    t.deliver(Uint8Array.of(0xff, 0x00, 0x13, 0x0d, 0x0a));
    t.deliver('9'.repeat(600) + '\r\n');
    expect(rec.scans.map((e) => e.classification.kind)).toEqual(['imei', 'badge', 'document']);
    expect(s.stats).toEqual({ scans: 3, errors: { garbage: 1, too_long: 1 }, listenerErrors: 0 });
  });

  it('unplug → disconnected with the error, no crash; it reopens by itself and scans flow again', async () => {
    const t = new LoopbackTransport();
    const rec = new DriverRecorder();
    await make(t, rec).start();
    t.deliver('40063813');
    t.failOpens = 2;
    t.unplug('read ENXIO');
    expect(rec.statuses.at(-1)).toMatchObject({
      state: 'disconnected',
      messageKey: 'scanner.status.disconnected',
      detail: 'read ENXIO',
    });
    await rec.untilState('connected', 2);
    expect(t.opens).toBe(2); // two failed attempts in between were not opens
    t.deliver('33931\r\n4006381333931\r\n'); // the half code from before the unplug is gone
    expect(rec.scans.map((e) => e.code)).toEqual(['33931', '4006381333931']);
  });

  it('stop() closes the port and no reconnect happens afterwards', async () => {
    const t = new LoopbackTransport();
    const rec = new DriverRecorder();
    const s = make(t, rec);
    await s.start();
    await s.stop();
    expect(t.isOpen).toBe(false);
    expect(rec.states).toEqual(['connected', 'stopped']);
  });

  it('a port that cannot open: start() rejects and the status says why', async () => {
    const t = new LoopbackTransport();
    t.failOpens = 1;
    const rec = new DriverRecorder();
    await expect(make(t, rec).start()).rejects.toThrow('no such device');
    expect(rec.statuses).toMatchObject([
      { state: 'error', messageKey: 'scanner.status.openFailed', detail: 'no such device' },
    ]);
  });

  it('a throwing onScan listener is counted and the next code still arrives', async () => {
    const t = new LoopbackTransport();
    let n = 0;
    const s = new SerialScanner({
      transport: t,
      onScan: () => {
        n += 1;
        throw new Error('bug');
      },
      reconnectMs: 0,
    });
    running.push(s);
    await s.start();
    t.deliver('4006381333931\r\n4006381333931\r\n');
    expect(n).toBe(2);
    expect(s.stats.listenerErrors).toBe(2);
  });
});
