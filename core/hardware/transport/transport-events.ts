/**
 * The listener half every ByteTransport shares: incoming bytes and the one close notice per open.
 * Transports extend it and emit through `received` / `closed`; a listener that throws never
 * breaks the port nor stops the other listeners.
 */
import { Listeners } from '../../../shared/listeners';
import type { ByteTransport } from './types';

export abstract class TransportEvents implements Pick<ByteTransport, 'onData' | 'onClose'> {
  protected readonly received = new Listeners<Uint8Array>();
  /** Emitted with the error for an unplug, undefined for a requested close. */
  protected readonly closed = new Listeners<Error | undefined>();

  onData(listener: (chunk: Uint8Array) => void): () => void {
    return this.received.add(listener);
  }

  onClose(listener: (error?: Error) => void): () => void {
    return this.closed.add(listener);
  }
}
