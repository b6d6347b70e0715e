/**
 * Web transport: the loopback WebSocket bridge served by core/bridge/web-host. One socket, numbered
 * requests, reconnect with capped exponential backoff. Calls in flight when the socket drops fail
 * with BRIDGE_DISCONNECTED (core may or may not have run them; the screen says so and the user
 * retries — commands that move money carry idempotency keys for exactly this).
 */
import type { Result } from '../../../shared/contract/errors';
import {
  bridgeMessage,
  errorEnvelope,
  isResultEnvelope,
  MAX_MESSAGE_BYTES,
  UNREADABLE_FRAME_ID,
  type BridgeRequest,
} from '../../../shared/contract/wire';
import { Listeners } from '../../../shared/listeners';
import type { LinkStatus, Transport } from './transport';

/** A subscriber's error is logged, never thrown into the transport. */
const logListenerError = (e: unknown) => console.error('listener failed', e);

/** The subset of the browser WebSocket the transport uses (the `ws` package matches it too). */
export interface WebSocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(): void;
  onopen: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onclose: ((ev: unknown) => void) | null;
  onerror: ((ev: unknown) => void) | null;
}

export type WebSocketFactory = (url: string) => WebSocketLike;

export interface WebTransportOptions {
  /** Full ws:// URL including the token, or null when the page has no token. */
  url: string | null;
  createSocket?: WebSocketFactory;
  /** Delay before reconnect attempt n (0-based). */
  backoffMs?: (attempt: number) => number;
}

/** 250 ms, 500 ms, 1 s, 2 s, 4 s, then every 5 s. */
export function defaultBackoff(attempt: number): number {
  return Math.min(5000, 250 * 2 ** attempt);
}

/** The bridge URL for a page served by the web host: ws://<host>/bridge?token=… */
export function bridgeUrl(
  location: { readonly protocol: string; readonly host: string },
  token: string,
): string {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${location.host}/bridge?token=${encodeURIComponent(token)}`;
}

interface Queued {
  id: number;
  method: string;
  input: unknown;
  resolve: (r: Result<unknown>) => void;
}

/** UTF-8 size of a string; skips encoding when even 3 bytes per UTF-16 unit fits the cap. */
function utf8Length(text: string): number {
  return text.length * 3 <= MAX_MESSAGE_BYTES ? text.length : new TextEncoder().encode(text).length;
}

const OPEN = 1;
const CONNECTING = 0;

/** Opens the bridge immediately and keeps it open until close(). */
export function createWebTransport(opts: WebTransportOptions): Transport {
  const createSocket: WebSocketFactory =
    opts.createSocket ?? ((url) => new WebSocket(url) as unknown as WebSocketLike);
  const backoff = opts.backoffMs ?? defaultBackoff;
  const statusListeners = new Listeners<LinkStatus>(logListenerError);
  const eventListeners = new Map<string, Listeners<unknown>>();
  const inFlight = new Map<number, (r: Result<unknown>) => void>();
  let queue: Queued[] = [];
  let socket: WebSocketLike | null = null;
  let status: LinkStatus = opts.url ? 'connecting' : 'no-token';
  let attempt = 0;
  let nextId = 1;
  let closed = false;
  let everOpened = false;
  let timer: ReturnType<typeof setTimeout> | null = null;

  function setStatus(s: LinkStatus): void {
    if (s === status) return;
    status = s;
    statusListeners.emit(s);
  }

  function send(q: Queued): void {
    let text: string;
    try {
      text = JSON.stringify({ id: q.id, method: q.method, input: q.input } satisfies BridgeRequest);
    } catch {
      q.resolve(errorEnvelope('BRIDGE_DISCONNECTED', { method: q.method }));
      return;
    }
    // The host closes a socket that sends a frame over the cap (and the session with it): refuse
    // here instead, nothing sent, the link and the sign-in stay.
    if (utf8Length(text) > MAX_MESSAGE_BYTES) {
      q.resolve(errorEnvelope('BRIDGE_TOO_LARGE', { method: q.method, limit: MAX_MESSAGE_BYTES }));
      return;
    }
    inFlight.set(q.id, q.resolve);
    try {
      socket?.send(text);
    } catch {
      inFlight.delete(q.id);
      q.resolve(errorEnvelope('BRIDGE_DISCONNECTED', { method: q.method }));
    }
  }

  function failAll(): void {
    const waiting = [...inFlight.entries()];
    inFlight.clear();
    const queued = queue;
    queue = [];
    for (const [, resolve] of waiting) resolve(errorEnvelope('BRIDGE_DISCONNECTED', {}));
    for (const q of queued) q.resolve(errorEnvelope('BRIDGE_DISCONNECTED', { method: q.method }));
  }

  function onMessage(data: unknown): void {
    let parsed: ReturnType<typeof bridgeMessage.safeParse>;
    try {
      parsed = bridgeMessage.safeParse(JSON.parse(typeof data === 'string' ? data : String(data)));
    } catch {
      return;
    }
    if (!parsed.success) return;
    const msg = parsed.data;
    if (msg.type === 'event') {
      eventListeners.get(msg.name)?.emit(msg.payload);
      return;
    }
    const resolve = inFlight.get(msg.id);
    if (!resolve) {
      if (msg.id === UNREADABLE_FRAME_ID) console.warn('bridge refused a message', msg.result);
      return;
    }
    inFlight.delete(msg.id);
    resolve(isResultEnvelope(msg.result) ? msg.result : errorEnvelope('BAD_MESSAGE', { id: msg.id }));
  }

  function connect(): void {
    if (closed || !opts.url) return;
    timer = null;
    const ws = createSocket(opts.url);
    socket = ws;
    ws.onopen = () => {
      if (socket !== ws) return;
      attempt = 0;
      everOpened = true;
      setStatus('open');
      const flush = queue;
      queue = [];
      for (const q of flush) send(q);
    };
    ws.onmessage = (ev) => {
      if (socket === ws) onMessage(ev.data);
    };
    ws.onerror = () => undefined;
    ws.onclose = () => {
      if (socket !== ws) return;
      socket = null;
      failAll();
      if (closed) return;
      setStatus(everOpened ? 'reconnecting' : 'connecting');
      timer = setTimeout(connect, backoff(attempt++));
    };
  }

  connect();

  return {
    kind: 'web',
    invoke(method, input) {
      if (!opts.url) return Promise.resolve(errorEnvelope('BRIDGE_NO_TOKEN', {}));
      if (closed) return Promise.resolve(errorEnvelope('BRIDGE_DISCONNECTED', { method }));
      return new Promise<Result<unknown>>((resolve) => {
        const q: Queued = { id: nextId++, method, input, resolve };
        if (socket?.readyState === OPEN) send(q);
        else if (socket?.readyState === CONNECTING) queue.push(q);
        else resolve(errorEnvelope('BRIDGE_DISCONNECTED', { method }));
      });
    },
    on(event, listener) {
      let set = eventListeners.get(event);
      if (!set) {
        set = new Listeners<unknown>(logListenerError);
        eventListeners.set(event, set);
      }
      return set.add(listener);
    },
    status: () => status,
    onStatus: (listener) => statusListeners.add(listener),
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      const ws = socket;
      socket = null;
      failAll();
      ws?.close();
    },
  };
}
