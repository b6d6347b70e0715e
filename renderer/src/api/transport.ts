/** What the api facade needs from a transport: invoke a contract method, listen to events, report the link. */
import type { Result } from '../../../shared/contract/errors';

/** State of the link to core: `open` carries calls; the others explain why a call would fail. */
export type LinkStatus = 'connecting' | 'open' | 'reconnecting' | 'no-token';

export interface Transport {
  readonly kind: 'electron' | 'web' | 'memory';
  /** Sends one call; always resolves to a Result envelope (transport failures become typed errors). */
  invoke(method: string, input: unknown): Promise<Result<unknown>>;
  /** Subscribes to one push event by name; returns the unsubscribe function. */
  on(event: string, listener: (payload: unknown) => void): () => void;
  /** Current link status. */
  status(): LinkStatus;
  /** Subscribes to link status changes; returns the unsubscribe function. */
  onStatus(listener: (status: LinkStatus) => void): () => void;
  /** Closes the link for good (tests, page unload). */
  close(): void;
}
