/** Chooses the transport at runtime, so one build serves Electron and the browser. */
import { takeBridgeToken } from './bridge-token';
import type { Transport } from './transport';
import { createElectronTransport } from './transport.electron';
import { bridgeUrl, createWebTransport } from './transport.web';

/** `window.counterdesk` present → Electron IPC; otherwise the WebSocket bridge of the page's host. */
export function pickTransport(win: Window): Transport {
  if (win.counterdesk) return createElectronTransport(win.counterdesk);
  const token = takeBridgeToken(win);
  return createWebTransport({ url: token ? bridgeUrl(win.location, token) : null });
}
