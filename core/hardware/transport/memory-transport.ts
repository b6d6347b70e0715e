/**
 * An in-memory pair of connected ByteTransports: what one end writes, the other end
 * receives, asynchronously (a later macrotask), in order, like a real port. Used by the
 * simulators in demo mode and by tests. A pair can be "unplugged" (both ends close with an
 * error, and open() fails until it is plugged back in) to exercise reconnect logic.
 */
import { AppError } from '../../../shared/contract/errors';
import { TransportEvents } from './transport-events';
import type { ByteTransport } from './types';

export interface MemoryTransport extends ByteTransport {
  /** Bytes written by this end that were dropped because the other end was not open. */
  readonly droppedBytes: number;
  /** Pulls the cable: both ends close with an error; open() fails until plug(). */
  unplug(): void;
  /** Puts the cable back: open() works again (ends stay closed until opened). */
  plug(): void;
}

export interface MemoryPairOptions {
  /** Ids of the two ends (default `memory:a` / `memory:b`). */
  ids?: [string, string];
  /** Deliver writes in pieces of at most this many bytes, like a UART's FIFO (default: whole writes). */
  chunkSize?: number;
}

interface Link {
  plugged: boolean;
  ends: [End, End];
  chunkSize: number;
}

class End extends TransportEvents implements MemoryTransport {
  readonly id: string;
  private open_ = false;
  private dropped = 0;
  link!: Link;
  peer!: End;

  constructor(id: string) {
    super();
    this.id = id;
  }

  get isOpen(): boolean {
    return this.open_;
  }

  get droppedBytes(): number {
    return this.dropped;
  }

  async open(): Promise<void> {
    if (!this.link.plugged) throw new AppError('TRANSPORT_UNPLUGGED', { transport: this.id });
    this.open_ = true;
  }

  async write(data: Uint8Array): Promise<void> {
    if (!this.open_) throw new AppError('TRANSPORT_NOT_OPEN', { transport: this.id });
    const copy = Uint8Array.from(data);
    const peer = this.peer;
    const size = this.link.chunkSize;
    // Deliver on a later macrotask, as bytes from a real port would arrive.
    await new Promise<void>((resolve) => setImmediate(resolve));
    for (let i = 0; i < copy.length; i += size) {
      const piece = copy.subarray(i, Math.min(copy.length, i + size));
      if (peer.isOpen) peer.deliver(piece);
      else this.dropped += piece.length;
    }
  }

  async close(): Promise<void> {
    this.shut(undefined);
  }

  unplug(): void {
    this.link.plugged = false;
    for (const end of this.link.ends) end.shut(new AppError('TRANSPORT_UNPLUGGED', { transport: end.id }));
  }

  plug(): void {
    this.link.plugged = true;
  }

  /** Hands a chunk to this end's listeners (called by the peer). */
  deliver(chunk: Uint8Array): void {
    this.received.emit(Uint8Array.from(chunk));
  }

  /** Closes this end and tells the close listeners, once per open. */
  shut(error: Error | undefined): void {
    if (!this.open_) return;
    this.open_ = false;
    this.closed.emit(error);
  }
}

/** Creates two connected in-memory transports, both closed until opened. */
export function createMemoryPair(options: MemoryPairOptions = {}): [MemoryTransport, MemoryTransport] {
  const [idA, idB] = options.ids ?? ['memory:a', 'memory:b'];
  const chunkSize = options.chunkSize ?? Number.POSITIVE_INFINITY;
  if (!(chunkSize >= 1)) throw new RangeError(`chunkSize must be ≥ 1, got ${chunkSize}`);
  const a = new End(idA);
  const b = new End(idB);
  const link: Link = { plugged: true, ends: [a, b], chunkSize };
  a.link = link;
  b.link = link;
  a.peer = b;
  b.peer = a;
  return [a, b];
}
