/**
 * What both meter drivers (SCPI, UT61E) share: the transport kept open by a ResilientTransport
 * (reopened every `reconnectMs` after an unplug, or after a failed start), the status with its
 * rules — `connected` after an open, `disconnected` with the open error or METER_DISCONNECTED on
 * an unplug, `closed` on a requested close or stop(), a status reported only when its state or
 * error code changes — and the reading and status listener lists. A driver adds its protocol:
 * bytes in, what to forget when the port closes, what to do once (re)opened.
 */
import { AppError, isAppError, type AppErrorValue } from '../../../shared/contract/errors';
import type { Reading } from '../../../shared/domain/meter/reading';
import { Listeners } from '../../../shared/listeners';
import { ResilientTransport } from '../transport/resilient-transport';
import type { ByteTransport } from '../transport/types';
import type { MeterDriver, MeterState, MeterStatus } from './meter-driver';

export interface MeterDriverBaseOptions {
  /** Interval between reopen attempts after an unplug (default 1000 ms). */
  reconnectMs?: number;
  /** Reopen the port after an unplug (default true). */
  autoReconnect?: boolean;
  now?: () => number;
}

export abstract class MeterDriverBase implements MeterDriver {
  readonly id: string;
  protected readonly transport: ByteTransport;
  protected readonly now: () => number;
  protected readonly link: ResilientTransport;
  protected readonly readings = new Listeners<Reading>();
  private readonly statuses = new Listeners<MeterStatus>();
  private status_: MeterStatus;

  constructor(transport: ByteTransport, options: MeterDriverBaseOptions) {
    this.transport = transport;
    this.id = transport.id;
    this.now = options.now ?? Date.now;
    this.status_ = { state: 'closed', at: this.now() };
    this.link = new ResilientTransport(transport, {
      retry: options.reconnectMs ?? 1000,
      autoReconnect: options.autoReconnect ?? true,
      onReopen: () => this.reopened(),
    });
    transport.onData((chunk) => this.handleData(chunk));
    transport.onClose((error) => this.handleClose(error));
  }

  get status(): MeterStatus {
    return this.status_;
  }

  onReading(listener: (reading: Reading) => void): () => void {
    return this.readings.add(listener);
  }

  onStatus(listener: (status: MeterStatus) => void): () => void {
    return this.statuses.add(listener);
  }

  /** Opens the port; a failed open is shown as `disconnected` (with its error) and retried. */
  async start(): Promise<void> {
    try {
      await this.link.open();
    } catch (e) {
      this.setStatus('disconnected', errorValue(e));
      this.link.retry();
      return;
    }
    this.opened();
  }

  /** Stops reopening, closes the port, shows `closed`. */
  async stop(): Promise<void> {
    this.stopping();
    await this.link.stop();
    this.setStatus('closed');
  }

  /** Bytes from the meter. */
  protected abstract handleData(chunk: Uint8Array): void;
  /** The port closed (any reason): forget partial data, fail what waits for an answer. */
  protected abstract forget(): void;
  /** The port was opened by start(). */
  protected abstract opened(): void;
  /** The port came back after an unplug (awaited before the reopen counts as done). */
  protected abstract reopened(): Promise<void> | void;
  /** stop() begins, before the port closes. */
  protected abstract stopping(): void;

  /** Not running: never started, or stopped (the port is closed and not reopened). */
  protected get stopped(): boolean {
    return !this.link.running;
  }

  protected setStatus(state: MeterState, error?: AppErrorValue): void {
    if (this.status_.state === state && this.status_.error?.code === error?.code) return;
    this.status_ = { state, ...(error ? { error } : {}), at: this.now() };
    this.statuses.emit(this.status_);
  }

  private handleClose(error?: Error): void {
    this.forget();
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
}

function errorValue(e: unknown): AppErrorValue {
  if (isAppError(e)) return e.toValue();
  return new AppError('METER_DISCONNECTED', { detail: e instanceof Error ? e.message : String(e) }).toValue();
}
