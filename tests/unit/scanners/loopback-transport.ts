import type { ByteTransport } from '../../../core/hardware/transport/types';

/**
 * A tiny in-memory ByteTransport for scanner tests: `deliver()` is the scanner sending bytes,
 * `unplug()` is the cable coming out. (core/hardware/transport has the shared transports.)
 */
export class LoopbackTransport implements ByteTransport {
  readonly id: string;
  private open_ = false;
  private readonly dataListeners = new Set<(chunk: Uint8Array) => void>();
  private readonly closeListeners = new Set<(error?: Error) => void>();
  /** Make open() reject this many more times (device absent). */
  failOpens = 0;
  opens = 0;
  readonly written: Uint8Array[] = [];

  constructor(id = 'loopback:scanner') {
    this.id = id;
  }

  get isOpen(): boolean {
    return this.open_;
  }

  async open(): Promise<void> {
    if (this.failOpens > 0) {
      this.failOpens -= 1;
      throw new Error('no such device');
    }
    this.opens += 1;
    this.open_ = true;
  }

  async write(data: Uint8Array): Promise<void> {
    this.written.push(data);
  }

  async close(): Promise<void> {
    if (!this.open_) return;
    this.open_ = false;
    for (const l of [...this.closeListeners]) l();
  }

  onData(listener: (chunk: Uint8Array) => void): () => void {
    this.dataListeners.add(listener);
    return () => this.dataListeners.delete(listener);
  }

  onClose(listener: (error?: Error) => void): () => void {
    this.closeListeners.add(listener);
    return () => this.closeListeners.delete(listener);
  }

  /** The device sends bytes (only while open, like a real port). */
  deliver(bytes: Uint8Array | string): void {
    if (!this.open_) return;
    const chunk = typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : bytes;
    for (const l of [...this.dataListeners]) l(chunk);
  }

  /** The cable comes out: closed with an error. */
  unplug(message = 'device disconnected'): void {
    if (!this.open_) return;
    this.open_ = false;
    for (const l of [...this.closeListeners]) l(new Error(message));
  }
}
