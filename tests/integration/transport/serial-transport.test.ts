/**
 * The serial transport on the real serialport stack, over socat pseudo-terminal pairs.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { SerialPortStream } from '@serialport/stream';
import {
  createSerialTransport,
  eofSafeBinding,
  type SerialTransport,
} from '../../../core/hardware/transport/serial-transport';
import { isAppError } from '../../../shared/contract/errors';
import { makeLinkDir, startSocatPair, stopAllSocatPairs } from '../../helpers/socat-pair';
import { waitFor } from '../../helpers/wait-for';

const links = makeLinkDir();
const opened: SerialTransport[] = [];

function transport(
  path: string,
  extra: Partial<Parameters<typeof createSerialTransport>[0]> = {},
): SerialTransport {
  const t = createSerialTransport({ path, baudRate: 115200, ...extra });
  opened.push(t);
  return t;
}

afterEach(async () => {
  for (const t of opened.splice(0)) if (t.isOpen) await t.close();
  await stopAllSocatPairs();
});
afterAll(() => links.remove());

const text = (s: string): Uint8Array => new TextEncoder().encode(s);

function collect(t: SerialTransport): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  t.onData((c) => chunks.push(Uint8Array.from(c)));
  return chunks;
}
const joined = (chunks: Uint8Array[]): Buffer => Buffer.concat(chunks);

describe('serial transport over a socat pty pair', () => {
  it('carries bytes both ways', async () => {
    const pair = await startSocatPair();
    const a = transport(pair.a);
    const b = transport(pair.b);
    await a.open();
    await b.open();
    const atB = collect(b);
    const atA = collect(a);
    await a.write(text('*IDN?\n'));
    await waitFor(() => joined(atB).length >= 6, 'bytes at B');
    expect(joined(atB).toString()).toBe('*IDN?\n');
    await b.write(text('COUNTERDESK,SIM-DMM-1,SIM000001,1.0.0\n'));
    await waitFor(() => joined(atA).includes(0x0a), 'answer at A');
    expect(joined(atA).toString()).toBe('COUNTERDESK,SIM-DMM-1,SIM000001,1.0.0\n');
    expect(a.id).toBe(`serial:${pair.a}`);
  });

  it('moves 256 KiB intact and in order; write resolves once drained', async () => {
    const pair = await startSocatPair();
    const a = transport(pair.a);
    const b = transport(pair.b);
    await Promise.all([a.open(), b.open()]);
    const atB = collect(b);
    const payload = Uint8Array.from({ length: 256 * 1024 }, (_, i) => (i * 31 + (i >> 8)) & 0xff);
    await a.write(payload);
    await waitFor(() => joined(atB).length >= payload.length, 'all bytes at B', 10_000);
    expect(joined(atB).equals(Buffer.from(payload))).toBe(true);
  });

  it('opens with 7O1 and tolerates a pty rejecting DTR/RTS, recording why', async () => {
    const pair = await startSocatPair();
    const a = transport(pair.a, {
      baudRate: 19200,
      dataBits: 7,
      parity: 'odd',
      stopBits: 1,
      dtr: true,
      rts: false,
    });
    await a.open();
    expect(a.isOpen).toBe(true);
    expect(a.settings).toMatchObject({ baudRate: 19200, dataBits: 7, parity: 'odd', stopBits: 1 });
    expect(a.modemLines).toMatchObject({ state: 'unsupported', dtr: true, rts: false });
    if (a.modemLines.state === 'unsupported') expect(a.modemLines.detail).toMatch(/ioctl/i);
    // The port still works.
    const b = transport(pair.b);
    await b.open();
    const atA = collect(a);
    await b.write(text('ok\n'));
    await waitFor(() => joined(atA).length >= 3, 'data after failed set()');
  });

  it('does not touch the modem lines when none are asked for', async () => {
    const pair = await startSocatPair();
    const a = transport(pair.a);
    await a.open();
    expect(a.modemLines).toEqual({ state: 'not-requested' });
  });

  it('reports a requested close without an error', async () => {
    const pair = await startSocatPair();
    const a = transport(pair.a);
    await a.open();
    const closes: (Error | undefined)[] = [];
    a.onClose((e) => closes.push(e));
    await a.close();
    await waitFor(() => closes.length === 1, 'close callback');
    expect(closes).toEqual([undefined]);
    expect(a.isOpen).toBe(false);
  });

  it('reports an unplug (socat killed) through onClose with SERIAL_DISCONNECTED', async () => {
    const pair = await startSocatPair();
    const a = transport(pair.a);
    await a.open();
    const closes: (Error | undefined)[] = [];
    a.onClose((e) => closes.push(e));
    await pair.stop();
    await waitFor(() => closes.length === 1, 'close after unplug');
    const [error] = closes;
    expect(isAppError(error) && error.code).toBe('SERIAL_DISCONNECTED');
    expect(a.isOpen).toBe(false);
    await expect(a.write(text('x'))).rejects.toMatchObject({ code: 'TRANSPORT_NOT_OPEN' });
  });

  it('turns end-of-file on a hung-up pty into a disconnect instead of re-reading forever', async () => {
    // Open without reading, hang the pty up, then start reading: the first read() returns
    // end-of-file (serialport's own unix read would retry that 0-byte read endlessly).
    const pair = await startSocatPair();
    const port = new SerialPortStream({
      binding: eofSafeBinding,
      path: pair.a,
      baudRate: 9600,
      autoOpen: false,
    });
    await new Promise<void>((resolve, reject) => port.open((e) => (e ? reject(e) : resolve())));
    await pair.stop();
    const closed = new Promise<Error | null>((resolve) =>
      port.once('close', (e: Error | null) => resolve(e)),
    );
    port.on('data', () => undefined);
    const error = await closed;
    expect(error?.message).toMatch(/end of file/);
    expect(port.isOpen).toBe(false);
  });

  it('reopens the same link path after the pair is restarted', async () => {
    const paths: [string, string] = [links.link('dev-a'), links.link('dev-b')];
    const first = await startSocatPair({ links: paths });
    const a = transport(paths[0]);
    await a.open();
    const closed = new Promise<Error | undefined>((resolve) => a.onClose(resolve));
    await first.stop();
    expect(await closed).toBeDefined();
    await startSocatPair({ links: paths });
    await a.open();
    const b = transport(paths[1]);
    await b.open();
    const atA = collect(a);
    await b.write(text('again\n'));
    await waitFor(() => joined(atA).length >= 6, 'data after reopen');
    expect(joined(atA).toString()).toBe('again\n');
  });

  it('fails to open a missing port with SERIAL_OPEN_FAILED, and can be retried', async () => {
    const path = links.link('not-there-yet');
    const a = transport(path);
    const error = await a.open().catch((e: unknown) => e);
    expect(isAppError(error) && error.code).toBe('SERIAL_OPEN_FAILED');
    expect(isAppError(error) && error.details.path).toBe(path);
    expect(a.lastError).toMatch(/ENOENT|No such file/);
    await startSocatPair({ links: [path, links.link('other-end')] });
    await a.open();
    expect(a.isOpen).toBe(true);
  });

  it('refuses a second open while open, and shares one open between concurrent callers', async () => {
    const pair = await startSocatPair();
    const a = transport(pair.a);
    await Promise.all([a.open(), a.open()]); // e.g. a reconnect loop and a manual start
    await expect(a.open()).rejects.toMatchObject({ code: 'SERIAL_ALREADY_OPEN' });
    const closes: (Error | undefined)[] = [];
    a.onClose((e) => closes.push(e));
    await a.close();
    expect(closes).toEqual([undefined]); // one port, one close
  });
});
