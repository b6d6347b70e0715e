/**
 * The browser host against hostile requests, one hole at a time (issue #13): every parse is
 * guarded (a bad request is a 4xx, never an exception that kills the process), the Host header
 * must name this loopback host (DNS rebinding), the Origin must be this host's own, frames are
 * capped, a socket that errors or floods is dropped alone, and events reach signed-in sockets only.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { classifyScan } from '../../../shared/domain/codes/classify';
import { MAX_MESSAGE_BYTES } from '../../../shared/contract/wire';
import {
  answers,
  openBridge,
  raw,
  rpc,
  startHarness,
  statusOf,
  upgradeRequest,
  type Harness,
} from './host-harness';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

const get = (path: string, hostHeader: string | null, extra = '') =>
  `GET ${path} HTTP/1.1\r\n${hostHeader === null ? '' : `Host: ${hostHeader}\r\n`}${extra}Connection: close\r\n\r\n`;

describe('HTTP requests the host refuses without falling over', () => {
  it('`GET //x:99999` (a URL no parser accepts) is a 400', async () => {
    const answer = await raw(h.host.port, get('//x:99999', `127.0.0.1:${h.host.port}`));
    expect(statusOf(answer)).toBe(400);
    expect(await answers(h.host)).toBe(true);
  });

  it('a Host header that is not this loopback host is refused (DNS rebinding)', async () => {
    const p = h.host.port;
    for (const bad of [
      `evil.example:${p}`,
      'evil.example',
      `127.0.0.1:${p + 1}`,
      '127.0.0.1',
      `10.0.0.1:${p}`,
    ]) {
      expect(statusOf(await raw(p, get('/', bad))), bad).toBe(403);
    }
    expect(statusOf(await raw(p, get('/', null))), 'no Host').toBe(400);
    expect(statusOf(await raw(p, `GET / HTTP/1.0\r\n\r\n`)), 'HTTP/1.0 without Host').toBe(400);
    expect(statusOf(await raw(p, get('/', `127.0.0.1:${p}`, `Host: evil.example:${p}\r\n`))), 'two').toBe(
      400,
    );
    for (const good of [`127.0.0.1:${p}`, `localhost:${p}`, `LOCALHOST:${p}`, `[::1]:${p}`]) {
      expect(statusOf(await raw(p, get('/', good))), good).toBe(200);
    }
    expect(await answers(h.host)).toBe(true);
  });

  it('a client that resets its connection mid-request costs nothing', async () => {
    for (let i = 0; i < 20; i++) {
      await raw(h.host.port, `GET / HTTP/1.1\r\nHost: 127.0.0.1:${h.host.port}\r\nX-Half: `, { reset: true });
    }
    expect(await answers(h.host)).toBe(true);
  });
});

describe('WebSocket upgrades the host refuses', () => {
  it('`Origin: null` is refused (401), not thrown on', async () => {
    const answer = await raw(
      h.host.port,
      upgradeRequest(h.host, { Host: `127.0.0.1:${h.host.port}`, Origin: 'null' }),
    );
    expect(statusOf(answer)).toBe(401);
    expect(h.host.connections()).toBe(0);
    expect(await answers(h.host)).toBe(true);
  });

  it('an Origin other than this host itself is refused, even another loopback port', async () => {
    const p = h.host.port;
    for (const origin of [
      `http://127.0.0.1:${p + 1}`,
      'http://localhost',
      'https://evil.example',
      'file://',
      `ws://127.0.0.1:${p}`,
    ]) {
      await expect(openBridge(h.host, { origin }), origin).rejects.toThrow(/401/);
    }
    for (const origin of [`http://127.0.0.1:${p}`, `http://localhost:${p}`, `http://[::1]:${p}`]) {
      const ws = await openBridge(h.host, { origin });
      ws.close();
    }
  });

  it('a bad or missing Host header on the upgrade is refused', async () => {
    const p = h.host.port;
    expect(statusOf(await raw(p, upgradeRequest(h.host, { Host: `evil.example:${p}` })))).toBe(403);
    expect(statusOf(await raw(p, upgradeRequest(h.host, {})))).toBe(400);
    expect(statusOf(await raw(p, upgradeRequest(h.host, { Host: `127.0.0.1:${p}` }, '//x:99999')))).toBe(400);
    expect(h.host.connections()).toBe(0);
    expect(await answers(h.host)).toBe(true);
  });
});

describe('frames', () => {
  it('a frame over the cap closes that socket with 1009; the host stays up', async () => {
    const ws = await openBridge(h.host);
    const closed = new Promise<number>((r) => ws.on('close', (code) => r(code)));
    ws.on('error', () => undefined);
    ws.send(Buffer.alloc(MAX_MESSAGE_BYTES + 1, 0x20));
    expect(await closed).toBe(1009);
    expect(await answers(h.host)).toBe(true);
  });

  it('an unmasked or reserved-opcode frame closes that socket only', async () => {
    const p = h.host.port;
    const hello = upgradeRequest(h.host, { Host: `127.0.0.1:${p}` });
    // Unmasked text frame "hi" (clients must mask), then a frame with reserved opcode 0x3.
    for (const frame of [Buffer.from([0x81, 0x02, 0x68, 0x69]), Buffer.from([0x83, 0x80, 1, 2, 3, 4])]) {
      const answer = await raw(p, Buffer.concat([Buffer.from(hello), frame]));
      expect(statusOf(answer)).toBe(101);
    }
    expect(await answers(h.host)).toBe(true);
  });

  it('an open bridge socket reset by the peer is dropped alone', async () => {
    const p = h.host.port;
    await raw(p, upgradeRequest(h.host, { Host: `127.0.0.1:${p}` }), { reset: true, waitMs: 100 });
    await expect.poll(() => h.host.connections()).toBe(0);
    expect(await answers(h.host)).toBe(true);
  });

  it('a flood of calls past the in-flight cap gets BRIDGE_BUSY for the excess, then recovers', async () => {
    const ws = await openBridge(h.host);
    const { call } = rpc(ws);
    const results = await Promise.all(Array.from({ length: 400 }, () => call('app.info', {})));
    expect(results.every((r) => r.ok || r.error?.code === 'BRIDGE_BUSY')).toBe(true);
    expect(results.filter((r) => r.ok).length).toBeGreaterThan(0);
    expect((await call('app.info', {})).ok).toBe(true);
    ws.close();
  });
});

describe('events reach signed-in sockets only', () => {
  const scan = () => ({
    source: 'hid' as const,
    code: 'CDB-TESTCLERK1',
    at: Date.now(),
    classification: classifyScan('CDB-TESTCLERK1'),
    route: 'signin' as const,
  });

  it('a socket that is not signed in gets no scans and no other event; a signed-in one does', async () => {
    const out = rpc(await openBridge(h.host));
    const inn = rpc(await openBridge(h.host));
    expect((await inn.call('auth.signIn', { code: 'C001', pin: '1111' })).ok).toBe(true);
    h.f.core.ctx.events.emit('scanner.scan', scan());
    h.f.core.ctx.events.emit('app.notice', { level: 'info', messageKey: 'x', params: {} });
    await expect.poll(() => inn.events.length).toBe(2);
    // A round trip on the signed-out socket: anything pushed to it before this answer has arrived.
    expect((await out.call('app.info', {})).ok).toBe(true);
    expect(out.events).toEqual([]);
    expect(inn.events.map((e) => e.name)).toEqual(['scanner.scan', 'app.notice']);
  });

  it('after signing out the socket gets nothing more', async () => {
    const s = rpc(await openBridge(h.host));
    expect((await s.call('auth.signIn', { code: 'C001', pin: '1111' })).ok).toBe(true);
    expect((await s.call('auth.signOut', {})).ok).toBe(true);
    h.f.core.ctx.events.emit('scanner.scan', scan());
    expect((await s.call('app.info', {})).ok).toBe(true);
    expect(s.events).toEqual([]);
  });
});
