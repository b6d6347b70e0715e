/**
 * SCPI bench multimeter driver over any ByteTransport. Line based (LF, CRLF accepted); one
 * command in flight at a time (a queue); every query has a timeout (METER_TIMEOUT). SCPI
 * answers carry no sequence number, so after a timeout (or an answer of the wrong kind) the
 * next command is preceded by a *IDN? and every line before its identity answer is thrown
 * away: a meter answers in order, so a late READ? answer can never be taken for the next
 * command's. identify() (*IDN?), configure() (CONF:...), read() (READ?),
 * measure() (MEAS:...?), and a streaming mode that polls READ? and emits readings. When the
 * port goes away the driver reports `disconnected`, keeps trying to reopen it, and on
 * success restores the configured function and carries on streaming.
 */
import { AppError, isAppError } from '../../../shared/contract/errors';
import {
  NO_FLAGS,
  unitOfFunction,
  type MeterFunction,
  type Reading,
} from '../../../shared/domain/meter/reading';
import { formatQuantity } from '../../../shared/domain/meter/units';
import type { ByteTransport } from '../transport/types';
import { createLineSplitter } from './line-splitter';
import { MeterDriverBase, type MeterDriverBaseOptions } from './meter-driver-base';
import {
  configureCommand,
  measureQuery,
  parseConfAnswer,
  parseIdn,
  parseNr3,
  type ScpiIdentity,
  type ScpiRange,
} from './scpi-protocol';

export interface ScpiMeterOptions extends MeterDriverBaseOptions {
  transport: ByteTransport;
  /** Per-command answer timeout (default 2000 ms). */
  timeoutMs?: number;
  /** Poll interval of the streaming mode started by start() (default 250 ms). */
  streamIntervalMs?: number;
}

export interface ScpiMeterStats {
  commands: number;
  timeouts: number;
  /** Lines that arrived with no command waiting (late answers, chatter). */
  strayLines: number;
  badResponses: number;
  /** Lines discarded for being too long. */
  overflows: number;
  reconnects: number;
}

interface Pending {
  command: string;
  /** Only lines this accepts answer the command (used by the *IDN? resync); others are stray. */
  accept?: (line: string) => boolean;
  resolve: (line: string) => void;
  reject: (error: Error) => void;
  timer: ReturnType<typeof setTimeout>;
}

const encoder = new TextEncoder();

export class ScpiMeter extends MeterDriverBase {
  private readonly timeoutMs: number;
  private readonly streamIntervalMs: number;
  private readonly splitter = createLineSplitter(4096);
  private tail: Promise<unknown> = Promise.resolve();
  private pending: Pending | null = null;
  private needsResync = false;
  /** Function (and range) set by configure()/measure(), or learned from CONF? (rangeText). */
  private configured: { fn: MeterFunction; range?: ScpiRange; rangeText?: string } | null = null;
  private identity: ScpiIdentity | null = null;
  private streamToken: object | null = null;
  private wakeStream: (() => void) | null = null;
  private readonly counters: Omit<ScpiMeterStats, 'reconnects'> = {
    commands: 0,
    timeouts: 0,
    strayLines: 0,
    badResponses: 0,
    overflows: 0,
  };

  constructor(options: ScpiMeterOptions) {
    super(options.transport, options);
    this.timeoutMs = options.timeoutMs ?? 2000;
    this.streamIntervalMs = options.streamIntervalMs ?? 250;
  }

  get stats(): Readonly<ScpiMeterStats> {
    return { ...this.counters, overflows: this.splitter.overflows, reconnects: this.link.reopens };
  }

  /** The function the meter was last configured to (or learned from CONF?). */
  get currentFunction(): MeterFunction | null {
    return this.configured?.fn ?? null;
  }

  /** Opens the port; rejects with SERIAL_OPEN_FAILED / TRANSPORT_UNPLUGGED etc. when it cannot. */
  async connect(): Promise<void> {
    await this.link.open();
    this.opened();
  }

  /** MeterDriver: connect and stream; a failed open is shown in status and retried. */
  override async start(): Promise<void> {
    await super.start();
    this.startStreaming(this.streamIntervalMs);
  }

  /** *IDN? → manufacturer, model, serial, firmware. */
  async identify(): Promise<ScpiIdentity> {
    const answer = await this.query('*IDN?');
    const id = parseIdn(answer);
    if (!id) throw this.badResponse('*IDN?', answer, 'NOT_AN_IDN');
    this.identity = id;
    return id;
  }

  /** CONF:<function> [range]; later reads are tagged with this function. */
  async configure(fn: MeterFunction, range?: ScpiRange): Promise<void> {
    const command = configureCommand(fn, range);
    if (!command) throw new AppError('METER_UNSUPPORTED_FUNCTION', { function: fn, port: this.id });
    await this.send(command);
    this.configured = range === undefined ? { fn } : { fn, range };
  }

  /** READ? → a Reading in the configured function (asks CONF? first if it is not known). */
  async read(): Promise<Reading> {
    if (!this.configured) await this.learnConfiguration();
    const fn = (this.configured as { fn: MeterFunction }).fn;
    const answer = await this.query('READ?');
    return this.toReading('READ?', answer, fn);
  }

  /** MEAS:<function>? → configures and reads in one command. */
  async measure(fn: MeterFunction): Promise<Reading> {
    const command = measureQuery(fn);
    if (!command) throw new AppError('METER_UNSUPPORTED_FUNCTION', { function: fn, port: this.id });
    const answer = await this.query(command);
    this.configured = { fn };
    return this.toReading(command, answer, fn);
  }

  /** Sends a command that has no answer. */
  send(command: string): Promise<void> {
    return this.enqueue(async () => {
      await this.exchange(command, false);
    });
  }

  /** Sends a query and resolves with its answer line. */
  query(command: string): Promise<string> {
    return this.enqueue(() => this.exchange(command, true));
  }

  /** Polls READ? every `intervalMs` and emits each reading; timeouts show as `no-response`. */
  startStreaming(intervalMs = this.streamIntervalMs): void {
    if (this.streamToken) return;
    const token = {};
    this.streamToken = token;
    void this.streamLoop(token, intervalMs);
  }

  stopStreaming(): void {
    this.streamToken = null;
    this.wakeStream?.();
  }

  private async streamLoop(token: object, intervalMs: number): Promise<void> {
    while (this.streamToken === token) {
      if (this.transport.isOpen && !this.stopped) {
        try {
          const reading = await this.read();
          if (this.streamToken !== token) break;
          if (this.status.state !== 'connected') this.setStatus('connected');
          this.readings.emit(reading);
        } catch (e) {
          if (isAppError(e) && e.code === 'METER_TIMEOUT' && this.transport.isOpen) {
            this.setStatus('no-response', e.toValue());
          }
          // METER_DISCONNECTED: handleClose already set the status; bad answers are counted.
        }
      }
      if (this.streamToken !== token) break;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, intervalMs);
        function done(): void {
          clearTimeout(timer);
          resolve();
        }
        this.wakeStream = done;
      });
      this.wakeStream = null;
    }
  }

  private async learnConfiguration(): Promise<void> {
    const answer = await this.query('CONF?');
    const conf = parseConfAnswer(answer);
    if (!conf) throw this.badResponse('CONF?', answer, 'NOT_A_CONF_ANSWER');
    this.configured =
      conf.range !== undefined ? { fn: conf.function, rangeText: conf.range } : { fn: conf.function };
  }

  private toReading(command: string, answer: string, fn: MeterFunction): Reading {
    const parsed = parseNr3(answer);
    if (!parsed.ok) throw this.badResponse(command, answer, parsed.reason);
    const unit = unitOfFunction(fn);
    const range = this.configured?.range ?? this.configured?.rangeText;
    const base = {
      unit,
      function: fn,
      ...(range !== undefined ? { range: String(range) } : {}),
      flags: { ...NO_FLAGS, auto: range === undefined || range === 'AUTO' },
      at: this.now(),
      instrument: {
        driver: 'scpi',
        port: this.id,
        ...(this.identity
          ? {
              manufacturer: this.identity.manufacturer,
              model: this.identity.model,
              serial: this.identity.serial,
              firmware: this.identity.firmware,
            }
          : {}),
      },
    };
    if (parsed.kind === 'overload') {
      return { ...base, value: null, overload: true, display: parsed.negative ? '-OL' : 'OL' };
    }
    return { ...base, value: parsed.value, overload: false, display: formatQuantity(parsed.value, unit) };
  }

  private badResponse(command: string, answer: string, reason: string): AppError {
    this.counters.badResponses += 1;
    this.needsResync = true; // an answer of the wrong kind may be someone else's: resync first
    return new AppError('METER_BAD_RESPONSE', {
      command,
      answer: answer.slice(0, 80),
      reason,
      port: this.id,
    });
  }

  private enqueue<T>(job: () => Promise<T>): Promise<T> {
    const run = this.tail.then(job, job);
    this.tail = run.catch(() => undefined);
    return run;
  }

  private async exchange(command: string, expectAnswer: boolean): Promise<string> {
    if (!this.transport.isOpen) throw new AppError('METER_DISCONNECTED', { port: this.id, command });
    if (this.needsResync) await this.resync(command);
    if (!expectAnswer) {
      this.counters.commands += 1;
      await this.write(encoder.encode(`${command}\n`), command);
      return '';
    }
    return this.roundTrip(command);
  }

  /** Sends a query and waits for its (accepted) answer line, or METER_TIMEOUT. */
  private async roundTrip(
    command: string,
    accept?: (line: string) => boolean,
    reportAs: string = command,
  ): Promise<string> {
    this.counters.commands += 1;
    const answer = new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => {
        if (this.pending?.timer !== timer) return;
        this.pending = null;
        this.needsResync = true;
        this.counters.timeouts += 1;
        reject(
          new AppError('METER_TIMEOUT', {
            command: reportAs,
            ...(reportAs !== command ? { during: command } : {}),
            timeoutMs: this.timeoutMs,
            port: this.id,
          }),
        );
      }, this.timeoutMs);
      this.pending = { command, resolve, reject, timer, ...(accept ? { accept } : {}) };
    });
    // Registered before writing so that even an instant answer finds its command.
    answer.catch(() => undefined);
    try {
      await this.write(encoder.encode(`${command}\n`), command);
    } catch (e) {
      this.failPending(e instanceof Error ? e : new Error(String(e)));
    }
    return answer;
  }

  /**
   * Re-establishes which answer belongs to which command: asks *IDN? and drops every line
   * before an identity answer (late answers to timed-out commands arrive before it).
   */
  private async resync(forCommand: string): Promise<void> {
    await this.roundTrip('*IDN?', (line) => parseIdn(line) !== null, forCommand);
    this.splitter.clear();
    this.needsResync = false;
  }

  private async write(bytes: Uint8Array, command: string): Promise<void> {
    try {
      await this.transport.write(bytes);
    } catch (e) {
      const detail = e instanceof Error ? e.message : String(e);
      throw new AppError('METER_DISCONNECTED', { port: this.id, command, detail });
    }
  }

  protected handleData(chunk: Uint8Array): void {
    for (const line of this.splitter.push(chunk)) {
      const pending = this.pending;
      if (pending && (!pending.accept || pending.accept(line))) {
        clearTimeout(pending.timer);
        this.pending = null;
        pending.resolve(line);
      } else {
        this.counters.strayLines += 1;
      }
    }
  }

  private failPending(error: Error): void {
    const pending = this.pending;
    if (!pending) return;
    clearTimeout(pending.timer);
    this.pending = null;
    pending.reject(error);
  }

  protected forget(): void {
    this.failPending(new AppError('METER_DISCONNECTED', { port: this.id }));
    this.splitter.clear();
  }

  protected opened(): void {
    this.splitter.clear();
    this.setStatus('connected');
  }

  /** Stops streaming and fails any waiting command (then the port closes). */
  protected stopping(): void {
    this.stopStreaming();
    this.failPending(new AppError('METER_DISCONNECTED', { port: this.id, reason: 'stopped' }));
  }

  /** After the port came back: fresh line state, connected, the function the step expects. */
  protected async reopened(): Promise<void> {
    this.splitter.clear();
    this.needsResync = false;
    this.setStatus('connected');
    const conf = this.configured;
    if (conf && conf.rangeText === undefined) {
      // Put the meter back in the function the step expects (it may have been power-cycled).
      await this.configure(conf.fn, conf.range).catch(() => undefined);
    }
  }
}

/** Creates a SCPI meter driver over a transport (the transport is opened by connect()/start()). */
export function createScpiMeter(options: ScpiMeterOptions): ScpiMeter {
  return new ScpiMeter(options);
}
