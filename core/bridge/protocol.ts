/** Messages on the loopback WebSocket bridge (the browser twin of Electron IPC). */
import { z } from 'zod';

export const bridgeRequest = z.object({
  id: z.number().int().nonnegative(),
  method: z.string().max(100),
  input: z.unknown(),
});

export type BridgeMessage =
  { type: 'result'; id: number; result: unknown } | { type: 'event'; name: string; payload: unknown };

export const MAX_MESSAGE_BYTES = 60 * 1024 * 1024;
