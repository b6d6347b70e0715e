/** Electron transport: the preload's `window.counterdesk.invoke/on` over IPC. The link is always open. */
import { errorEnvelope, isResultEnvelope, type CounterDeskApi } from '../../../shared/contract/wire';
import type { Transport } from './transport';

/** Wraps the preload object; IPC failures become typed INTERNAL errors, never rejections. */
export function createElectronTransport(preload: CounterDeskApi): Transport {
  return {
    kind: 'electron',
    async invoke(method, input) {
      try {
        const result = await preload.invoke(method, input);
        return isResultEnvelope(result) ? result : errorEnvelope('BAD_MESSAGE', { method });
      } catch {
        return errorEnvelope('INTERNAL', { method, transport: 'electron' });
      }
    },
    on: (event, listener) => preload.on(event, listener),
    status: () => 'open',
    onStatus: () => () => undefined,
    close: () => undefined,
  };
}
