/**
 * ESC/POS receipt printer driver over any ByteTransport (TCP 9100, serial, file, in-memory).
 *
 * - status(): sends DLE EOT 1, 2, 3, 4 in one write and waits for the four reply bytes
 *   (default 1 s); no answer → { kind: 'no-reply' }; transport cannot open → 'unreachable';
 *   transport without a back channel (file) → 'unknown'.
 * - print(bytes): checks status before the job (refuses with PRINTER_COVER_OPEN / _PAPER_OUT /
 *   _ERROR / _OFFLINE / _NO_REPLY, nothing sent), writes the job in chunks, then checks status
 *   again (the same codes with phase 'after': the slip may be incomplete). A transport that
 *   fails or closes during the job → PRINTER_WRITE_FAILED. Every error carries
 *   { printer, phase: 'connect' | 'before' | 'during' | 'after' } so a queue knows whether
 *   anything may have printed ('before' and 'connect': nothing did).
 * - Automatic status back: enableAutomaticStatusBack() sends GS a; frames are decoded into
 *   statuses for onStatus listeners (re-sent after each job, since ESC @ may reset it).
 * Calls are serialised: one job or status query on the wire at a time.
 */
import { AppError } from '../../../shared/contract/errors';
import type { PrinterConditionFlags, PrinterStatus } from '../../../shared/domain/receipt/printer-status';
import { Listeners } from '../../../shared/listeners';
import type { ByteTransport } from '../transport/types';
import { cmdAutomaticStatusBack, cmdRealtimeStatus } from './escpos-commands';
import { StatusStreamParser, flagsFromAsb, flagsFromRealtime, type DrawerOpenLevel } from './escpos-status';

export interface EscPosPrinterOptions {
  transport: ByteTransport;
  /** How long to wait for the four DLE EOT reply bytes (default 1000 ms). */
  replyTimeoutMs?: number;
  /** Which level of drawer connector pin 3 means "open" (default 'low'). */
  drawerOpenLevel?: DrawerOpenLevel;
  /** 'dle-eot' asks the printer; 'none' never asks. Default: 'none' for transports with canReply === false. */
  statusMode?: 'dle-eot' | 'none';
  /** Job bytes per transport write (default 4096). */
  writeChunkBytes?: number;
  /** Clock for status timestamps (default Date.now). */
  now?: () => number;
}

export interface PrintReport {
  printer: string;
  bytesWritten: number;
  before: PrinterStatus;
  after: PrinterStatus;
}

export type PrintPhase = 'connect' | 'before' | 'during' | 'after';

/** The error code a reported condition stops printing with, or undefined when it can print. */
export function problemCode(flags: PrinterConditionFlags): string | undefined {
  if (flags.coverOpen) return 'PRINTER_COVER_OPEN';
  if (flags.paperOut) return 'PRINTER_PAPER_OUT';
  if (flags.error) return 'PRINTER_ERROR';
  if (!flags.online) return 'PRINTER_OFFLINE';
  return undefined;
}

function causeOf(e: unknown): string {
  if (e instanceof AppError) return e.code;
  return e instanceof Error ? e.message : String(e);
}

type ReplyWait = {
  bytes: number[];
  done: (result: number[] | 'closed') => void;
};

/** A receipt printer speaking ESC/POS over a transport. */
export class EscPosPrinter {
  readonly transport: ByteTransport;
  private readonly replyTimeoutMs: number;
  private readonly drawerOpenLevel: DrawerOpenLevel;
  private readonly statusMode: 'dle-eot' | 'none';
  private readonly chunkBytes: number;
  private readonly now: () => number;
  private readonly parser = new StatusStreamParser();
  private readonly statusListeners = new Listeners<PrinterStatus>();
  private readonly unsubscribe: Array<() => void> = [];
  private wait: ReplyWait | null = null;
  private chain: Promise<unknown> = Promise.resolve();
  private closes = 0;
  private asbMask = 0;
  private asbStatus: PrinterStatus | undefined;
  private stray = 0;

  constructor(options: EscPosPrinterOptions) {
    this.transport = options.transport;
    this.replyTimeoutMs = options.replyTimeoutMs ?? 1000;
    this.drawerOpenLevel = options.drawerOpenLevel ?? 'low';
    const canReply = (options.transport as Partial<{ canReply: boolean }>).canReply;
    this.statusMode = options.statusMode ?? (canReply === false ? 'none' : 'dle-eot');
    this.chunkBytes = Math.max(1, options.writeChunkBytes ?? 4096);
    this.now = options.now ?? Date.now;
    this.unsubscribe.push(
      this.transport.onData((chunk) => this.handleData(chunk)),
      this.transport.onClose(() => {
        this.closes++;
        const wait = this.wait;
        this.wait = null;
        wait?.done('closed');
      }),
    );
  }

  /** DLE EOT reply bytes that arrived when no query was waiting (dropped). */
  get strayReplies(): number {
    return this.stray;
  }

  /** Garbage bytes the status parser dropped. */
  get garbageBytes(): number {
    return this.parser.stats.garbageBytes;
  }

  /** The status from the last ASB frame, if automatic status back is on and a frame came. */
  get lastAsbStatus(): PrinterStatus | undefined {
    return this.asbStatus;
  }

  /** Listens for statuses pushed by the printer (ASB frames); returns an unsubscribe function. */
  onStatus(listener: (status: PrinterStatus) => void): () => void {
    return this.statusListeners.add(listener);
  }

  /** Asks the printer for its status (see the module comment); never throws. */
  status(): Promise<PrinterStatus> {
    return this.exclusive(() => this.queryStatus());
  }

  /** Prints one job's bytes with a status check before and after (see the module comment). */
  print(job: Uint8Array): Promise<PrintReport> {
    return this.exclusive(() => this.runJob(job));
  }

  /** Turns on automatic status back for drawer, online, error and paper (GS a 15 by default). */
  enableAutomaticStatusBack(mask = 0x0f): Promise<void> {
    return this.exclusive(async () => {
      await this.connect('connect');
      this.asbMask = mask & 0x0f;
      await this.transport.write(Uint8Array.from(cmdAutomaticStatusBack(this.asbMask)));
    });
  }

  /** Stops listening to the transport and closes it. */
  async close(): Promise<void> {
    for (const off of this.unsubscribe.splice(0)) off();
    await this.transport.close();
  }

  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.chain.then(fn, fn);
    this.chain = run.catch(() => undefined);
    return run;
  }

  private handleData(chunk: Uint8Array): void {
    for (const event of this.parser.push(chunk)) {
      if (event.kind === 'realtime') {
        const wait = this.wait;
        if (!wait) {
          this.stray++;
          continue;
        }
        wait.bytes.push(event.byte);
        if (wait.bytes.length === 4) {
          this.wait = null;
          wait.done(wait.bytes);
        }
      } else {
        const status: PrinterStatus = {
          kind: 'reported',
          source: 'asb',
          at: this.now(),
          ...flagsFromAsb(event.frame, this.drawerOpenLevel),
        };
        this.asbStatus = status;
        this.statusListeners.emit(status);
      }
    }
  }

  private fail(code: string, phase: PrintPhase, details: Record<string, unknown> = {}): AppError {
    return new AppError(code, { printer: this.transport.id, phase, ...details });
  }

  private async connect(phase: PrintPhase): Promise<void> {
    if (this.transport.isOpen) return;
    try {
      await this.transport.open();
    } catch (e) {
      throw this.fail('PRINTER_CONNECT_FAILED', phase, { cause: causeOf(e) });
    }
  }

  private async queryStatus(reconnect = true): Promise<PrinterStatus> {
    if (this.statusMode === 'none') return { kind: 'unknown', at: this.now() };
    if (!reconnect && !this.transport.isOpen)
      return { kind: 'unreachable', reason: 'disconnected', at: this.now() };
    try {
      await this.connect('connect');
    } catch (e) {
      const cause = e instanceof AppError ? String(e.details.cause ?? e.code) : causeOf(e);
      return { kind: 'unreachable', reason: cause, at: this.now() };
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    const replies = new Promise<number[] | 'closed'>((resolve) => {
      const wait: ReplyWait = { bytes: [], done: resolve };
      this.wait = wait;
      timer = setTimeout(() => {
        if (this.wait === wait) this.wait = null;
        resolve(wait.bytes);
      }, this.replyTimeoutMs);
    });
    try {
      await this.transport.write(
        Uint8Array.from([
          ...cmdRealtimeStatus(1),
          ...cmdRealtimeStatus(2),
          ...cmdRealtimeStatus(3),
          ...cmdRealtimeStatus(4),
        ]),
      );
    } catch (e) {
      clearTimeout(timer);
      this.wait = null;
      return { kind: 'unreachable', reason: causeOf(e), at: this.now() };
    }
    const result = await replies;
    clearTimeout(timer);
    if (result === 'closed') return { kind: 'unreachable', reason: 'disconnected', at: this.now() };
    const [printer, offlineCause, errorCause, paper] = result;
    if (
      printer === undefined ||
      offlineCause === undefined ||
      errorCause === undefined ||
      paper === undefined
    ) {
      return { kind: 'no-reply', at: this.now() };
    }
    return {
      kind: 'reported',
      source: 'dle-eot',
      at: this.now(),
      ...flagsFromRealtime({ printer, offlineCause, errorCause, paper }, this.drawerOpenLevel),
    };
  }

  private check(status: PrinterStatus, phase: 'before' | 'after', bytesWritten: number): void {
    const details = { bytesWritten, status };
    if (status.kind === 'no-reply') throw this.fail('PRINTER_NO_REPLY', phase, details);
    if (status.kind === 'unreachable') {
      // Lost between the job and the status query: the printer may not have received all of it.
      throw this.fail(phase === 'before' ? 'PRINTER_NO_REPLY' : 'PRINTER_WRITE_FAILED', phase, {
        ...details,
        cause: status.reason,
      });
    }
    if (status.kind === 'reported') {
      const code = problemCode(status);
      if (code) throw this.fail(code, phase, details);
    }
  }

  private async runJob(job: Uint8Array): Promise<PrintReport> {
    await this.connect('connect');
    const before = await this.queryStatus();
    this.check(before, 'before', 0);
    const closesAtStart = this.closes;
    let written = 0;
    try {
      for (let i = 0; i < job.length; i += this.chunkBytes) {
        if (this.closes !== closesAtStart) throw new Error('disconnected');
        const piece = job.subarray(i, Math.min(job.length, i + this.chunkBytes));
        await this.transport.write(piece);
        written += piece.length;
      }
      if (this.asbMask !== 0)
        await this.transport.write(Uint8Array.from(cmdAutomaticStatusBack(this.asbMask)));
    } catch (e) {
      throw this.fail('PRINTER_WRITE_FAILED', 'during', { bytesWritten: written, cause: causeOf(e) });
    }
    if (this.closes !== closesAtStart) {
      throw this.fail('PRINTER_WRITE_FAILED', 'after', { bytesWritten: written, cause: 'disconnected' });
    }
    const after = await this.queryStatus(false);
    this.check(after, 'after', written);
    return { printer: this.transport.id, bytesWritten: written, before, after };
  }
}
