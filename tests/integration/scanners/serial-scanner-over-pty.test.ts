/**
 * The serial scanner driver on the real serialport stack: the counter side opens one end of a socat
 * pty pair, the "scanner" writes bytes into the other end, exactly as a USB-serial scanner would.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { SerialScanner } from '../../../core/hardware/scanners/serial-scanner';
import {
  createSerialTransport,
  type SerialTransport,
} from '../../../core/hardware/transport/serial-transport';
import { scanEventSchema } from '../../../shared/domain/scanner/scan-event';
import { makeLinkDir, startSocatPair, stopAllSocatPairs } from '../../helpers/socat-pair';
import { DriverRecorder } from '../../unit/scanners/status-recorder';

const links = makeLinkDir('scanner-pty-');
const scanners: SerialScanner[] = [];
const devices: SerialTransport[] = [];

afterEach(async () => {
  for (const s of scanners.splice(0)) await s.stop();
  for (const d of devices.splice(0)) if (d.isOpen) await d.close();
  await stopAllSocatPairs();
});
afterAll(() => links.remove());

/** The scanner end of the pair: a plain serial port we write scanned bytes into. */
async function scannerDevice(path: string): Promise<SerialTransport> {
  const d = createSerialTransport({ path, baudRate: 9600 });
  devices.push(d);
  await d.open();
  return d;
}

function counterSide(path: string, rec: DriverRecorder, reconnectMs = 25): SerialScanner {
  const transport = createSerialTransport({ path, baudRate: 9600, dtr: true, rts: true });
  const s = new SerialScanner({ transport, onScan: rec.onScan, onStatus: rec.onStatus, reconnectMs });
  scanners.push(s);
  return s;
}

const bytes = (s: string): Uint8Array => Buffer.from(s, 'utf8');

describe('serial scanner over a socat pty pair', () => {
  it('"4006381333931\\r\\n" written on one end arrives classified on the other', async () => {
    const pair = await startSocatPair();
    const rec = new DriverRecorder();
    await counterSide(pair.a, rec).start();
    const device = await scannerDevice(pair.b);
    const before = Date.now();
    await device.write(bytes('4006381333931\r\n'));
    await rec.until(() => rec.scans.length === 1, 5000, 'the scan');
    const e = rec.scans[0];
    expect(scanEventSchema.parse(e)).toEqual(e);
    expect(e).toMatchObject({
      source: 'serial',
      deviceId: `serial:${pair.a}`,
      code: '4006381333931',
      classification: {
        kind: 'gtin',
        code: '4006381333931',
        gtin: { format: 'EAN-13', gtin14: '04006381333931', restrictedCirculation: false },
      },
    });
    expect(e?.at).toBeGreaterThanOrEqual(before);
  });

  it('codes split across writes, several per write, line noise and an over-long line', async () => {
    const pair = await startSocatPair();
    const rec = new DriverRecorder();
    const scanner = counterSide(pair.a, rec);
    await scanner.start();
    const device = await scannerDevice(pair.b);
    await device.write(bytes('4901542032'));
    await device.write(bytes('37518\r'));
    await device.write(bytes('\nCDB-ZHANG01\r\nS-20261118-0042\n'));
    await device.write(Uint8Array.of(0x00, 0xff, 0x13, 0x0d));
    await device.write(bytes('7'.repeat(700) + '\r\n'));
    await device.write(bytes(']C10109506000134352\u001d10LOT-7\r\n'));
    await rec.until(() => rec.scans.length === 4, 5000, 'four scans');
    expect(rec.scans.map((s) => s.classification.kind)).toEqual(['imei', 'badge', 'sale-receipt', 'gs1']);
    expect(rec.scans[3]?.classification).toMatchObject({ gs1: { gtin: '09506000134352', batch: 'LOT-7' } });
    expect(scanner.stats.errors).toEqual({ garbage: 1, too_long: 1 });
  });

  it('unplug (socat killed) → disconnected with the error, no crash; same path back → reconnects and scans', async () => {
    const ends: [string, string] = [links.link('counter'), links.link('scanner')];
    const first = await startSocatPair({ links: ends });
    const rec = new DriverRecorder();
    const scanner = counterSide(first.a, rec);
    await scanner.start();
    await first.stop();
    await rec.untilState('disconnected');
    const down = rec.statuses.find((s) => s.state === 'disconnected');
    expect(down).toMatchObject({ messageKey: 'scanner.status.disconnected', deviceId: `serial:${ends[0]}` });
    expect(down?.detail).toBeTruthy();
    expect(scanner.status.state).toBe('disconnected');

    const second = await startSocatPair({ links: ends });
    await rec.untilState('connected', 2);
    const device = await scannerDevice(second.b);
    await device.write(bytes('490154203237518\r\n'));
    await rec.until(() => rec.scans.length === 1, 5000, 'scan after reconnect');
    expect(rec.scans[0]?.classification.kind).toBe('imei');
    expect(rec.states).toEqual(['connected', 'disconnected', 'connected']);
  });
});
