/**
 * In-memory transport for component and facade tests ONLY (never imported by the app): answers
 * calls from a table of handlers and lets the test push events and link status changes.
 */
import type {
  EventName,
  EventPayload,
  MethodName,
  MethodOutput,
  ParsedInput,
} from '../../../shared/contract';
import { AppError, type Result } from '../../../shared/contract/errors';
import { caughtEnvelope, errorEnvelope, okEnvelope } from '../../../shared/contract/wire';
import { Listeners } from '../../../shared/listeners';
import type { LinkStatus, Transport } from './transport';

/** A subscriber's error is logged, never thrown into the transport. */
const logListenerError = (e: unknown) => console.error('listener failed', e);

export type MemoryHandlers = {
  [K in MethodName]?: (input: ParsedInput<K>) => MethodOutput<K> | Promise<MethodOutput<K>>;
};

export interface MemoryTransport extends Transport {
  /** Every call received, in order. */
  readonly calls: { method: string; input: unknown }[];
  /** Pushes an event to subscribers. */
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  /** Changes the reported link status. */
  setStatus(status: LinkStatus): void;
}

/** A transport whose methods are the given handlers; a thrown AppError becomes an error envelope. */
export function createMemoryTransport(handlers: MemoryHandlers): MemoryTransport {
  const events = new Map<string, Listeners<unknown>>();
  const statusListeners = new Listeners<LinkStatus>(logListenerError);
  const calls: { method: string; input: unknown }[] = [];
  let status: LinkStatus = 'open';
  return {
    kind: 'memory',
    calls,
    async invoke(method, input): Promise<Result<unknown>> {
      calls.push({ method, input });
      const handler = (handlers as Record<string, ((i: unknown) => unknown) | undefined>)[method];
      if (!handler) return errorEnvelope('UNKNOWN_METHOD', { method });
      try {
        return okEnvelope(await handler(input ?? {}));
      } catch (e) {
        return e instanceof AppError ? caughtEnvelope(e) : errorEnvelope('INTERNAL', { method });
      }
    },
    on(event, listener) {
      let set = events.get(event);
      if (!set) events.set(event, (set = new Listeners<unknown>(logListenerError)));
      return set.add(listener);
    },
    emit(event, payload) {
      events.get(event)?.emit(payload);
    },
    status: () => status,
    onStatus: (l) => statusListeners.add(l),
    setStatus(s) {
      status = s;
      statusListeners.emit(s);
    },
    close: () => undefined,
  };
}
