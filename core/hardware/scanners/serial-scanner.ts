/**
 * Serial (RS-232 / USB-CDC) scanner driver over any ByteTransport: codes end with CR, LF or CR LF.
 * Each line becomes a classified ScanEvent; line noise and over-long lines are counted, not emitted.
 * An unplug (transport closed with an error) becomes a "disconnected" status with the error, and
 * the transport is reopened every `reconnectMs` until it answers again (or stop()). Nothing here
 * throws from a data or close callback.
 */
import { ResilientTransport } from '../transport/resilient-transport';
import type { ByteTransport } from '../transport/types';
import { createLineFramer, type LineError, type LineFramer } from './line-framer';
import { type ScanEvent, type ScannerState, type ScannerStatus, makeScanEvent } from './scanner-events';

export interface SerialScannerOptions {
  transport: ByteTransport;
  onScan: (event: ScanEvent) => void;
  onStatus?: (status: ScannerStatus) => void;
  /** Longest code in bytes. Default 512. */
  maxLineBytes?: number;
  /** 'simulated' when the transport is the demo simulator. Default 'serial'. */
  source?: 'serial' | 'simulated';
  /** Wall clock for event times (UTC epoch ms). Default Date.now. */
  now?: () => number;
  /** After an unplug, try to reopen this often (ms); 0 = never. Default 2000. */
  reconnectMs?: number;
}

export interface SerialScannerStats {
  scans: number;
  errors: Readonly<Record<LineError, number>>;
  listenerErrors: number;
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export class SerialScanner {
  private readonly opts: SerialScannerOptions;
  private readonly framer: LineFramer;
  private readonly now: () => number;
  private readonly link: ResilientTransport;
  private unsubscribe: (() => void)[] = [];
  private current: ScannerStatus;
  private scans = 0;
  private listenerErrors = 0;

  constructor(options: SerialScannerOptions) {
    this.opts = options;
    this.framer = createLineFramer({ maxLineBytes: options.maxLineBytes ?? 512 });
    this.now = options.now ?? Date.now;
    this.current = { state: 'stopped', messageKey: 'scanner.status.stopped', at: this.now() };
    const reconnectMs = options.reconnectMs ?? 2000;
    this.link = new ResilientTransport(options.transport, {
      retry: reconnectMs,
      autoReconnect: reconnectMs > 0,
      onReopen: () => this.setStatus('connected', 'scanner.status.connected'),
    });
  }

  get status(): ScannerStatus {
    return this.current;
  }

  get stats(): SerialScannerStats {
    return { scans: this.scans, errors: { ...this.framer.errors }, listenerErrors: this.listenerErrors };
  }

  /** Opens the transport and starts reading. Rejects with the transport's error when it cannot open (status "error"). */
  async start(): Promise<void> {
    try {
      await this.openAndAttach();
    } catch (e) {
      await this.link.stop();
      this.setStatus('error', 'scanner.status.openFailed', messageOf(e));
      throw e;
    }
    this.setStatus('connected', 'scanner.status.connected');
  }

  /** Stops reading (and reconnecting) and closes the transport. */
  async stop(): Promise<void> {
    try {
      await this.link.stop();
    } catch {
      // already gone: nothing to close
    }
    this.detach();
    this.framer.reset();
    this.setStatus('stopped', 'scanner.status.stopped');
  }

  /** Listens to the transport (listeners first, so no early byte is missed) and opens it. */
  private async openAndAttach(): Promise<void> {
    const t = this.opts.transport;
    this.detach();
    this.framer.reset();
    this.unsubscribe.push(t.onData((chunk) => this.onChunk(chunk)));
    this.unsubscribe.push(t.onClose((error) => this.onClosed(error)));
    try {
      await this.link.open();
    } catch (e) {
      this.detach();
      throw e;
    }
  }

  /** The data path: bytes from the transport. */
  private onChunk(chunk: Uint8Array): void {
    for (const line of this.framer.push(chunk)) {
      const event = makeScanEvent({
        source: this.opts.source ?? 'serial',
        deviceId: this.opts.transport.id,
        text: line,
        at: this.now(),
      });
      this.scans += 1;
      try {
        this.opts.onScan(event);
      } catch {
        this.listenerErrors += 1;
      }
    }
  }

  private onClosed(error?: Error): void {
    this.framer.reset();
    if (!this.link.running) {
      this.detach();
      return;
    }
    if (!error) {
      // closed on purpose by someone holding the transport
      this.detach();
      void this.link.stop();
      this.setStatus('stopped', 'scanner.status.stopped');
      return;
    }
    // Unplugged: the link reopens the port; bytes after that are read again.
    this.setStatus('disconnected', 'scanner.status.disconnected', messageOf(error));
  }

  private detach(): void {
    for (const u of this.unsubscribe.splice(0)) u();
  }

  private setStatus(state: ScannerState, messageKey: string, detail?: string): void {
    const s: ScannerStatus = { state, messageKey, deviceId: this.opts.transport.id, at: this.now() };
    if (detail !== undefined) s.detail = detail;
    const c = this.current;
    if (c.state === s.state && c.messageKey === s.messageKey && c.detail === s.detail) return;
    this.current = s;
    try {
      this.opts.onStatus?.(s);
    } catch {
      this.listenerErrors += 1;
    }
  }
}
