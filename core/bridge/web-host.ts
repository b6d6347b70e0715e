/**
 * The browser host: serves the built renderer and a WebSocket bridge to the same dispatcher
 * Electron IPC uses. Binds loopback only; every request must name this host in `Host` (DNS
 * rebinding), every WebSocket must come from this host's own page (or no page) and present the
 * per-run token. Nothing a client sends can throw out of a handler: a bad request is a 4xx, a bad
 * frame closes that socket, a flood is refused call by call. Events go to signed-in sockets only.
 * What is refused and why: docs/ARCHITECTURE.md, "Hosts".
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import {
  bridgeRequest,
  caughtEnvelope,
  errorEnvelope,
  MAX_IN_FLIGHT_CALLS,
  MAX_MESSAGE_BYTES,
  UNREADABLE_FRAME_ID,
  type BridgeMessage,
} from '../../shared/contract/wire';
import type { Core } from '../compose';
import type { Connection } from '../context';
import { isLoopbackHost, isOwnHostHeader, isOwnOrigin, parseTarget } from './loopback';
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

/**
 * Open bridge sockets at once. A counter runs one page (one socket; a reload briefly two); a few
 * tabs or a second screen stay far below. Past it an upgrade gets 503: a connect flood cannot
 * pile up sessions and buffers.
 */
const MAX_SOCKETS = 32;
/** TCP connections at once (HTTP and bridge): loopback floods are dropped by the kernel queue. */
const MAX_CONNECTIONS = 256;
/**
 * Bytes queued towards one socket that does not read (answers and events): twice the largest
 * frame. Past it the socket is terminated, so a client that never reads cannot grow our memory.
 */
const MAX_BUFFERED_BYTES = 2 * MAX_MESSAGE_BYTES;
/** A request's headers must arrive within this (slow-header clients), the whole request within 30 s. */
const HEADERS_TIMEOUT_MS = 10_000;
const REQUEST_TIMEOUT_MS = 30_000;

const ignore = (): void => undefined;

function tokenMatches(expected: string, given: string | null): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** How many `Host` header lines a request carried (Node keeps only the first in `headers`). */
function hostHeaderCount(req: IncomingMessage): number {
  let n = 0;
  for (let i = 0; i < req.rawHeaders.length; i += 2) if (req.rawHeaders[i]?.toLowerCase() === 'host') n++;
  return n;
}

type Checked = { ok: true; url: URL } | { ok: false; status: 400 | 403 };

/** The checks every request and every upgrade passes first: one Host naming us, a plain path. */
function checkRequest(req: IncomingMessage, port: number): Checked {
  const hosts = hostHeaderCount(req);
  if (hosts !== 1) return { ok: false, status: 400 };
  if (!isOwnHostHeader(req.headers.host, port)) return { ok: false, status: 403 };
  const url = parseTarget(req.url);
  return url ? { ok: true, url } : { ok: false, status: 400 };
}

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  405: 'Method Not Allowed',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

function refuseHttp(res: ServerResponse, status: number): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', connection: 'close' });
  res.end(`${status} ${REASONS[status] ?? ''}\n`);
}

function refuseUpgrade(socket: Duplex, status: number): void {
  if (socket.writable)
    socket.write(
      `HTTP/1.1 ${status} ${REASONS[status] ?? ''}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`,
    );
  socket.destroy();
}

export async function startWebHost(core: Core, opts: WebHostOptions): Promise<WebHost> {
  const host = opts.host ?? '127.0.0.1';
  if (!isLoopbackHost(host)) throw new Error(`refusing to bind the bridge to non-loopback address ${host}`);
  const token = opts.token ?? randomBytes(24).toString('base64url');
  let port = 0;
  const sockets = new Map<WebSocket, Connection>();

  const server: Server = createServer((req, res) => {
    try {
      const checked = checkRequest(req, port);
      if (!checked.ok) return refuseHttp(res, checked.status);
      if (req.method !== 'GET' && req.method !== 'HEAD') return refuseHttp(res, 405);
      serveStatic(opts.staticDir, checked.url.pathname, res);
    } catch {
      refuseHttp(res, 500);
    }
  });
  server.headersTimeout = HEADERS_TIMEOUT_MS;
  server.requestTimeout = REQUEST_TIMEOUT_MS;
  server.maxConnections = MAX_CONNECTIONS;
  // Every TCP socket gets an error listener (a reset mid-request is that socket's problem only);
  // a request Node cannot parse (bad request line, header overflow) is answered 400/431 and closed.
  server.on('connection', (socket: Socket) => socket.on('error', ignore));
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => {
    const status =
      err.code === 'HPE_HEADER_OVERFLOW' ? '431 Request Header Fields Too Large' : '400 Bad Request';
    if (socket.writable) socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    socket.destroy();
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  wss.on('error', ignore);

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', ignore);
    try {
      const checked = checkRequest(req, port);
      if (!checked.ok) return refuseUpgrade(socket, checked.status);
      const { url } = checked;
      if (
        url.pathname !== '/bridge' ||
        !isOwnOrigin(req.headers.origin, port) ||
        !tokenMatches(token, url.searchParams.get('token'))
      )
        return refuseUpgrade(socket, 401);
      if (sockets.size >= MAX_SOCKETS) return refuseUpgrade(socket, 503);
      wss.handleUpgrade(req, socket, head, (ws) => attach(ws));
    } catch {
      refuseUpgrade(socket, 400);
    }
  });

  /** Sends unless the socket is closed; a socket that stopped reading is terminated instead. */
  function sendTo(ws: WebSocket, msg: string): void {
    if (ws.readyState !== ws.OPEN) return;
    if (ws.bufferedAmount > MAX_BUFFERED_BYTES) {
      ws.terminate();
      return;
    }
    try {
      ws.send(msg, ignore);
    } catch {
      ws.terminate();
    }
  }

  // Events (scans, device status, meter readings, print jobs, notices) reach only sockets whose
  // connection is signed in now. The sign-in page needs none: its badge sign-in reads the
  // keyboard wedge in the page itself, and core-driven scanners are routed by the signed-in shell.
  const unsubscribe = core.ctx.events.subscribe((name, payload) => {
    const now = core.ctx.now();
    let msg: string | null = null;
    for (const [ws, conn] of sockets) {
      if (!core.ctx.sessions.isLive(conn.sessionToken, now)) continue;
      msg ??= JSON.stringify({ type: 'event', name, payload } satisfies BridgeMessage);
      sendTo(ws, msg);
    }
  });

  function attach(ws: WebSocket): void {
    const conn = core.connect();
    sockets.set(ws, conn);
    let inFlight = 0;
    // A protocol error (unmasked or reserved frame, a frame over maxPayload, bad UTF-8) or a
    // reset: ws closes the socket itself (1002/1009/1007); this listener keeps it from throwing.
    ws.on('error', ignore);
    ws.on('close', () => {
      sockets.delete(ws);
      core.ctx.sessions.end(conn.sessionToken);
    });
    ws.on('message', (data: RawData) => {
      let parsed: ReturnType<typeof bridgeRequest.safeParse>;
      try {
        parsed = bridgeRequest.safeParse(JSON.parse(String(data)));
      } catch {
        parsed = bridgeRequest.safeParse(undefined);
      }
      if (!parsed.success) {
        const reply: BridgeMessage = {
          type: 'result',
          id: UNREADABLE_FRAME_ID,
          result: errorEnvelope('BAD_MESSAGE'),
        };
        sendTo(ws, JSON.stringify(reply));
        return;
      }
      const { id, method, input } = parsed.data;
      if (inFlight >= MAX_IN_FLIGHT_CALLS) {
        const reply: BridgeMessage = {
          type: 'result',
          id,
          result: errorEnvelope('BRIDGE_BUSY', { method: method.slice(0, 100), limit: MAX_IN_FLIGHT_CALLS }),
        };
        sendTo(ws, JSON.stringify(reply));
        return;
      }
      inFlight++;
      void core.dispatcher
        .call(conn, method, input)
        .catch((e: unknown) => caughtEnvelope(e))
        .then((result) => {
          inFlight--;
          sendTo(ws, JSON.stringify({ type: 'result', id, result } satisfies BridgeMessage));
        })
        .catch(ignore);
    });
  }

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolveListen());
  });
  server.on('error', ignore);
  port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${port}/#token=${token}`,
    token,
    port,
    connections: () => sockets.size,
    close: async () => {
      unsubscribe();
      for (const ws of sockets.keys()) ws.terminate();
      await new Promise<void>((r) => wss.close(() => r()));
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
