import { afterEach, describe, expect, it } from 'vitest';
import { installHostShutdown, type HostShutdown } from '../../../core/host-shutdown';

let s: HostShutdown | null = null;
afterEach(() => {
  s?.dispose();
  s = null;
});

function host() {
  const log: string[] = [];
  const exits: number[] = [];
  s = installHostShutdown({ error: (m) => log.push(m) }, (code) => exits.push(code));
  return { s, log, exits };
}

describe('host shutdown', () => {
  it('a SIGTERM during start-up waits for start-up, then releases everything newest first and exits 0', async () => {
    const { s, exits } = host();
    const released: string[] = [];
    s.onStop(() => void released.push('lock'));
    process.emit('SIGTERM');
    expect(s.requested).toBe(true);
    expect(released).toEqual([]); // nothing is torn down under the step in progress
    s.onStop(async () => {
      await new Promise((r) => setTimeout(r, 5));
      released.push('database');
    });
    s.onStop(() => void released.push('web'));
    s.ready();
    await s.stop();
    expect(released).toEqual(['web', 'database', 'lock']);
    expect(exits).toEqual([0]);
  });

  it('a SIGTERM after start stops at once; a release that fails does not keep the others', async () => {
    const { s, log, exits } = host();
    const released: string[] = [];
    s.onStop(() => void released.push('lock'));
    s.onStop(() => {
      throw new Error('printer port already gone');
    });
    s.ready();
    process.emit('SIGINT');
    process.emit('SIGTERM'); // a second signal does not stop twice
    await s.stop();
    expect(released).toEqual(['lock']);
    expect(log).toEqual(['CounterDesk: error while stopping']);
    expect(exits).toEqual([0]);
  });

  it('a failed start releases what was acquired and exits with its code', async () => {
    const { s, exits } = host();
    const released: string[] = [];
    s.onStop(() => void released.push('lock'));
    await s.stop(1);
    expect(released).toEqual(['lock']);
    expect(exits).toEqual([1]);
  });
});
