import { afterEach, describe, expect, it } from 'vitest';
import { SerialScanner } from '../../../core/hardware/scanners/serial-scanner';
import type { ByteTransport } from '../../../core/hardware/transport/types';
import { createMemoryPair } from '../../../core/hardware/transport/memory-transport';
import { scanEventSchema } from '../../../shared/domain/scanner/scan-event';
import { waitFor } from '../../helpers/wait-for';
import { DriverRecorder } from './status-recorder';

const running: SerialScanner[] = [];
afterEach(async () => {
  for (const s of running.splice(0)) await s.stop();
});

/** A memory pair: the counter end for the driver, the device end for the "scanner" that writes bytes. */
async function setup(opts: { chunkSize?: number; reconnectMs?: number; start?: boolean } = {}) {
  const [counter, device] = createMemoryPair({
    ids: ['serial:/dev/ttyUSB0', 'sim:scanner'],
    ...(opts.chunkSize ? { chunkSize: opts.chunkSize } : {}),
  });
  const rec = new DriverRecorder();
  const opens = { count: 0 };
  // counts open() attempts (the driver's reconnect tries) and otherwise is the memory end itself
  const transport: ByteTransport = new Proxy(counter, {
    get(target, prop, receiver) {
      if (prop === 'open') {
        return () => {
          opens.count += 1;
          return target.open();
        };
      }
      const v: unknown = Reflect.get(target, prop, receiver);
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
  const scanner = new SerialScanner({
    transport,
    onScan: rec.onScan,
    onStatus: rec.onStatus,
    reconnectMs: opts.reconnectMs ?? 10,
    now: () => 1_790_000_000_000,
  });
  running.push(scanner);
  await device.open();
  if (opts.start !== false) await scanner.start();
  const send = (data: string | Uint8Array): Promise<void> =>
    device.write(typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
  return { counter, device, rec, scanner, send, opens };
}

describe('serial scanner driver over a ByteTransport (in-memory pair)', () => {
  it('opens the transport and turns CRLF-terminated codes into classified scans', async () => {
    const { counter, rec, send } = await setup();
    expect(counter.isOpen).toBe(true);
    expect(rec.statuses).toEqual([
      {
        state: 'connected',
        messageKey: 'scanner.status.connected',
        deviceId: 'serial:/dev/ttyUSB0',
        at: 1_790_000_000_000,
      },
    ]);
    await send('4006381333931\r\n');
    await rec.until(() => rec.scans.length === 1);
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
    const { rec, send } = await setup();
    await send(']Q1S-20261118-0042\r');
    await rec.until(() => rec.scans.length === 1);
    expect(rec.scans[0]).toMatchObject({
      code: 'S-20261118-0042',
      aim: ']Q1',
      symbology: 'qr',
      classification: { kind: 'sale-receipt' },
    });
  });

  it('bytes arriving one at a time, several codes per write, garbage and over-long lines', async () => {
    const { rec, send, scanner } = await setup({ chunkSize: 1 });
    await send('4901542032');
    await send('37518\r');
    await send('\nCDB-ZHANG01\r\nJ-20261123-0003\n');
    await send(Uint8Array.of(0xff, 0x00, 0x13, 0x0d, 0x0a));
    await send('9'.repeat(600) + '\r\n');
    await send('SN-0001\r\n');
    await rec.until(() => rec.scans.length === 4);
    expect(rec.scans.map((e) => e.classification.kind)).toEqual(['imei', 'badge', 'document', 'serial']);
    expect(scanner.stats).toEqual({ scans: 4, errors: { garbage: 1, too_long: 1 }, listenerErrors: 0 });
  });

  it('unplug → disconnected with the error, no crash; reopens by itself once plugged back in', async () => {
    const { counter, device, rec, send, opens } = await setup();
    await send('40063813');
    counter.unplug();
    expect(rec.statuses.at(-1)).toMatchObject({
      state: 'disconnected',
      messageKey: 'scanner.status.disconnected',
      deviceId: 'serial:/dev/ttyUSB0',
    });
    expect(rec.statuses.at(-1)?.detail).toBeTruthy();
    // while unplugged it keeps trying, and the failed tries add no status noise
    await waitFor(() => opens.count >= 4, 'three reconnect attempts');
    expect(rec.states).toEqual(['connected', 'disconnected']);
    counter.plug();
    await rec.untilState('connected', 2);
    await device.open();
    await send('33931\r\n4006381333931\r\n'); // the half code from before the unplug is gone
    await rec.until(() => rec.scans.length === 2);
    expect(rec.scans.map((e) => e.code)).toEqual(['33931', '4006381333931']);
  });

  it('stop() closes the port and no reconnect happens afterwards', async () => {
    const { counter, rec, scanner } = await setup();
    await scanner.stop();
    expect(counter.isOpen).toBe(false);
    expect(rec.states).toEqual(['connected', 'stopped']);
  });

  it('a port that cannot open: start() rejects and the status says why', async () => {
    const { counter, rec, scanner } = await setup({ start: false });
    counter.unplug();
    await expect(scanner.start()).rejects.toMatchObject({ code: 'TRANSPORT_UNPLUGGED' });
    expect(rec.statuses).toMatchObject([{ state: 'error', messageKey: 'scanner.status.openFailed' }]);
  });

  it('a throwing onScan listener is counted and the next code still arrives', async () => {
    const [counter, device] = createMemoryPair();
    let n = 0;
    const s = new SerialScanner({
      transport: counter,
      onScan: () => {
        n += 1;
        throw new Error('bug');
      },
      reconnectMs: 0,
    });
    running.push(s);
    await s.start();
    await device.open();
    await device.write(Buffer.from('4006381333931\r\n4006381333931\r\n'));
    expect(n).toBe(2);
    expect(s.stats.listenerErrors).toBe(2);
  });
});
