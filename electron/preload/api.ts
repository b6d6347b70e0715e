/**
 * The object the preload exposes as `window.counterdesk`, built from the contract's names over
 * whatever IPC functions it is given (so it is testable without Electron).
 */
import { EVENT_NAMES, METHOD_NAMES } from '../../shared/contract';
import { errorEnvelope, type CounterDeskApi } from '../../shared/contract/wire';

export interface PreloadIpc {
  invoke(method: string, input: unknown): Promise<unknown>;
  subscribe(listener: (name: string, payload: unknown) => void): () => void;
}

const methodNames = new Set<string>(METHOD_NAMES);
const eventNames = new Set<string>(EVENT_NAMES);

export function createPreloadApi(ipc: PreloadIpc): CounterDeskApi {
  return Object.freeze({
    invoke(method: string, input: unknown): Promise<unknown> {
      if (typeof method !== 'string' || !methodNames.has(method)) {
        return Promise.resolve(errorEnvelope('UNKNOWN_METHOD', { method: String(method).slice(0, 80) }));
      }
      return ipc.invoke(method, input);
    },
    on(eventName: string, listener: (payload: unknown) => void): () => void {
      if (!eventNames.has(eventName)) throw new Error(`unknown event ${String(eventName).slice(0, 80)}`);
      return ipc.subscribe((name, payload) => {
        if (name === eventName) listener(payload);
      });
    },
  });
}
