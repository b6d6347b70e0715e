/**
 * Every contract method reaches the dispatcher on both transports: the loopback WebSocket bridge
 * (for real, over a socket) and Electron IPC at its closest boundary here (the preload api and the
 * invoke handler, which are the exact code Electron runs, minus ipcRenderer/ipcMain themselves).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startWebHost, type WebHost } from '../../core/bridge/web-host';
import { makeInvokeHandler } from '../../electron/main/invoke-handler';
import { createPreloadApi } from '../../electron/preload/api';
import { METHOD_NAMES } from '../../shared/contract';
import { makeCore, type CoreFixture } from '../helpers/core-fixture';

let f: CoreFixture;
let host: WebHost;
let staticDir: string;

beforeEach(async () => {
  f = makeCore();
  staticDir = mkdtempSync(join(tmpdir(), 'cd-static-'));
  host = await startWebHost(f.core, { staticDir });
});
afterEach(async () => {
  await host.close();
  f.close();
  rmSync(staticDir, { recursive: true, force: true });
});

function connect(token: string | null, origin?: string): Promise<WebSocket> {
  const url = `ws://127.0.0.1:${host.port}/bridge${token === null ? '' : `?token=${encodeURIComponent(token)}`}`;
  const ws = new WebSocket(url, origin ? { origin } : {});
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
  });
}

function rpc(ws: WebSocket) {
  let next = 1;
  const pending = new Map<number, (v: unknown) => void>();
  ws.on('message', (data) => {
    const msg = JSON.parse(data.toString()) as { type: string; id: number; result: unknown };
    if (msg.type === 'result') pending.get(msg.id)?.(msg.result);
  });
  return (method: string, input: unknown) =>
    new Promise<{ ok: boolean; error?: { code: string }; value?: unknown }>((resolve) => {
      const id = next++;
      pending.set(id, resolve as (v: unknown) => void);
      ws.send(JSON.stringify({ id, method, input }));
    });
}

describe('loopback WebSocket bridge', () => {
  it('refuses a connection without the token, with a wrong token, or from a foreign origin', async () => {
    await expect(connect(null)).rejects.toThrow(/401/);
    await expect(connect('x'.repeat(host.token.length))).rejects.toThrow(/401/);
    await expect(connect(host.token, 'https://evil.example')).rejects.toThrow(/401/);
    expect(host.connections()).toBe(0);
  });

  it('refuses to bind to a non-loopback address', async () => {
    await expect(startWebHost(f.core, { staticDir, host: '0.0.0.0' })).rejects.toThrow(/non-loopback/);
  });

  it('routes every contract method to the dispatcher (bad input → INVALID_INPUT, not unknown)', async () => {
    const ws = await connect(host.token, `http://127.0.0.1:${host.port}`);
    const call = rpc(ws);
    for (const name of METHOD_NAMES) {
      const r = await call(name, 'not an object');
      expect(r.error?.code, name).toBe('INVALID_INPUT');
    }
    expect((await call('nope.method', {})).error?.code).toBe('UNKNOWN_METHOD');
    ws.close();
  });

  it('keeps a session per connection: signing in on one socket does not sign in another', async () => {
    const a = rpc(await connect(host.token));
    const b = rpc(await connect(host.token));
    expect((await a('auth.signIn', { code: 'M001', pin: '909090' })).ok).toBe(true);
    expect((await a('settings.get', {})).ok).toBe(true);
    expect((await b('settings.get', {})).error?.code).toBe('SIGNED_OUT');
  });

  it('answers garbage frames with BAD_MESSAGE and stays up', async () => {
    const ws = await connect(host.token);
    const replies: unknown[] = [];
    ws.on('message', (d) => replies.push(JSON.parse(d.toString())));
    ws.send('{not json');
    ws.send(JSON.stringify({ id: 'x', method: 5 }));
    await expect.poll(() => replies.length).toBe(2);
    expect(replies[0]).toMatchObject({
      type: 'result',
      id: -1,
      result: { ok: false, error: { code: 'BAD_MESSAGE' } },
    });
    const call = rpc(ws);
    expect((await call('app.info', {})).ok).toBe(true);
  });

  it('pushes core events to signed-in renderers', async () => {
    const ws = await connect(host.token);
    expect((await rpc(ws)('auth.signIn', { code: 'C001', pin: '1111' })).ok).toBe(true);
    const got = new Promise((resolve) => ws.on('message', (d) => resolve(JSON.parse(d.toString()))));
    f.core.ctx.events.emit('app.notice', { level: 'info', messageKey: 'x', params: {} });
    expect(await got).toEqual({
      type: 'event',
      name: 'app.notice',
      payload: { level: 'info', messageKey: 'x', params: {} },
    });
  });

  it('serves the renderer with a CSP and refuses paths outside its folder', async () => {
    const res = await fetch(`http://127.0.0.1:${host.port}/..%2f..%2fetc/passwd`);
    expect([403, 503]).toContain(res.status);
    expect(await res.text()).not.toContain('root:');
  });
});

describe('Electron IPC boundary', () => {
  it('the preload passes every contract method through and refuses anything else', async () => {
    const seen: string[] = [];
    const api = createPreloadApi({
      invoke: async (m) => {
        seen.push(m);
        return { ok: true, value: null };
      },
      subscribe: () => () => undefined,
    });
    for (const name of METHOD_NAMES) await api.invoke(name, {});
    expect(seen).toEqual(METHOD_NAMES);
    expect(await api.invoke('fs.readFile', {})).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_METHOD' },
    });
    expect(() => api.on('not.anEvent', () => undefined)).toThrow(/unknown event/);
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on']);
  });

  it('the invoke handler refuses a foreign sender frame and dispatches every method for ours', async () => {
    const handle = makeInvokeHandler(f.core, f.core.connect());
    expect(await handle(false, 'app.info', {})).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN_SENDER' },
    });
    for (const name of METHOD_NAMES) {
      const r = await handle(true, name, 17);
      expect(r.ok ? 'ok' : r.error.code, name).toBe('INVALID_INPUT');
    }
    expect(await handle(true, 'app.info', {})).toMatchObject({ ok: true });
  });
});
