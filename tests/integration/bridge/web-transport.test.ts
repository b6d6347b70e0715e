/**
 * The renderer's web transport against the real web host (core/bridge/web-host) and a real SQLite
 * store: calls, the token check, and what a dropped link means for the session.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { startWebHost, type WebHost } from '../../../core/bridge/web-host';
import { composeCore, type Core } from '../../../core/compose';
import { createStaff } from '../../../core/store/create-staff';
import { createApi } from '../../../renderer/src/api/api';
import { MAX_MESSAGE_BYTES } from '../../../shared/contract/wire';
import type { Transport } from '../../../renderer/src/api/transport';
import { createWebTransport, type WebSocketLike } from '../../../renderer/src/api/transport.web';

const TOKEN = 'integration-token-0123456789';
let dir: string;
let core: Core;
let host: WebHost;
const transports: Transport[] = [];

function connect(token: string, port = host.port): Transport {
  const t = createWebTransport({
    url: `ws://127.0.0.1:${port}/bridge?token=${token}`,
    createSocket: (url) => new WebSocket(url) as unknown as WebSocketLike,
    backoffMs: () => 50,
  });
  transports.push(t);
  return t;
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cd-bridge-'));
  core = composeCore({ dataDir: dir, host: 'web', firstRun: 'empty' });
  createStaff(
    core.ctx.db,
    core.ctx.storeId,
    { code: '1001', name: '小王', role: 'clerk', pin: '1111' },
    Date.now(),
    null,
  );
  host = await startWebHost(core, { port: 0, staticDir: join(dir, 'no-renderer'), token: TOKEN });
});

afterEach(async () => {
  for (const t of transports.splice(0)) t.close();
  await host.close();
  core.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('web transport over the real bridge', () => {
  it('signs in and reads the session back on the same connection', async () => {
    const api = createApi(connect(TOKEN));
    const info = await api.invoke('app.info', {});
    expect(info.host).toBe('web');
    const signedIn = await api.invoke('auth.signIn', { code: '1001', pin: '1111' });
    expect(signedIn.staff).toMatchObject({ code: '1001', name: '小王', role: 'clerk' });
    expect((await api.invoke('auth.session', {})).session?.staff.code).toBe('1001');
  });

  it('carries typed errors: a wrong PIN (no attempt count for a signed-out caller)', async () => {
    const api = createApi(connect(TOKEN));
    const r = await api.call('auth.signIn', { code: '1001', pin: '0000' });
    expect(r).toEqual({
      ok: false,
      error: { code: 'AUTH_FAILED', messageKey: 'errors.AUTH_FAILED', details: {} },
    });
  });

  it('is refused without the right token: never opens, calls fail, the host holds no connection', async () => {
    const t = connect('wrong-token-0123456789');
    const r = await t.invoke('app.info', {});
    expect(r).toMatchObject({ ok: false, error: { code: 'BRIDGE_DISCONNECTED' } });
    expect(t.status()).toBe('connecting');
    expect(host.connections()).toBe(0);
  });

  it('refuses a call bigger than the frame cap before sending it: the link and the session stay', async () => {
    const t = connect(TOKEN);
    const api = createApi(t);
    await api.invoke('auth.signIn', { code: '1001', pin: '1111' });
    const r = await t.invoke('app.info', { pad: 'x'.repeat(MAX_MESSAGE_BYTES) });
    expect(r).toMatchObject({ ok: false, error: { code: 'BRIDGE_TOO_LARGE' } });
    expect(t.status()).toBe('open');
    expect((await api.invoke('auth.session', {})).session?.staff.code).toBe('1001');
  });

  it('after the host restarts the link comes back by itself, signed out', async () => {
    const t = connect(TOKEN);
    const api = createApi(t);
    await api.invoke('auth.signIn', { code: '1001', pin: '1111' });
    const port = host.port;
    await host.close();
    await vi.waitFor(() => expect(t.status()).toBe('reconnecting'));
    host = await startWebHost(core, { port, staticDir: join(dir, 'no-renderer'), token: TOKEN });
    await vi.waitFor(() => expect(t.status()).toBe('open'), { timeout: 5000 });
    expect(await api.invoke('auth.session', {})).toEqual({ session: null });
  });
});
