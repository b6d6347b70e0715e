/**
 * The wire, defined once: what crosses between a renderer (or the CLI) and core on every transport.
 * The IPC channel names, the preload object's type, the WebSocket bridge's frames, the Result
 * envelope and its constructors, the error codes a transport makes up itself, and `outcomeOf`: what
 * a failed call means for whatever it was asked to record (see docs/CONTRACT.md, "Outcomes").
 */
import { z } from 'zod';
import { toErrorValue, type AppErrorValue, type Result } from './errors';

/** The only two IPC channels: one invoke channel carrying the contract method name, one event channel. */
export const IPC_INVOKE = 'counterdesk:invoke';
export const IPC_EVENT = 'counterdesk:event';

/** What electron/preload exposes on `window.counterdesk` (contextBridge): invoke and on, nothing else. */
export interface CounterDeskApi {
  /** Calls a contract method in main; resolves to the Result envelope. */
  invoke(method: string, input: unknown): Promise<unknown>;
  /** Listens to one contract event; returns the unsubscribe function. */
  on(eventName: string, listener: (payload: unknown) => void): () => void;
}

/** A successful answer. */
export function okEnvelope<T>(value: T): Result<T> {
  return { ok: true, value };
}

/** A failed answer with messageKey `errors.<code>` (for errors a host or transport makes up itself). */
export function errorEnvelope(code: string, details: Record<string, unknown> = {}): Result<never> {
  return { ok: false, error: { code, messageKey: `errors.${code}`, details } };
}

/** A failed answer for a caught exception: an AppError keeps its code, anything else is INTERNAL. */
export function caughtEnvelope(e: unknown): Result<never> {
  return { ok: false, error: toErrorValue(e) };
}

/** The Result envelope as it arrives from another process (any code string; details an object). */
const resultEnvelope = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({
    ok: z.literal(false),
    error: z.object({
      code: z.string(),
      messageKey: z.string(),
      details: z.custom<Record<string, unknown>>((d) => typeof d === 'object' && d !== null),
    }),
  }),
]);

/** True when a value has the shape of a Result envelope. */
export function isResultEnvelope(v: unknown): v is Result<unknown> {
  return resultEnvelope.safeParse(v).success;
}

/** A call on the loopback WebSocket bridge: `{"id":1,"method":"app.info","input":{}}`. */
export const bridgeRequest = z.object({
  id: z.number().int().nonnegative(),
  method: z.string().max(100),
  input: z.unknown(),
});
export type BridgeRequest = z.infer<typeof bridgeRequest>;

/**
 * What the bridge sends back: the answer to a numbered call, or a pushed contract event. The body
 * is checked by whoever reads it (a `result` that is no Result envelope is BAD_MESSAGE to the caller).
 */
export const bridgeMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('result'), id: z.number(), result: z.unknown().optional() }),
  z.object({ type: z.literal('event'), name: z.string(), payload: z.unknown().optional() }),
]);
export type BridgeMessage = z.infer<typeof bridgeMessage>;

/** The id of the answer to a frame the bridge could not read (it has no id of its own). */
export const UNREADABLE_FRAME_ID = -1;

/**
 * The largest frame the bridge accepts, in bytes. The biggest legitimate call is a repair intake
 * (`repairs.intake`): at most 6 photos of MAX_PHOTO_BYTES (2 MiB) and a signature of
 * MAX_SIGNATURE_BYTES (512 KiB), each sent as a base64 data URL (4/3 of the bytes): 6 × 2.67 MiB +
 * 0.67 MiB ≈ 16.7 MiB, plus bounded text fields (well under 100 KiB). 18 MiB leaves ~1.3 MiB of
 * headroom; tests/contract/bridge-limits.test.ts builds the largest valid intake and checks it fits.
 * A bigger frame closes the socket (1009), so the web transport refuses to send one (BRIDGE_TOO_LARGE).
 */
export const MAX_MESSAGE_BYTES = 18 * 1024 * 1024;

/**
 * Calls one bridge socket may have in flight (sent, not yet answered); the excess is answered
 * BRIDGE_BUSY without being dispatched. A page has a handful in flight at most (a screen's loads,
 * one command), so 32 only stops a flood from queueing unbounded work and answers.
 */
export const MAX_IN_FLIGHT_CALLS = 32;

/** Error codes a transport or host makes up itself; core's dispatcher never raises them. */
export const TRANSPORT_ERROR_CODES = [
  /** The WebSocket dropped with the call queued or in flight. */
  'BRIDGE_DISCONNECTED',
  /** The page has no bridge token: nothing was sent. */
  'BRIDGE_NO_TOKEN',
  /** A frame (the request, or the answer) was not what the wire defines. */
  'BAD_MESSAGE',
  /** The IPC call came from a frame that is not our window's app page: refused before dispatch. */
  'FORBIDDEN_SENDER',
  /** The socket already had MAX_IN_FLIGHT_CALLS calls in flight: refused before dispatch. */
  'BRIDGE_BUSY',
  /** The request is bigger than MAX_MESSAGE_BYTES: the web transport did not send it. */
  'BRIDGE_TOO_LARGE',
] as const;
export type TransportErrorCode = (typeof TRANSPORT_ERROR_CODES)[number];

/** What a failed call recorded: `refused` — nothing; `unknown` — check before retrying. */
export type CallOutcome = 'refused' | 'unknown';

/**
 * Codes after which core may have committed what was asked: the link failed around the call
 * (BRIDGE_DISCONNECTED; BAD_MESSAGE for an unreadable answer), the call failed outside any typed
 * refusal (INTERNAL: Electron's IPC rejected, or the dispatcher caught an exception or an output
 * that fails its schema — both can happen after the handler's transaction committed), or the disk
 * failed while writing (DB_IO_ERROR: SQLite cannot say whether the commit reached the file).
 */
const OUTCOME_UNKNOWN: ReadonlySet<string> = new Set([
  'BRIDGE_DISCONNECTED',
  'BAD_MESSAGE',
  'INTERNAL',
  'DB_IO_ERROR',
]);

/**
 * Refusals raised before any handler ran (by the dispatcher, or by a host before dispatch). They say
 * nothing about an earlier call with the same idempotency key: only the handler looks the key up.
 */
const REFUSED_BEFORE_HANDLER: ReadonlySet<string> = new Set([
  'UNKNOWN_METHOD',
  'INVALID_INPUT',
  'SIGNED_OUT',
  'FORBIDDEN',
  'FORBIDDEN_SENDER',
  'BRIDGE_NO_TOKEN',
  'BRIDGE_BUSY',
  'BRIDGE_TOO_LARGE',
]);

/** True when the call was refused before any handler (and so any idempotency look-up) ran. */
export function refusedBeforeHandler(error: AppErrorValue): boolean {
  return REFUSED_BEFORE_HANDLER.has(error.code);
}

/**
 * What a failed call means for the thing it asked to record. Every other code is a typed refusal:
 * raised by the dispatcher before the handler runs (UNKNOWN_METHOD, INVALID_INPUT, SIGNED_OUT,
 * FORBIDDEN), by a host or transport before dispatch (FORBIDDEN_SENDER, BRIDGE_NO_TOKEN,
 * BRIDGE_BUSY, BRIDGE_TOO_LARGE), or an AppError a
 * service threw inside its transaction, which rolled everything back.
 */
export function outcomeOf(error: AppErrorValue): CallOutcome {
  return OUTCOME_UNKNOWN.has(error.code) ? 'unknown' : 'refused';
}
