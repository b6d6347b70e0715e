/**
 * The typed api facade, derived from the contract map: every method name, input and output type
 * comes from shared/contract, so a renamed method or a changed schema is a compile error here.
 */
import {
  isEventName,
  isMethodName,
  type EventName,
  type EventPayload,
  type MethodInput,
  type MethodName,
  type MethodOutput,
} from '../../../shared/contract';
import type { Result } from '../../../shared/contract/errors';
import { errorEnvelope } from '../../../shared/contract/wire';
import { ApiError } from './api-error';
import type { LinkStatus, Transport } from './transport';

export interface Api {
  /** Calls a method; resolves to the Result envelope (never rejects). */
  call<K extends MethodName>(name: K, input: MethodInput<K>): Promise<Result<MethodOutput<K>>>;
  /** Calls a method; resolves to its value or throws an ApiError carrying the typed error. */
  invoke<K extends MethodName>(name: K, input: MethodInput<K>): Promise<MethodOutput<K>>;
  /** Subscribes to a contract event; returns the unsubscribe function. */
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  /** Link status of the underlying transport. */
  status(): LinkStatus;
  /** Subscribes to link status changes. */
  onStatus(listener: (status: LinkStatus) => void): () => void;
  readonly transportKind: Transport['kind'];
}

/** Builds the facade over one transport. */
export function createApi(transport: Transport): Api {
  async function call<K extends MethodName>(
    name: K,
    input: MethodInput<K>,
  ): Promise<Result<MethodOutput<K>>> {
    if (!isMethodName(name)) return errorEnvelope('UNKNOWN_METHOD', { method: String(name).slice(0, 80) });
    // Core validated the value against the method's output schema before sending it.
    return (await transport.invoke(name, input)) as Result<MethodOutput<K>>;
  }

  return {
    call,
    async invoke(name, input) {
      const r = await call(name, input);
      if (!r.ok) throw new ApiError(name, r.error);
      return r.value;
    },
    on(event, listener) {
      if (!isEventName(event)) throw new Error(`unknown event ${String(event)}`);
      return transport.on(event, (payload) => listener(payload as EventPayload<typeof event>));
    },
    status: () => transport.status(),
    onStatus: (listener) => transport.onStatus(listener),
    transportKind: transport.kind,
  };
}
