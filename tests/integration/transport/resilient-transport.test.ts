/**
 * The resilient transport over a real serial port: a socat pty pair is killed (the unplug reaches
 * the serialport stack as end-of-file), reopen attempts back off while the port is gone, and the
 * link comes back by itself once the pair is restarted on the same paths.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { ResilientTransport } from '../../../core/hardware/transport/resilient-transport';
import {
  createSerialTransport,
  type SerialTransport,
} from '../../../core/hardware/transport/serial-transport';
import { makeLinkDir, startSocatPair, stopAllSocatPairs } from '../../helpers/socat-pair';
import { waitFor } from '../../helpers/wait-for';

const links = makeLinkDir();
const stops: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
  await stopAllSocatPairs();
});
afterAll(() => links.remove());

function serial(path: string): SerialTransport {
  const t = createSerialTransport({ path, baudRate: 115200 });
  stops.push(() => (t.isOpen ? t.close() : Promise.resolve()));
  return t;
}

describe('resilient transport over a socat pty pair', () => {
  it('backs off while the port is gone and reopens it when the pair is back', async () => {
    const paths: [string, string] = [links.link('res-a'), links.link('res-b')];
    const first = await startSocatPair({ links: paths });
    const a = serial(paths[0]);
    const closes: (Error | undefined)[] = [];
    a.onClose((e) => closes.push(e));
    const reopenedAt: number[] = [];
    const link = new ResilientTransport(a, {
      retry: { initialMs: 20, factor: 2, maxMs: 80 },
      onReopen: () => {
        reopenedAt.push(Date.now());
      },
    });
    stops.push(() => link.stop());
    await link.open();
    const unpluggedAt = Date.now();
    await first.stop();
    await waitFor(() => closes.length === 1, 'the unplug');
    expect(closes[0]?.message).toBeTruthy();
    expect(link.retrying).toBe(true);
    await waitFor(() => link.attempts >= 4, 'four failed reopen attempts');
    // waits 20 + 40 + 80 (+ 80…): four attempts cannot come sooner than 220 ms after the unplug
    expect(Date.now() - unpluggedAt).toBeGreaterThanOrEqual(200);
    expect(a.isOpen).toBe(false);

    await startSocatPair({ links: paths });
    await waitFor(() => a.isOpen, 'the reopen', 5000);
    expect(reopenedAt).toHaveLength(1);
    expect(link.reopens).toBe(1);
    expect(link.retrying).toBe(false);

    const b = serial(paths[1]);
    await b.open();
    const got: number[] = [];
    a.onData((c) => got.push(...c));
    await b.write(new TextEncoder().encode('back\n'));
    await waitFor(() => got.length >= 5, 'bytes after the reopen');
    expect(Buffer.from(got).toString()).toBe('back\n');

    await link.stop();
    expect(a.isOpen).toBe(false);
    expect(closes).toHaveLength(2);
    expect(closes[1]).toBeUndefined();
  });
});
