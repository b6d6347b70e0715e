/** What electron/preload exposes on `window.counterdesk` (contextBridge): invoke and on, nothing else. */
export interface CounterdeskPreload {
  /** Calls a contract method in main; resolves to the Result envelope. */
  invoke(method: string, input: unknown): Promise<unknown>;
  /** Listens to one contract event; returns the unsubscribe function. */
  on(eventName: string, listener: (payload: unknown) => void): () => void;
}

declare global {
  interface Window {
    /** Present only inside the Electron window (preload); absent in a browser. */
    counterdesk?: CounterdeskPreload;
  }
}
