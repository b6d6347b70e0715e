/**
 * ByteTransport over raw TCP — the "port 9100" (JetDirect / AppSocket) connection of network
 * receipt printers. open() connects with a timeout; a closed transport can be opened again
 * (reconnect on demand: drivers call open() when they find it closed). The far end closing, a
 * reset or a keep-alive failure is reported through onClose(error). Nothing throws outside a
 * returned promise.
 */
import { createConnection, type Socket } from 'node:net';
import { AppError } from '../../../shared/contract/errors';
import { TransportEvents } from './transport-events';
import type { ByteTransport } from './types';

export interface TcpSettings {
  host: string;
  /** Default 9100. */
  port?: number;
  /** Give up connecting after this long (default 3000 ms). */
  connectTimeoutMs?: number;
  /** TCP keep-alive probe delay for idle connections (default 10 000 ms; 0 disables). */
  keepAliveMs?: number;
}

export interface TcpTransport extends ByteTransport {
  readonly settings: Readonly<Required<TcpSettings>>;
  /** The last error the socket reported, for the Devices screen. */
  readonly lastError: string | undefined;
}

function messageOf(e: unknown): string {
  if (e && typeof e === 'object' && 'code' in e && typeof e.code === 'string') return e.code;
  return e instanceof Error ? e.message : String(e);
}

class TcpSocketTransport extends TransportEvents implements TcpTransport {
  readonly id: string;
  readonly settings: Readonly<Required<TcpSettings>>;
  private socket: Socket | null = null;
  private closing = false;
  private error: string | undefined;
  /** The error seen on the current connection (reported with its close). */
  private connectionError: string | undefined;

  constructor(settings: TcpSettings) {
    super();
    this.settings = Object.freeze({
      host: settings.host,
      port: settings.port ?? 9100,
      connectTimeoutMs: settings.connectTimeoutMs ?? 3000,
      keepAliveMs: settings.keepAliveMs ?? 10_000,
    });
    this.id = `tcp:${this.settings.host}:${this.settings.port}`;
  }

  get isOpen(): boolean {
    return this.socket !== null && !this.socket.destroyed;
  }

  get lastError(): string | undefined {
    return this.error;
  }

  async open(): Promise<void> {
    if (this.isOpen) return;
    const { host, port, connectTimeoutMs, keepAliveMs } = this.settings;
    const socket = createConnection({ host, port });
    await new Promise<void>((resolve, reject) => {
      const fail = (reason: string): void => {
        clearTimeout(timer);
        socket.removeAllListeners();
        socket.on('error', () => undefined); // a late error from the abandoned socket stays handled
        socket.destroy();
        this.error = reason;
        reject(new AppError('TCP_CONNECT_FAILED', { transport: this.id, reason }));
      };
      const timer = setTimeout(() => fail('timeout'), connectTimeoutMs);
      socket.once('error', (err) => fail(messageOf(err)));
      socket.once('connect', () => {
        clearTimeout(timer);
        socket.removeAllListeners('error');
        resolve();
      });
    });
    socket.setNoDelay(true);
    if (keepAliveMs > 0) socket.setKeepAlive(true, keepAliveMs);
    this.socket = socket;
    this.closing = false;
    this.connectionError = undefined;
    socket.on('data', (chunk: Buffer) => this.emitData(chunk));
    socket.on('error', (err) => {
      this.error = messageOf(err);
      this.connectionError = this.error;
    });
    socket.on('close', () => this.handleClose(socket));
  }

  async write(data: Uint8Array): Promise<void> {
    const socket = this.socket;
    if (!socket || socket.destroyed || !socket.writable) {
      throw new AppError('TRANSPORT_NOT_OPEN', { transport: this.id });
    }
    try {
      await new Promise<void>((resolve, reject) => {
        socket.write(Buffer.from(data.buffer, data.byteOffset, data.byteLength), (err) =>
          err ? reject(err) : resolve(),
        );
      });
    } catch (e) {
      this.error = messageOf(e);
      throw new AppError('TCP_WRITE_FAILED', { transport: this.id, detail: this.error });
    }
  }

  async close(): Promise<void> {
    const socket = this.socket;
    if (!socket) return;
    this.closing = true;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => socket.destroy(), 1000);
      socket.once('close', () => {
        clearTimeout(timer);
        resolve();
      });
      socket.end();
    });
    this.handleClose(socket);
  }

  private emitData(chunk: Buffer): void {
    this.received.emit(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
  }

  private handleClose(socket: Socket): void {
    if (this.socket !== socket) return; // already reported for this connection
    this.socket = null;
    socket.removeAllListeners('data');
    socket.removeAllListeners('close');
    const requested = this.closing;
    this.closing = false;
    let reported: Error | undefined;
    if (!requested) {
      const detail = this.connectionError ?? 'connection closed by the other side';
      reported = new AppError('TCP_DISCONNECTED', { transport: this.id, detail }, detail);
    }
    this.closed.emit(reported);
  }
}

/** Creates a raw TCP transport (closed until open()), e.g. `{ host: '10.0.0.5' }` for a printer on 9100. */
export function createTcpTransport(settings: TcpSettings): TcpTransport {
  return new TcpSocketTransport(settings);
}
