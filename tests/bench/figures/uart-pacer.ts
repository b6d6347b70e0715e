/**
 * A pseudo-terminal ignores the baud rate, so the bench puts the line rate back in on the printer's
 * side: bytes read from the pty reach the simulated printer no faster than a 115200 8N1 wire carries
 * them (11,520 bytes/s), in arrival order. The printer's status replies therefore come only once the
 * job bytes before the query have "crossed the wire", as on a real serial printer.
 */
import type { ByteTransport } from '../../../core/hardware/transport/types';

/** Bytes per second of an 8N1 line (10 bits per byte). */
export function lineBytesPerSecond(baud: number): number {
  return baud / 10;
}

/** A ByteTransport view of `end` whose incoming bytes are released at the line rate. */
export class UartPacer implements ByteTransport {
  readonly id: string;
  private readonly queue: Uint8Array[] = [];
  private readonly listeners = new Set<(chunk: Uint8Array) => void>();
  private readonly rate: number;
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** Virtual line clock: when the line is free again (ms, performance.now time base). */
  private lineFreeAt = 0;
  private pendingBytes = 0;
  /** Bytes released to the printer so far. */
  delivered = 0;
  private readonly off: () => void;

  constructor(
    private readonly end: ByteTransport,
    baud: number,
  ) {
    this.id = `paced:${end.id}`;
    this.rate = lineBytesPerSecond(baud) / 1000;
    this.off = end.onData((chunk) => {
      this.queue.push(Uint8Array.from(chunk));
      this.pendingBytes += chunk.length;
      if (this.pendingBytes === chunk.length) this.lineFreeAt = Math.max(this.lineFreeAt, performance.now());
      this.schedule();
    });
  }

  get isOpen(): boolean {
    return this.end.isOpen;
  }

  open(): Promise<void> {
    return this.end.open();
  }

  write(data: Uint8Array): Promise<void> {
    return this.end.write(data);
  }

  close(): Promise<void> {
    this.stopTimer();
    this.off();
    return this.end.close();
  }

  onData(listener: (chunk: Uint8Array) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onClose(listener: (error?: Error) => void): () => void {
    return this.end.onClose(listener);
  }

  private stopTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Wakes up when the next few bytes (up to 64) will have crossed the wire. */
  private schedule(): void {
    if (this.timer || this.pendingBytes === 0) return;
    const due = this.lineFreeAt + Math.min(64, this.pendingBytes) / this.rate - performance.now();
    this.timer = setTimeout(
      () => {
        this.timer = null;
        this.release();
        this.schedule();
      },
      Math.max(0, Math.ceil(due)),
    );
  }

  /** Releases what the wire has carried since the line clock last moved. */
  private release(): void {
    const now = performance.now();
    let budget = Math.floor((now - this.lineFreeAt) * this.rate);
    if (budget <= 0) return;
    const out: Uint8Array[] = [];
    let sent = 0;
    while (budget > 0 && this.queue.length > 0) {
      const head = this.queue[0] as Uint8Array;
      if (head.length <= budget) {
        out.push(head);
        this.queue.shift();
        budget -= head.length;
        sent += head.length;
      } else {
        out.push(head.subarray(0, budget));
        this.queue[0] = head.subarray(budget);
        sent += budget;
        budget = 0;
      }
    }
    this.lineFreeAt += sent / this.rate;
    this.pendingBytes -= sent;
    this.delivered += sent;
    for (const chunk of out) for (const l of [...this.listeners]) l(chunk);
  }
}
