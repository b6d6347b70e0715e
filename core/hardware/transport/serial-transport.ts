/**
 * ByteTransport over a serial port (serialport 13): line settings at open, DTR/RTS levels
 * set right after open (pseudo-terminals reject modem-line ioctls: that is tolerated and
 * recorded), writes that resolve once drained, and unplug/EOF/errors reported through
 * onClose(error). Nothing here throws outside a returned promise.
 *
 * On Linux/macOS a tty that has been hung up (pty peer gone, adapter unplugged) returns
 * end-of-file from read(); serialport's unix read retries a 0-byte read at once, forever,
 * which spins and never reports the unplug. Ports are therefore opened through a thin
 * wrapper of serialport's own binding whose read() treats end-of-file as a disconnect.
 */
import { read as fsRead } from 'node:fs';
import { SerialPortStream } from '@serialport/stream';
import { SerialPort } from 'serialport';
import { AppError } from '../../../shared/contract/errors';
import { TransportEvents } from './transport-events';
import type { ByteTransport } from './types';

/** The parts of serialport's binding interface used here (its own types do not resolve under Bundler). */
interface PortBinding {
  readonly isOpen: boolean;
  read(buffer: Buffer, offset: number, length: number): Promise<{ buffer: Buffer; bytesRead: number }>;
}
interface Binding {
  list(): Promise<unknown[]>;
  open(options: object): Promise<PortBinding>;
}

/** The unix port binding's fd and poller (LinuxPortBinding / DarwinPortBinding). */
interface UnixPortBinding extends PortBinding {
  fd: number | null;
  poller: { once(event: 'readable', callback: (error?: Error | null) => void): unknown };
}

function isUnixPort(port: PortBinding): port is UnixPortBinding {
  return 'poller' in port && 'fd' in port;
}

function bindingError(message: string, flags: { canceled?: boolean; disconnect?: boolean }): Error {
  return Object.assign(new Error(message), flags);
}

/** read() as serialport's unixRead does it, except that end-of-file is a disconnect, not a retry. */
function eofSafeRead(port: UnixPortBinding): PortBinding['read'] {
  return async (buffer, offset, length) => {
    for (;;) {
      const fd = port.fd;
      if (!port.isOpen || fd === null) throw bindingError('Port is not open', { canceled: true });
      try {
        const bytesRead = await new Promise<number>((resolve, reject) =>
          fsRead(fd, buffer, offset, length, null, (err, n) => (err ? reject(err) : resolve(n))),
        );
        if (bytesRead === 0) throw bindingError('end of file: the other side hung up', { disconnect: true });
        return { buffer, bytesRead };
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code !== 'EAGAIN' && code !== 'EWOULDBLOCK' && code !== 'EINTR') throw e;
        if (!port.isOpen) throw bindingError('Port is not open', { canceled: true });
        await new Promise<void>((resolve, reject) =>
          port.poller.once('readable', (err) => (err ? reject(err) : resolve())),
        );
      }
    }
  };
}

const baseBinding = SerialPort.binding as unknown as Binding;

/** serialport's detected binding, with the end-of-file-safe read on unix ports (exported for tests). */
export const eofSafeBinding: Binding = {
  list: () => baseBinding.list(),
  async open(options) {
    const port = await baseBinding.open(options);
    if (!isUnixPort(port)) return port;
    const read = eofSafeRead(port);
    return new Proxy(port, {
      get(target, prop) {
        if (prop === 'read') return read;
        const value: unknown = Reflect.get(target, prop, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  },
};

export type Parity = 'none' | 'even' | 'odd' | 'mark' | 'space';

export interface SerialSettings {
  path: string;
  baudRate: number;
  dataBits?: 5 | 6 | 7 | 8;
  parity?: Parity;
  stopBits?: 1 | 1.5 | 2;
  /** DTR level after open; undefined leaves the driver's default. */
  dtr?: boolean;
  /** RTS level after open; undefined leaves the driver's default. */
  rts?: boolean;
  /** Hardware flow control. */
  rtscts?: boolean;
}

/** What happened when the modem lines were set after open. */
export type ModemLineResult =
  | { state: 'not-requested' }
  | { state: 'applied'; dtr?: boolean; rts?: boolean }
  | { state: 'unsupported'; dtr?: boolean; rts?: boolean; detail: string };

export interface SerialTransport extends ByteTransport {
  readonly settings: Readonly<SerialSettings>;
  /** Result of setting DTR/RTS at the last open (ptys answer "unsupported"). */
  readonly modemLines: ModemLineResult;
  /** The last error the port reported (open, write, read), for the Devices screen. */
  readonly lastError: string | undefined;
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

class SerialPortTransport extends TransportEvents implements SerialTransport {
  readonly id: string;
  readonly settings: Readonly<SerialSettings>;
  private port: SerialPortStream | null = null;
  private opening: Promise<void> | null = null;
  private closing = false;
  private modem: ModemLineResult = { state: 'not-requested' };
  private error: string | undefined;

  constructor(settings: SerialSettings) {
    super();
    this.settings = Object.freeze({ ...settings });
    this.id = `serial:${settings.path}`;
  }

  get isOpen(): boolean {
    return this.port?.isOpen ?? false;
  }

  get modemLines(): ModemLineResult {
    return this.modem;
  }

  get lastError(): string | undefined {
    return this.error;
  }

  /** Opens the port; a second call while opening shares the first one's outcome. */
  open(): Promise<void> {
    if (this.port) return Promise.reject(new AppError('SERIAL_ALREADY_OPEN', { path: this.settings.path }));
    if (!this.opening) {
      this.opening = this.doOpen().finally(() => {
        this.opening = null;
      });
    }
    return this.opening;
  }

  private async doOpen(): Promise<void> {
    const s = this.settings;
    let port: SerialPortStream;
    try {
      port = new SerialPortStream({
        binding: eofSafeBinding,
        path: s.path,
        baudRate: s.baudRate,
        dataBits: s.dataBits ?? 8,
        parity: s.parity ?? 'none',
        stopBits: s.stopBits ?? 1,
        rtscts: s.rtscts ?? false,
        autoOpen: false,
      });
    } catch (e) {
      this.error = messageOf(e);
      throw new AppError('SERIAL_OPEN_FAILED', { path: s.path, detail: this.error });
    }
    // Listeners go on before open so that no early error is left unhandled.
    port.on('error', (err: Error) => {
      this.error = messageOf(err);
    });
    try {
      await new Promise<void>((resolve, reject) => port.open((err) => (err ? reject(err) : resolve())));
    } catch (e) {
      this.error = messageOf(e);
      port.removeAllListeners();
      port.on('error', () => undefined); // a late error from the failed port must not go unhandled
      throw new AppError('SERIAL_OPEN_FAILED', { path: s.path, detail: this.error });
    }
    this.port = port;
    this.closing = false;
    port.on('data', (chunk: Buffer) => this.emitData(chunk));
    port.on('close', (err?: Error | null) => this.handleClose(port, err ?? undefined));
    // End of stream (the read side saw EOF) means the device went away as well.
    port.on('end', () => {
      if (this.port !== port) return;
      const eof = new Error('end of stream');
      if (!port.isOpen) {
        this.handleClose(port, eof);
        return;
      }
      port.close(() => this.handleClose(port, eof));
    });
    await this.applyModemLines(port);
  }

  private async applyModemLines(port: SerialPortStream): Promise<void> {
    const { dtr, rts } = this.settings;
    if (dtr === undefined && rts === undefined) {
      this.modem = { state: 'not-requested' };
      return;
    }
    const wanted = { ...(dtr !== undefined ? { dtr } : {}), ...(rts !== undefined ? { rts } : {}) };
    try {
      await new Promise<void>((resolve, reject) =>
        port.set(wanted, (err) => (err ? reject(err) : resolve())),
      );
      this.modem = { state: 'applied', ...wanted };
    } catch (e) {
      // Pseudo-terminals (and some adapters) have no modem lines: the port still works.
      this.modem = { state: 'unsupported', ...wanted, detail: messageOf(e) };
    }
  }

  async write(data: Uint8Array): Promise<void> {
    const port = this.port;
    if (!port || !port.isOpen) throw new AppError('TRANSPORT_NOT_OPEN', { transport: this.id });
    try {
      await new Promise<void>((resolve, reject) => {
        port.write(Buffer.from(data.buffer, data.byteOffset, data.byteLength), (err) => {
          if (err) reject(err);
        });
        port.drain((err) => (err ? reject(err) : resolve()));
      });
    } catch (e) {
      this.error = messageOf(e);
      throw new AppError('SERIAL_WRITE_FAILED', { path: this.settings.path, detail: this.error });
    }
  }

  async close(): Promise<void> {
    const port = this.port;
    if (!port) return;
    this.closing = true;
    if (!port.isOpen) {
      this.handleClose(port, undefined);
      return;
    }
    await new Promise<void>((resolve) =>
      port.close((err) => {
        if (err) this.error = messageOf(err);
        resolve();
      }),
    );
    // serialport emits 'close' itself; make sure listeners heard it even if it did not.
    this.handleClose(port, undefined);
  }

  private emitData(chunk: Buffer): void {
    this.received.emit(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
  }

  private handleClose(port: SerialPortStream, err: Error | undefined): void {
    if (this.port !== port) return; // already reported for this open
    this.port = null;
    port.removeAllListeners('data');
    port.removeAllListeners('close');
    port.removeAllListeners('end');
    // Keep an 'error' listener so a late error from the dead port is never unhandled.
    const requested = this.closing && err === undefined;
    let reported: Error | undefined;
    if (!requested) {
      const detail = err ? messageOf(err) : 'port closed by the other side';
      this.error = detail;
      reported = new AppError('SERIAL_DISCONNECTED', { path: this.settings.path, detail }, detail);
    }
    this.closing = false;
    this.closed.emit(reported);
  }
}

/** Creates a serial transport (closed until open()) for the given port settings. */
export function createSerialTransport(settings: SerialSettings): SerialTransport {
  return new SerialPortTransport(settings);
}
