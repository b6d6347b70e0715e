/**
 * The one retry loop (core/hardware/transport/retry-loop.ts) on a fake clock: fixed and backoff
 * waits, one attempt at a time, success and cancel end it, and the resilient transport built on
 * it over an in-memory pair (unplug → reopen attempts → onReopen; stop; a late reopen closed).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ResilientTransport } from '../../../core/hardware/transport/resilient-transport';
import { createMemoryPair } from '../../../core/hardware/transport/memory-transport';
import { createRetryLoop, retryDelayMs } from '../../../core/hardware/transport/retry-loop';

afterEach(() => {
  vi.useRealTimers();
});

/** An attempt that records the fake time of each call and answers from `results` (then true). */
function scripted(results: boolean[]): { times: number[]; attempt: () => Promise<boolean> } {
  const times: number[] = [];
  return {
    times,
    attempt: async () => {
      times.push(Date.now());
      return results.shift() ?? true;
    },
  };
}

describe('retry delays', () => {
  it('a number is a fixed interval; a schedule grows by its factor up to maxMs', () => {
    expect([0, 1, 5].map((n) => retryDelayMs(1000, n))).toEqual([1000, 1000, 1000]);
    const backoff = { initialMs: 100, factor: 2, maxMs: 500 };
    expect([0, 1, 2, 3, 4].map((n) => retryDelayMs(backoff, n))).toEqual([100, 200, 400, 500, 500]);
    expect(retryDelayMs({ initialMs: 250 }, 7)).toBe(250);
  });
});

describe('retry loop', () => {
  it('tries every interval until an attempt succeeds, then stops', async () => {
    vi.useFakeTimers({ now: 0 });
    const s = scripted([false, false, true]);
    const loop = createRetryLoop(s.attempt, 1000);
    expect(loop.active).toBe(false);
    loop.schedule();
    loop.schedule();
    expect(loop.active).toBe(true);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(s.times).toEqual([1000, 2000, 3000]);
    expect(loop.attempts).toBe(3);
    expect(loop.active).toBe(false);
  });

  it('backs off after each failure and starts from the first wait again at the next schedule', async () => {
    vi.useFakeTimers({ now: 0 });
    const s = scripted([false, false, false, true, false, true]);
    const loop = createRetryLoop(s.attempt, { initialMs: 100, factor: 2, maxMs: 300 });
    loop.schedule();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(s.times).toEqual([100, 300, 600, 900]);
    loop.schedule();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(s.times.slice(4)).toEqual([5100, 5300]);
  });

  it('counts a throwing attempt as a failure; cancel stops the waits', async () => {
    vi.useFakeTimers({ now: 0 });
    let calls = 0;
    const loop = createRetryLoop(async () => {
      calls += 1;
      throw new Error('port gone');
    }, 50);
    loop.schedule();
    await vi.advanceTimersByTimeAsync(120);
    expect(calls).toBe(2);
    loop.cancel();
    expect(loop.active).toBe(false);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(calls).toBe(2);
  });

  it('runs one attempt at a time; a success from before a new schedule does not end it', async () => {
    vi.useFakeTimers({ now: 0 });
    let release: (ok: boolean) => void = () => undefined;
    let calls = 0;
    const loop = createRetryLoop(() => {
      calls += 1;
      return new Promise<boolean>((resolve) => (release = resolve));
    }, 100);
    loop.schedule();
    await vi.advanceTimersByTimeAsync(100);
    expect(calls).toBe(1);
    loop.cancel();
    loop.schedule();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(calls).toBe(1);
    release(true);
    await vi.advanceTimersByTimeAsync(100);
    expect(calls).toBe(2);
    expect(loop.active).toBe(true);
    release(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(loop.active).toBe(false);
  });
});

describe('resilient transport over an in-memory pair', () => {
  it('reopens after an unplug once the cable is back, then runs onReopen', async () => {
    vi.useFakeTimers({ now: 0 });
    const [a] = createMemoryPair();
    const reopenedAt: number[] = [];
    const link = new ResilientTransport(a, {
      retry: { initialMs: 100, factor: 2 },
      onReopen: () => {
        reopenedAt.push(Date.now());
      },
    });
    await link.open();
    expect(link.running && a.isOpen).toBe(true);
    a.unplug();
    expect(link.retrying).toBe(true);
    await vi.advanceTimersByTimeAsync(650);
    expect(link.attempts).toBe(2); // failed at 100 and 300 (waits 100, 200); the next is due at 700
    a.plug();
    await vi.advanceTimersByTimeAsync(100);
    expect(a.isOpen).toBe(true);
    expect(reopenedAt).toEqual([700]);
    expect(link.reopens).toBe(1);
    expect(link.retrying).toBe(false);
  });

  it('a requested close is not an unplug; stop() ends the attempts and closes', async () => {
    vi.useFakeTimers({ now: 0 });
    const [a] = createMemoryPair();
    const link = new ResilientTransport(a, { retry: 100 });
    await link.open();
    await a.close();
    expect(link.retrying).toBe(false);
    await link.open();
    a.unplug();
    expect(link.retrying).toBe(true);
    await link.stop();
    a.plug();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(a.isOpen).toBe(false);
    expect(link.attempts).toBe(0);
  });

  it('without autoReconnect, nothing is retried', async () => {
    const [a] = createMemoryPair();
    const link = new ResilientTransport(a, { retry: 10, autoReconnect: false });
    await link.open();
    a.unplug();
    link.retry();
    expect(link.retrying).toBe(false);
  });

  it('a reopen that lands after stop() closes the port again', async () => {
    const [a] = createMemoryPair();
    let finishOpen: () => void = () => undefined;
    const open = a.open.bind(a);
    let calls = 0;
    a.open = async () => {
      calls += 1;
      if (calls > 1) await new Promise<void>((resolve) => (finishOpen = resolve));
      await open();
    };
    const link = new ResilientTransport(a, { retry: 1 });
    await link.open();
    a.unplug();
    a.plug();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(calls).toBe(2);
    await link.stop();
    finishOpen();
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(a.isOpen).toBe(false);
    expect(link.reopens).toBe(0);
  });
});
