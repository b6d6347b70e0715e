/**
 * The renderer's only door to the app: `invoke` for contract methods and `on` for contract
 * events, both refusing names outside the contract. No ipcRenderer, no Node, nothing else.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC_EVENT, IPC_INVOKE } from '../../shared/contract/wire';
import { createPreloadApi } from './api';

const api = createPreloadApi({
  invoke: (method, input) => ipcRenderer.invoke(IPC_INVOKE, method, input),
  subscribe: (listener) => {
    const handler = (_e: IpcRendererEvent, name: string, payload: unknown) => listener(name, payload);
    ipcRenderer.on(IPC_EVENT, handler);
    return () => {
      ipcRenderer.removeListener(IPC_EVENT, handler);
    };
  },
});

contextBridge.exposeInMainWorld('counterdesk', api);
