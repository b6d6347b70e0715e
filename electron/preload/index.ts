/**
 * The renderer's only door to the app: `invoke` for contract methods and `on` for contract
 * events, both refusing names outside the contract. No ipcRenderer, no Node, nothing else.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { EVENT_NAMES, METHOD_NAMES } from '../../shared/contract';
import { IPC_EVENT, IPC_INVOKE } from '../shared/channels';

const methodNames = new Set<string>(METHOD_NAMES);
const eventNames = new Set<string>(EVENT_NAMES);

const api = {
  invoke(method: string, input: unknown): Promise<unknown> {
    if (!methodNames.has(method)) {
      return Promise.resolve({
        ok: false,
        error: { code: 'UNKNOWN_METHOD', messageKey: 'errors.UNKNOWN_METHOD', details: { method: String(method).slice(0, 80) } },
      });
    }
    return ipcRenderer.invoke(IPC_INVOKE, method, input);
  },
  on(eventName: string, listener: (payload: unknown) => void): () => void {
    if (!eventNames.has(eventName)) throw new Error(`unknown event ${eventName}`);
    const handler = (_e: IpcRendererEvent, name: string, payload: unknown) => {
      if (name === eventName) listener(payload);
    };
    ipcRenderer.on(IPC_EVENT, handler);
    return () => {
      ipcRenderer.removeListener(IPC_EVENT, handler);
    };
  },
};

contextBridge.exposeInMainWorld('counterdesk', api);
