/**
 * A simulated SCPI bench multimeter over any ByteTransport (memory pair or socat pty): answers
 * *IDN?, *RST, *CLS, *OPC?, SYST:ERR?, CONF:<fn> [range], CONF?, READ?, MEAS:<fn>? with NR3
 * numbers from a programmable value source ('OL' → +9.9E+37), queues -113 "Undefined header"
 * for anything else, and can go silent (answers nothing) to exercise timeouts.
 */
import type { MeterFunction } from '../../../shared/domain/meter/reading';
import type { ByteTransport } from '../transport/types';
import { createLineSplitter } from './line-splitter';
import {
  SCPI_FUNCTION,
  formatIdn,
  formatNr3,
  functionFromMnemonics,
  matchesMnemonic,
  parseScpiCommand,
  type ScpiIdentity,
} from './scpi-protocol';
import { constantSource, type ValueSource } from './value-source';

export interface ScpiSimulatorOptions {
  transport: ByteTransport;
  identity?: ScpiIdentity;
  source?: ValueSource;
  /** Function after power-up and *RST (default DCV). */
  initialFunction?: MeterFunction;
  /** Line end of answers (default LF; a CRLF meter exercises the driver's CR handling). */
  terminator?: '\n' | '\r\n';
  /** Delay before each answer (default 0). Answers still leave in order, like a real meter's. */
  responseDelayMs?: number;
  now?: () => number;
}

export interface ScpiMeterSimulator {
  /** Starts listening (the transport must be open or opened later by the caller). */
  start(): void;
  stop(): void;
  /** When silent the meter hears commands but answers nothing. */
  setSilent(silent: boolean): void;
  setSource(source: ValueSource): void;
  /** Changes the answer delay for commands received from now on. */
  setResponseDelay(ms: number): void;
  readonly currentFunction: MeterFunction;
  /** Every command line received, in order. */
  readonly received: readonly string[];
  /** SCPI error queue (code, message). */
  readonly errors: readonly [number, string][];
}

export const DEFAULT_SIM_IDENTITY: ScpiIdentity = {
  manufacturer: 'COUNTERDESK',
  model: 'SIM-DMM-1',
  serial: 'SIM000001',
  firmware: '1.0.0',
};

const encoder = new TextEncoder();

/** Creates a SCPI meter simulator over a transport. */
export function createScpiMeterSimulator(options: ScpiSimulatorOptions): ScpiMeterSimulator {
  const transport = options.transport;
  const identity = options.identity ?? DEFAULT_SIM_IDENTITY;
  const terminator = options.terminator ?? '\n';
  const now = options.now ?? Date.now;
  const initial = options.initialFunction ?? 'DCV';
  let source = options.source ?? constantSource(0);
  let fn: MeterFunction = initial;
  let range = 'AUTO';
  let silent = false;
  let delayMs = options.responseDelayMs ?? 0;
  let outgoing: Promise<void> = Promise.resolve();
  const received: string[] = [];
  const errors: [number, string][] = [];
  const splitter = createLineSplitter(1024);
  let unsubscribe: (() => void) | null = null;

  const answer = (text: string): void => {
    if (silent) return;
    const bytes = encoder.encode(text + terminator);
    const due = Date.now() + delayMs;
    // One output queue: a slow answer holds back the ones after it, as on a real meter.
    outgoing = outgoing.then(async () => {
      const wait = due - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      if (transport.isOpen) await transport.write(bytes).catch(() => undefined);
    });
  };

  const measurement = (): string => {
    const v = source(fn, now());
    return v === 'OL' ? '+9.90000000E+37' : formatNr3(v);
  };

  const confAnswer = (): string => {
    const mnemonic = SCPI_FUNCTION[fn] ?? 'VOLT:DC';
    // Like a 34401A: DC functions are named without the :DC suffix.
    const name = mnemonic.endsWith(':DC') ? mnemonic.slice(0, -3) : mnemonic;
    const rangeText = range === 'AUTO' || range === 'DEF' ? '+1.000000E+01' : range;
    return `"${name} ${rangeText},+1.000000E-06"`;
  };

  const handle = (unit: string): void => {
    const cmd = parseScpiCommand(unit);
    if (!cmd) {
      errors.push([-102, 'Syntax error']);
      return;
    }
    const [head, ...rest] = cmd.tokens;
    const h = (head ?? '').toUpperCase();
    if (h === '*IDN' && cmd.query) return answer(formatIdn(identity));
    if (h === '*OPC' && cmd.query) return answer('1');
    if (h === '*RST' && !cmd.query) {
      fn = initial;
      range = 'AUTO';
      return;
    }
    if (h === '*CLS' && !cmd.query) {
      errors.length = 0;
      return;
    }
    if (
      matchesMnemonic(h, 'SYSTem') &&
      rest.length === 1 &&
      matchesMnemonic(rest[0] ?? '', 'ERRor') &&
      cmd.query
    ) {
      const next = errors.shift();
      return answer(next ? `${next[0]},"${next[1]}"` : '+0,"No error"');
    }
    if (matchesMnemonic(h, 'READ') && rest.length === 0 && cmd.query) return answer(measurement());
    if (matchesMnemonic(h, 'CONFigure')) {
      if (cmd.query && rest.length === 0) return answer(confAnswer());
      const target = functionFromMnemonics(rest);
      if (!target || cmd.query) {
        errors.push([-113, 'Undefined header']);
        return;
      }
      fn = target;
      range = cmd.args.split(',')[0]?.trim().toUpperCase() || 'AUTO';
      return;
    }
    if (matchesMnemonic(h, 'MEASure') && cmd.query) {
      const target = functionFromMnemonics(rest);
      if (!target) {
        errors.push([-113, 'Undefined header']);
        return;
      }
      fn = target;
      range = cmd.args.split(',')[0]?.trim().toUpperCase() || 'AUTO';
      return answer(measurement());
    }
    errors.push([-113, 'Undefined header']);
  };

  return {
    start() {
      if (unsubscribe) return;
      unsubscribe = transport.onData((chunk) => {
        for (const line of splitter.push(chunk)) {
          received.push(line);
          for (const unit of line.split(';')) if (unit.trim() !== '') handle(unit);
        }
      });
    },
    stop() {
      unsubscribe?.();
      unsubscribe = null;
    },
    setSilent(value) {
      silent = value;
    },
    setSource(next) {
      source = next;
    },
    setResponseDelay(ms) {
      delayMs = ms;
    },
    get currentFunction() {
      return fn;
    },
    get received() {
      return received;
    },
    get errors() {
      return errors;
    },
  };
}
