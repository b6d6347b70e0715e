/** Electron transport: the preload's `window.counterdesk.invoke/on` over IPC. The link is always open. */
import type { CounterdeskPreload } from './counterdesk-window';
import type { Transport } from './transport';
import { isResultEnvelope, transportError } from './transport-errors';

/** Wraps the preload object; IPC failures become typed INTERNAL errors, never rejections. */
export function createElectronTransport(preload: CounterdeskPreload): Transport {
  return {
    kind: 'electron',
    async invoke(method, input) {
      try {
        const result = await preload.invoke(method, input);
        return isResultEnvelope(result) ? result : transportError('BAD_MESSAGE', { method });
      } catch {
        return transportError('INTERNAL', { method, transport: 'electron' });
      }
    },
    on: (event, listener) => preload.on(event, listener),
    status: () => 'open',
    onStatus: () => () => undefined,
    close: () => undefined,
  };
}
