/**
 * The browser host: serves the built renderer and a WebSocket bridge to the same dispatcher
 * Electron IPC uses. Binds loopback only; every WebSocket must present the per-run token.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import {
  bridgeRequest,
  errorEnvelope,
  MAX_MESSAGE_BYTES,
  UNREADABLE_FRAME_ID,
  type BridgeMessage,
} from '../../shared/contract/wire';
import type { Core } from '../compose';
import { isLoopbackHost } from './loopback';
import { serveStatic } from './static-files';

export interface WebHostOptions {
  host?: string;
  port?: number;
  /** Built renderer folder (dist-web). */
  staticDir: string;
  token?: string;
}

export interface WebHost {
  readonly url: string;
  readonly token: string;
  readonly port: number;
  /** Open WebSocket connections (for tests). */
  connections(): number;
  close(): Promise<void>;
}

function tokenMatches(expected: string, given: string | null): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

export async function startWebHost(core: Core, opts: WebHostOptions): Promise<WebHost> {
  const host = opts.host ?? '127.0.0.1';
  if (!isLoopbackHost(host)) throw new Error(`refusing to bind the bridge to non-loopback address ${host}`);
  const token = opts.token ?? randomBytes(24).toString('base64url');
  const server: Server = createServer((req, res) => serveStatic(opts.staticDir, req, res));
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  const sockets = new Set<WebSocket>();

  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const origin = req.headers.origin;
    const originOk = !origin || isLoopbackHost(new URL(origin).hostname);
    if (url.pathname !== '/bridge' || !originOk || !tokenMatches(token, url.searchParams.get('token'))) {
      socket.write('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\n\r\n');
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => attach(ws));
  });

  const unsubscribe = core.ctx.events.subscribe((name, payload) => {
    const msg = JSON.stringify({ type: 'event', name, payload } satisfies BridgeMessage);
    for (const ws of sockets) if (ws.readyState === ws.OPEN) ws.send(msg);
  });

  function attach(ws: WebSocket): void {
    sockets.add(ws);
    const conn = core.connect();
    ws.on('close', () => {
      sockets.delete(ws);
      core.ctx.sessions.end(conn.sessionToken);
    });
    ws.on('message', (data) => {
      let parsed: ReturnType<typeof bridgeRequest.safeParse>;
      try {
        parsed = bridgeRequest.safeParse(JSON.parse(data.toString()));
      } catch {
        parsed = bridgeRequest.safeParse(undefined);
      }
      if (!parsed.success) {
        const reply: BridgeMessage = {
          type: 'result',
          id: UNREADABLE_FRAME_ID,
          result: errorEnvelope('BAD_MESSAGE'),
        };
        ws.send(JSON.stringify(reply));
        return;
      }
      const { id, method, input } = parsed.data;
      void core.dispatcher.call(conn, method, input).then((result) => {
        if (ws.readyState === ws.OPEN)
          ws.send(JSON.stringify({ type: 'result', id, result } satisfies BridgeMessage));
      });
    });
  }

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolveListen());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${host}:${port}/#token=${token}`,
    token,
    port,
    connections: () => sockets.size,
    close: async () => {
      unsubscribe();
      for (const ws of sockets) ws.terminate();
      await new Promise<void>((r) => wss.close(() => r()));
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
