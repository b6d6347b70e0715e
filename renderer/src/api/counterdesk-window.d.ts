/** `window.counterdesk`: the preload object (its type is the wire's `CounterDeskApi`). */
import type { CounterDeskApi } from '../../../shared/contract/wire';

declare global {
  interface Window {
    /** Present only inside the Electron window (preload); absent in a browser. */
    counterdesk?: CounterDeskApi;
  }
}
