/**
 * A simulated UNI-T UT61E: writes real ES51922 14-byte packets for a programmable value and
 * function over any ByteTransport (memory pair or a socat pty), at ~2 Hz like the meter or
 * faster for tests. It never reads (the UT61E's serial link is one-way).
 */
import type { MeterFunction, ReadingFlags } from '../../../shared/domain/meter/reading';
import type { ByteTransport } from '../transport/types';
import { encodeEs51922 } from './es51922-encoder';
import { constantSource, type SimValue, type ValueSource } from './value-source';

export interface Ut61eSimulatorState {
  function: MeterFunction;
  /** A fixed value (base units, or 'OL') or a source called for every packet. */
  value: SimValue | ValueSource;
  flags?: Partial<ReadingFlags>;
  rangeIndex?: number;
  currentInput?: 'uA' | 'mA' | 'A';
}

export interface Ut61eSimulatorOptions {
  transport: ByteTransport;
  /** Time between packets (default 500 ms, the UT61E's ~2 Hz). */
  intervalMs?: number;
  initial?: Ut61eSimulatorState;
  now?: () => number;
}

export interface Ut61eSimulator {
  /** Starts sending packets (the transport must be open). */
  start(): void;
  stop(): void;
  /** Changes what the meter measures/shows from the next packet on. */
  set(state: Partial<Ut61eSimulatorState>): void;
  /** Sends one packet now; resolves when written. */
  sendOnce(): Promise<void>;
  /** Packets written so far. */
  readonly sent: number;
  /** Packets that could not be written (transport closed) or encoded. */
  readonly failed: number;
}

/** Creates a UT61E simulator over a transport. */
export function createUt61eSimulator(options: Ut61eSimulatorOptions): Ut61eSimulator {
  const intervalMs = options.intervalMs ?? 500;
  const now = options.now ?? Date.now;
  let state: Ut61eSimulatorState = options.initial ?? { function: 'DCV', value: 0 };
  let timer: ReturnType<typeof setInterval> | null = null;
  let sent = 0;
  let failed = 0;
  let writing = false;

  const sendOnce = async (): Promise<void> => {
    const source = typeof state.value === 'function' ? state.value : constantSource(state.value);
    const encoded = encodeEs51922({
      function: state.function,
      value: source(state.function, now()),
      ...(state.flags ? { flags: state.flags } : {}),
      ...(state.rangeIndex !== undefined ? { rangeIndex: state.rangeIndex } : {}),
      ...(state.currentInput ? { currentInput: state.currentInput } : {}),
    });
    if (!encoded.ok || !options.transport.isOpen) {
      failed += 1;
      return;
    }
    try {
      await options.transport.write(encoded.bytes);
      sent += 1;
    } catch {
      failed += 1;
    }
  };

  return {
    start() {
      if (timer) return;
      timer = setInterval(() => {
        if (writing) return; // a slow port: skip a tick rather than queue packets up
        writing = true;
        void sendOnce().finally(() => {
          writing = false;
        });
      }, intervalMs);
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
    },
    set(partial) {
      state = { ...state, ...partial };
    },
    sendOnce,
    get sent() {
      return sent;
    },
    get failed() {
      return failed;
    },
  };
}
