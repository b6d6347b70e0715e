/**
 * UNI-T UT61E driver: opens the port as the meter's optical cable needs it — 19200 baud,
 * 7 data bits, odd parity, 1 stop bit, DTR on (powers the cable), RTS off — and streams the
 * meter's readings. A meter that stops sending (switched off, cable off the meter) shows as
 * `no-response`; an unplugged adapter shows as `disconnected` and is reopened when it comes
 * back.
 */
import { AppError, isAppError, type AppErrorValue } from '../../../shared/contract/errors';
import type { Reading } from '../../../shared/domain/meter/reading';
import { ResilientTransport } from '../transport/resilient-transport';
import { createSerialTransport, type SerialSettings } from '../transport/serial-transport';
import type { ByteTransport } from '../transport/types';
import { Listeners } from '../listeners';
import type { MeterDriver, MeterState, MeterStatus } from './meter-driver';
import { createUt61eParser, type Ut61eParserStats } from './ut61e-parser';

/** The UT61E's serial settings (ES51922 at 19200 7O1; the optocoupler cable wants DTR on, RTS off). */
export const UT61E_SERIAL_SETTINGS = {
  baudRate: 19200,
  dataBits: 7,
  parity: 'odd',
  stopBits: 1,
  dtr: true,
  rts: false,
} as const satisfies Omit<SerialSettings, 'path'>;

/** A serial transport for a UT61E on `path`, with the meter's settings. */
export function createUt61eSerialTransport(path: string): ByteTransport {
  return createSerialTransport({ path, ...UT61E_SERIAL_SETTINGS });
}

export interface Ut61eDriverOptions {
  /** Serial port path; ignored when `transport` is given. */
  path?: string;
  /** Any transport (memory pair in demo mode); default: a serial transport on `path`. */
  transport?: ByteTransport;
  /** No packet for this long → `no-response` (default 3000 ms; the meter sends ~2 per second). */
  silenceMs?: number;
  reconnectMs?: number;
  autoReconnect?: boolean;
  now?: () => number;
}

export class Ut61eDriver implements MeterDriver {
  readonly id: string;
  private readonly transport: ByteTransport;
  private readonly parser = createUt61eParser();
  private readonly readings = new Listeners<Reading>();
  private readonly statuses = new Listeners<MeterStatus>();
  private readonly silenceMs: number;
  private readonly now: () => number;
  private readonly link: ResilientTransport;
  private silenceTimer: ReturnType<typeof setTimeout> | null = null;
  private status_: MeterStatus;

  constructor(options: Ut61eDriverOptions) {
    if (!options.transport && !options.path) throw new TypeError('Ut61eDriver needs a path or a transport');
    this.transport = options.transport ?? createUt61eSerialTransport(options.path as string);
    this.id = this.transport.id;
    this.silenceMs = options.silenceMs ?? 3000;
    this.now = options.now ?? Date.now;
    this.status_ = { state: 'closed', at: this.now() };
    this.link = new ResilientTransport(this.transport, {
      retry: options.reconnectMs ?? 1000,
      autoReconnect: options.autoReconnect ?? true,
      onReopen: () => this.reopened(),
    });
    this.transport.onData((chunk) => this.handleData(chunk));
    this.transport.onClose((error) => this.handleClose(error));
  }

  get status(): MeterStatus {
    return this.status_;
  }

  /** Parser counters (readings, garbage frames, skipped bytes) and reopen count. */
  get stats(): Readonly<Ut61eParserStats & { reconnects: number }> {
    return { ...this.parser.stats, reconnects: this.link.reopens };
  }

  onReading(listener: (reading: Reading) => void): () => void {
    return this.readings.add(listener);
  }

  onStatus(listener: (status: MeterStatus) => void): () => void {
    return this.statuses.add(listener);
  }

  /** Opens the port and streams; a failed open is shown as `disconnected` and retried. */
  async start(): Promise<void> {
    try {
      await this.link.open();
      this.parser.reset();
      this.setStatus('connected');
      this.armSilence();
    } catch (e) {
      this.setStatus('disconnected', errorValue(e));
      this.link.retry();
    }
  }

  async stop(): Promise<void> {
    this.clearSilence();
    await this.link.stop();
    this.setStatus('closed');
  }

  private handleData(chunk: Uint8Array): void {
    if (this.stopped) return;
    const readings = this.parser.push(chunk, this.now());
    if (readings.length === 0) return;
    this.armSilence();
    if (this.status_.state !== 'connected') this.setStatus('connected');
    for (const r of readings) {
      this.readings.emit({
        ...r,
        instrument: { driver: 'ut61e', port: this.id, manufacturer: 'UNI-T', model: 'UT61E' },
      });
    }
  }

  private handleClose(error?: Error): void {
    this.clearSilence();
    this.parser.reset();
    if (this.stopped) return;
    if (!error) {
      this.setStatus('closed');
      return;
    }
    this.setStatus(
      'disconnected',
      new AppError('METER_DISCONNECTED', { port: this.id, detail: error.message }).toValue(),
    );
  }

  /** Not running: never started, or stopped (the port is closed and not reopened). */
  private get stopped(): boolean {
    return !this.link.running;
  }

  /** After the port came back: fresh parser, connected, watching for silence again. */
  private reopened(): void {
    this.parser.reset();
    this.setStatus('connected');
    this.armSilence();
  }

  private armSilence(): void {
    this.clearSilence();
    this.silenceTimer = setTimeout(() => {
      this.silenceTimer = null;
      if (this.stopped || !this.transport.isOpen) return;
      this.setStatus(
        'no-response',
        new AppError('METER_NO_DATA', { port: this.id, silenceMs: this.silenceMs }).toValue(),
      );
    }, this.silenceMs);
  }

  private clearSilence(): void {
    if (this.silenceTimer) clearTimeout(this.silenceTimer);
    this.silenceTimer = null;
  }

  private setStatus(state: MeterState, error?: AppErrorValue): void {
    if (this.status_.state === state && this.status_.error?.code === error?.code) return;
    this.status_ = { state, ...(error ? { error } : {}), at: this.now() };
    this.statuses.emit(this.status_);
  }
}

function errorValue(e: unknown): AppErrorValue {
  if (isAppError(e)) return e.toValue();
  return new AppError('METER_DISCONNECTED', { detail: e instanceof Error ? e.message : String(e) }).toValue();
}

/** Creates a UT61E driver (on a serial path, or on a given transport). */
export function createUt61eDriver(options: Ut61eDriverOptions): Ut61eDriver {
  return new Ut61eDriver(options);
}
