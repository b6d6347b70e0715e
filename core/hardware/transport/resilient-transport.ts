/**
 * Keeps a ByteTransport open for a driver: open() (marks it running), reopen attempts on the
 * retry schedule after an unplug (a close with an error while running) or, when the owner asks
 * with retry(), after a failed open; stop() ends the attempts and closes the port. A reopen that
 * lands after stop() closes the port again. The owner still reads bytes and close notices from
 * the transport itself; `onReopen` runs after each successful reopen (status, parser reset,
 * restoring the device's settings) and the attempt counts as done only once it has finished.
 */
import { createRetryLoop, type RetryLoop, type RetrySchedule } from './retry-loop';
import type { ByteTransport } from './types';

export interface ResilientTransportOptions {
  /** Wait before each reopen attempt: fixed (ms) or a backoff schedule. */
  retry: number | RetrySchedule;
  /** Reopen after an unplug and on retry() (default true). */
  autoReconnect?: boolean;
  /** After a successful reopen, while still running. */
  onReopen?: () => Promise<void> | void;
}

export class ResilientTransport {
  readonly transport: ByteTransport;
  private readonly loop: RetryLoop;
  private readonly autoReconnect: boolean;
  private readonly onReopen: (() => Promise<void> | void) | undefined;
  private running_ = false;
  private reopens_ = 0;

  constructor(transport: ByteTransport, options: ResilientTransportOptions) {
    this.transport = transport;
    this.autoReconnect = options.autoReconnect ?? true;
    this.onReopen = options.onReopen;
    this.loop = createRetryLoop(() => this.reopen(), options.retry);
    transport.onClose((error) => {
      if (error) this.retry();
    });
  }

  /** Between open() and stop(). */
  get running(): boolean {
    return this.running_;
  }

  /** Successful reopens since creation. */
  get reopens(): number {
    return this.reopens_;
  }

  /** True while reopen attempts are scheduled or running. */
  get retrying(): boolean {
    return this.loop.active;
  }

  /** Reopen attempts made since creation. */
  get attempts(): number {
    return this.loop.attempts;
  }

  /** Marks it running and opens the transport unless it is open; rejects with the transport's error. */
  async open(): Promise<void> {
    this.running_ = true;
    if (!this.transport.isOpen) await this.transport.open();
  }

  /** Starts reopen attempts (no-op when stopped, not reconnecting, or already trying). */
  retry(): void {
    if (this.running_ && this.autoReconnect) this.loop.schedule();
  }

  /** Stops reopening and closes the transport if it is open. */
  async stop(): Promise<void> {
    this.running_ = false;
    this.loop.cancel();
    if (this.transport.isOpen) await this.transport.close();
  }

  private async reopen(): Promise<boolean> {
    if (!this.running_) return true;
    try {
      await this.transport.open();
    } catch {
      return false;
    }
    if (!this.running_) {
      await this.transport.close();
      return true;
    }
    this.reopens_ += 1;
    await this.onReopen?.();
    return true;
  }
}
