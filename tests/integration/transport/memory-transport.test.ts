import { describe, expect, it } from 'vitest';
import { createMemoryPair } from '../../../core/hardware/transport/memory-transport';
import { isAppError } from '../../../shared/contract/errors';
import { waitFor } from '../../helpers/wait-for';

const text = (s: string): Uint8Array => new TextEncoder().encode(s);
const decode = (chunks: Uint8Array[]): string => new TextDecoder().decode(Buffer.concat(chunks));

describe('memory transport pair', () => {
  it('delivers what one end writes to the other, in order, after write() is called', async () => {
    const [a, b] = createMemoryPair();
    await a.open();
    await b.open();
    const got: Uint8Array[] = [];
    b.onData((c) => got.push(c));
    const first = a.write(text('*IDN?\n'));
    expect(got).toHaveLength(0); // not synchronous: a real port never answers inside write()
    await first;
    await a.write(text('READ?\n'));
    expect(decode(got)).toBe('*IDN?\nREAD?\n');
  });

  it('works in both directions', async () => {
    const [a, b] = createMemoryPair({ ids: ['memory:meter', 'memory:sim'] });
    await Promise.all([a.open(), b.open()]);
    const got: Uint8Array[] = [];
    a.onData((c) => got.push(c));
    await b.write(text('+1.94700000E+01\n'));
    expect(decode(got)).toBe('+1.94700000E+01\n');
    expect(a.id).toBe('memory:meter');
  });

  it('copies the bytes, so the writer may reuse its buffer', async () => {
    const [a, b] = createMemoryPair();
    await Promise.all([a.open(), b.open()]);
    const got: Uint8Array[] = [];
    b.onData((c) => got.push(c));
    const buffer = text('abc');
    const done = a.write(buffer);
    buffer.fill(0x21);
    await done;
    expect(decode(got)).toBe('abc');
  });

  it('splits writes into chunks when asked, like a UART FIFO', async () => {
    const [a, b] = createMemoryPair({ chunkSize: 4 });
    await Promise.all([a.open(), b.open()]);
    const got: Uint8Array[] = [];
    b.onData((c) => got.push(c));
    await a.write(text('0123456789'));
    expect(got.map((c) => c.length)).toEqual([4, 4, 2]);
    expect(decode(got)).toBe('0123456789');
  });

  it('drops and counts bytes written while the other end is closed', async () => {
    const [a] = createMemoryPair();
    await a.open();
    await a.write(text('lost'));
    expect(a.droppedBytes).toBe(4);
  });

  it('refuses to write when closed', async () => {
    const [a] = createMemoryPair();
    await expect(a.write(text('x'))).rejects.toMatchObject({ code: 'TRANSPORT_NOT_OPEN' });
  });

  it('reports a requested close without an error, once', async () => {
    const [a] = createMemoryPair();
    await a.open();
    const closes: (Error | undefined)[] = [];
    a.onClose((e) => closes.push(e));
    await a.close();
    await a.close();
    expect(closes).toEqual([undefined]);
    expect(a.isOpen).toBe(false);
  });

  it('unplug closes both ends with an error; open fails until plugged back', async () => {
    const [a, b] = createMemoryPair();
    await Promise.all([a.open(), b.open()]);
    const closes: string[] = [];
    a.onClose((e) => closes.push(`a:${isAppError(e) ? e.code : 'none'}`));
    b.onClose((e) => closes.push(`b:${isAppError(e) ? e.code : 'none'}`));
    a.unplug();
    expect(closes).toEqual(['a:TRANSPORT_UNPLUGGED', 'b:TRANSPORT_UNPLUGGED']);
    await expect(a.open()).rejects.toMatchObject({ code: 'TRANSPORT_UNPLUGGED' });
    b.plug();
    await Promise.all([a.open(), b.open()]);
    const got: Uint8Array[] = [];
    b.onData((c) => got.push(c));
    await a.write(text('back'));
    await waitFor(() => got.length > 0, 'data after replug');
    expect(decode(got)).toBe('back');
  });

  it('keeps delivering when a listener throws', async () => {
    const [a, b] = createMemoryPair();
    await Promise.all([a.open(), b.open()]);
    const got: Uint8Array[] = [];
    b.onData(() => {
      throw new Error('buggy listener');
    });
    b.onData((c) => got.push(c));
    await a.write(text('ok'));
    expect(decode(got)).toBe('ok');
  });

  it('stops calling a listener after unsubscribe', async () => {
    const [a, b] = createMemoryPair();
    await Promise.all([a.open(), b.open()]);
    const got: Uint8Array[] = [];
    const off = b.onData((c) => got.push(c));
    await a.write(text('1'));
    off();
    await a.write(text('2'));
    expect(decode(got)).toBe('1');
  });
});
