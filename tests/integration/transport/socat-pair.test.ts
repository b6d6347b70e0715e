import { existsSync, lstatSync } from 'node:fs';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { makeLinkDir, startSocatPair, stopAllSocatPairs } from '../../helpers/socat-pair';

const links = makeLinkDir();
afterEach(stopAllSocatPairs);
afterAll(() => links.remove());

describe('socat pty pair helper', () => {
  it('starts socat and returns two distinct existing pty paths', async () => {
    const pair = await startSocatPair();
    expect(pair.a).toMatch(/^\/dev\/pts\/\d+$/);
    expect(pair.b).toMatch(/^\/dev\/pts\/\d+$/);
    expect(pair.a).not.toBe(pair.b);
    expect(existsSync(pair.a) && existsSync(pair.b)).toBe(true);
    expect(pair.exited).toBe(false);
    await pair.stop();
    expect(pair.exited).toBe(true);
  });

  it('creates stable symlinks when asked and removes them when stopped', async () => {
    const a = links.link('meter');
    const b = links.link('sim');
    const pair = await startSocatPair({ links: [a, b] });
    expect(pair.a).toBe(a);
    expect(lstatSync(a).isSymbolicLink()).toBe(true);
    await pair.stop();
    expect(existsSync(a)).toBe(false);
    const again = await startSocatPair({ links: [a, b] });
    expect(existsSync(again.a)).toBe(true);
  });

  it('fails with a clear error when socat cannot come up in time', async () => {
    await expect(startSocatPair({ timeoutMs: 1 })).rejects.toThrow(
      /socat pty pair did not start: no two pty paths within 1 ms/,
    );
  });

  it("fails with socat's own message when socat refuses the addresses", async () => {
    await expect(startSocatPair({ links: ['/nonexistent-dir/a', '/nonexistent-dir/b'] })).rejects.toThrow(
      /socat exited early[\s\S]*nonexistent-dir/,
    );
  });

  it('stopAllSocatPairs kills every running pair', async () => {
    const p1 = await startSocatPair();
    const p2 = await startSocatPair();
    await stopAllSocatPairs();
    expect(p1.exited && p2.exited).toBe(true);
  });
});
