/**
 * A real web host (core/bridge/web-host) on a random loopback port over a real SQLite store, plus
 * the raw tools the hostile-request tests need: bytes straight onto a TCP socket, a WebSocket with
 * chosen headers, a minimal rpc, and `answers()` — the host still serves its index and `app.info`.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect as tcpConnect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { startWebHost, type WebHost } from '../../../core/bridge/web-host';
import { makeCore, type CoreFixture } from '../../helpers/core-fixture';

export const INDEX_HTML = '<!doctype html><title>CounterDesk</title>';

export interface Harness {
  f: CoreFixture;
  host: WebHost;
  staticDir: string;
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  const f = makeCore();
  const staticDir = mkdtempSync(join(tmpdir(), 'cd-static-'));
  writeFileSync(join(staticDir, 'index.html'), INDEX_HTML);
  const host = await startWebHost(f.core, { staticDir });
  return {
    f,
    host,
    staticDir,
    async close() {
      await host.close();
      f.close();
      rmSync(staticDir, { recursive: true, force: true });
    },
  };
}

/**
 * Writes `bytes` on a fresh TCP connection and collects what comes back until the host closes it
 * or `waitMs` passes. `reset` ends the connection with a TCP RST right after writing.
 */
export function raw(
  port: number,
  bytes: string | Buffer,
  opts: { waitMs?: number; reset?: boolean } = {},
): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const s = tcpConnect(port, '127.0.0.1');
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      s.destroy();
      resolve(Buffer.concat(chunks).toString('latin1'));
    };
    const timer = setTimeout(finish, opts.waitMs ?? 500);
    s.on('data', (c: Buffer) => chunks.push(c));
    s.on('error', finish);
    s.on('close', finish);
    s.on('connect', () => {
      s.write(bytes, () => {
        if (opts.reset) {
          s.resetAndDestroy();
          finish();
        }
      });
    });
  });
}

/** The status code of a raw HTTP answer, or 0 when there was none. */
export function statusOf(answer: string): number {
  const m = /^HTTP\/1\.[01] (\d{3})/.exec(answer);
  return m ? Number(m[1]) : 0;
}

/** A WebSocket handshake request with the host's token and the given extra header lines. */
export function upgradeRequest(host: WebHost, headers: Record<string, string>, path?: string): string {
  const lines = [
    `GET ${path ?? `/bridge?token=${host.token}`} HTTP/1.1`,
    'Upgrade: websocket',
    'Connection: Upgrade',
    'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
    'Sec-WebSocket-Version: 13',
    ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
  ];
  return `${lines.join('\r\n')}\r\n\r\n`;
}

/** Opens the bridge (token included) and resolves once open; rejects with the refusal's status. */
export function openBridge(
  host: WebHost,
  opts: { origin?: string; headers?: Record<string, string>; token?: string } = {},
): Promise<WebSocket> {
  const ws = new WebSocket(`ws://127.0.0.1:${host.port}/bridge?token=${opts.token ?? host.token}`, {
    ...(opts.origin ? { origin: opts.origin } : {}),
    headers: opts.headers ?? {},
  });
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
  });
}

export interface Reply {
  type: string;
  id?: number;
  name?: string;
  result?: { ok: boolean; error?: { code: string }; value?: unknown };
  payload?: unknown;
}

/** Numbered calls over an open bridge socket; also records every event pushed to it. */
export function rpc(ws: WebSocket) {
  let next = 1;
  const pending = new Map<number, (v: Reply['result']) => void>();
  const events: Reply[] = [];
  ws.on('message', (data) => {
    const msg = JSON.parse(data.toString()) as Reply;
    if (msg.type === 'event') events.push(msg);
    else if (msg.id !== undefined) pending.get(msg.id)?.(msg.result);
  });
  const call = (method: string, input: unknown) =>
    new Promise<NonNullable<Reply['result']>>((resolve) => {
      const id = next++;
      pending.set(id, resolve as (v: Reply['result']) => void);
      ws.send(JSON.stringify({ id, method, input }));
    });
  return { call, events };
}

/** The host still serves its index page and answers `app.info` on a fresh bridge socket. */
export async function answers(host: WebHost): Promise<boolean> {
  const res = await fetch(`http://127.0.0.1:${host.port}/`);
  if (res.status !== 200 || (await res.text()) !== INDEX_HTML) return false;
  const ws = await openBridge(host, { origin: `http://127.0.0.1:${host.port}` });
  try {
    const info = await rpc(ws).call('app.info', {});
    return info.ok;
  } finally {
    ws.close();
  }
}
