/**
 * The one listener list of the hardware layer (core/hardware/listeners.ts), and the listener
 * half every transport shares (transport-events.ts) seen through an in-memory pair.
 */
import { describe, expect, it } from 'vitest';
import { Listeners } from '../../../shared/listeners';
import { createMemoryPair } from '../../../core/hardware/transport/memory-transport';

describe('Listeners', () => {
  it('calls every listener in order of adding; the returned function removes one', () => {
    const list = new Listeners<number>();
    const seen: string[] = [];
    const offA = list.add((v) => seen.push(`a${v}`));
    list.add((v) => seen.push(`b${v}`));
    expect(list.size).toBe(2);
    list.emit(1);
    offA();
    offA();
    list.emit(2);
    expect(seen).toEqual(['a1', 'b1', 'b2']);
    expect(list.size).toBe(1);
  });

  it('a throwing listener neither stops the others nor reaches the emitter', () => {
    const list = new Listeners<string>();
    const seen: string[] = [];
    list.add(() => {
      throw new Error('subscriber bug');
    });
    list.add((v) => seen.push(v));
    expect(() => list.emit('x')).not.toThrow();
    expect(seen).toEqual(['x']);
  });

  it('a listener added or removed during emit does not change that emit', () => {
    const list = new Listeners<number>();
    const seen: string[] = [];
    let offB: () => void = () => undefined;
    list.add((v) => {
      seen.push(`a${v}`);
      offB();
      list.add((w) => seen.push(`c${w}`));
    });
    offB = list.add((v) => seen.push(`b${v}`));
    list.emit(1);
    expect(seen).toEqual(['a1', 'b1']);
  });
});

describe('transport events', () => {
  it('deliver data to every listener despite a throwing one, and one close notice per open', async () => {
    const [a, b] = createMemoryPair();
    await a.open();
    await b.open();
    const chunks: number[][] = [];
    const closes: (string | undefined)[] = [];
    b.onData(() => {
      throw new Error('subscriber bug');
    });
    const offData = b.onData((c) => chunks.push([...c]));
    b.onClose((e) => closes.push(e?.message));
    await a.write(Uint8Array.of(1, 2));
    offData();
    await a.write(Uint8Array.of(3));
    expect(chunks).toEqual([[1, 2]]);
    await b.close();
    await b.close();
    await b.open();
    a.unplug();
    expect(closes).toHaveLength(2);
    expect(closes[0]).toBeUndefined();
    expect(closes[1]).toMatch(/TRANSPORT_UNPLUGGED|unplugged/i);
  });
});
