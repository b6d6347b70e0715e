/**
 * HID-POS scanner driver: finds the scanner (usage page 0x8C, or vendor/product from settings),
 * opens it, turns its input reports into classified scans, and treats a read error as an unplug:
 * status "disconnected", handle closed, enumeration polled until the scanner is back. Nothing here
 * throws to the caller; failures become status events.
 */
import { createRetryLoop, type RetryLoop } from '../transport/retry-loop';
import {
  createHidPosAssembler,
  type HidPosAssembler,
  type HidPosAssemblerOptions,
} from './hid-pos-assembler';
import {
  type HidBackend,
  type HidDeviceHandle,
  type HidScannerMatch,
  hidDeviceId,
  nodeHidBackend,
  pickHidScanner,
} from './hid-device';
import { type ScanEvent, type ScannerState, type ScannerStatus, makeScanEvent } from './scanner-events';

export interface HidScannerOptions {
  onScan: (event: ScanEvent) => void;
  onStatus?: (status: ScannerStatus) => void;
  /** Default: node-hid. */
  backend?: HidBackend;
  match?: HidScannerMatch;
  /** How often to look for the scanner while it is absent, ms. Default 2000. */
  pollMs?: number;
  /** 'simulated' when the backend is the demo simulator. Default 'hid'. */
  source?: 'hid' | 'simulated';
  assembler?: HidPosAssemblerOptions;
  /** Wall clock for event times (UTC epoch ms). Default Date.now. */
  now?: () => number;
  /** Monotonic clock for gaps between reports (ms). Default performance.now. */
  monotonic?: () => number;
}

export interface HidScannerStats {
  scans: number;
  reports: number;
  errors: Readonly<Record<string, number>>;
  /** onScan/onStatus callbacks that threw (caught; the driver carries on). */
  listenerErrors: number;
}

/** Messages for the status bar, by state (scanner i18n area). */
const KEY: Record<ScannerState | 'enumerateFailed' | 'openFailed', string> = {
  stopped: 'scanner.status.stopped',
  searching: 'scanner.status.searching',
  connected: 'scanner.status.connected',
  disconnected: 'scanner.status.disconnected',
  error: 'scanner.status.error',
  enumerateFailed: 'scanner.status.enumerateFailed',
  openFailed: 'scanner.status.openFailed',
};

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export class HidScanner {
  private readonly opts: HidScannerOptions;
  private readonly backend: HidBackend;
  private readonly assembler: HidPosAssembler;
  private readonly now: () => number;
  private readonly monotonic: () => number;
  private handle: HidDeviceHandle | undefined;
  private deviceId: string | undefined;
  /** Looks for the scanner again every `pollMs` while it is absent or cannot be opened. */
  private readonly search: RetryLoop;
  private running = false;
  private generation = 0;
  private current: ScannerStatus;
  private scans = 0;
  private listenerErrors = 0;

  constructor(options: HidScannerOptions) {
    this.opts = options;
    this.backend = options.backend ?? nodeHidBackend();
    this.assembler = createHidPosAssembler(options.assembler);
    this.now = options.now ?? Date.now;
    this.monotonic = options.monotonic ?? (() => performance.now());
    this.current = { state: 'stopped', messageKey: KEY.stopped, at: this.now() };
    this.search = createRetryLoop(() => this.attempt(this.generation), options.pollMs ?? 2000);
  }

  /** The latest status. */
  get status(): ScannerStatus {
    return this.current;
  }

  get stats(): HidScannerStats {
    return {
      scans: this.scans,
      reports: this.assembler.accepted,
      errors: { ...this.assembler.errors },
      listenerErrors: this.listenerErrors,
    };
  }

  /** Starts looking for the scanner and keeps it connected until stop(). */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.generation += 1;
    void this.attempt(this.generation).then((found) => {
      if (!found) this.search.schedule();
    });
  }

  /** Closes the device and stops polling. */
  async stop(): Promise<void> {
    this.running = false;
    this.generation += 1;
    this.search.cancel();
    await this.closeHandle();
    this.setStatus('stopped', KEY.stopped);
  }

  /** One look for the scanner: false while it is absent or cannot be opened (try again later). */
  private async attempt(gen: number): Promise<boolean> {
    if (!this.running || gen !== this.generation) return true;
    let devices;
    try {
      devices = await this.backend.enumerate();
    } catch (e) {
      this.setStatus('error', KEY.enumerateFailed, undefined, messageOf(e));
      return false;
    }
    if (!this.running || gen !== this.generation) return true;
    const device = pickHidScanner(devices, this.opts.match);
    if (!device) {
      if (this.current.state !== 'searching' && this.current.state !== 'disconnected') {
        this.setStatus('searching', KEY.searching);
      }
      return false;
    }
    const id = hidDeviceId(device);
    let handle: HidDeviceHandle;
    try {
      handle = await this.backend.open(device);
    } catch (e) {
      this.setStatus('error', KEY.openFailed, id, messageOf(e));
      return false;
    }
    if (!this.running || gen !== this.generation) {
      await Promise.resolve()
        .then(() => handle.close())
        .catch(() => undefined);
      return true;
    }
    this.handle = handle;
    this.deviceId = id;
    this.assembler.reset();
    handle.on('error', (err) => this.onDeviceError(handle, err));
    handle.on('data', (report) => this.onReport(report));
    this.setStatus('connected', KEY.connected, id);
    return true;
  }

  /** The 'data' path: one input report from the device (or the simulator). */
  private onReport(report: Uint8Array): void {
    const scan = this.assembler.push(report, this.monotonic());
    if (!scan) return;
    const event = makeScanEvent({
      source: this.opts.source ?? 'hid',
      text: scan.text,
      at: this.now(),
      ...(this.deviceId !== undefined ? { deviceId: this.deviceId } : {}),
      ...(scan.aim !== undefined ? { aim: scan.aim } : {}),
    });
    this.scans += 1;
    try {
      this.opts.onScan(event);
    } catch {
      this.listenerErrors += 1;
    }
  }

  private onDeviceError(handle: HidDeviceHandle, err: unknown): void {
    if (handle !== this.handle) return;
    const id = this.deviceId;
    this.handle = undefined;
    this.assembler.reset();
    void Promise.resolve()
      .then(() => handle.close())
      .catch(() => undefined);
    this.setStatus('disconnected', KEY.disconnected, id, messageOf(err));
    if (this.running) this.search.schedule();
  }

  private async closeHandle(): Promise<void> {
    const h = this.handle;
    this.handle = undefined;
    this.assembler.reset();
    if (h)
      await Promise.resolve()
        .then(() => h.close())
        .catch(() => undefined);
  }

  private setStatus(state: ScannerState, messageKey: string, deviceId?: string, detail?: string): void {
    const s: ScannerStatus = { state, messageKey, at: this.now() };
    const id = deviceId ?? (state === 'stopped' ? undefined : this.deviceId);
    if (id !== undefined) s.deviceId = id;
    if (detail !== undefined) s.detail = detail;
    const c = this.current;
    if (
      c.state === s.state &&
      c.messageKey === s.messageKey &&
      c.deviceId === s.deviceId &&
      c.detail === s.detail
    )
      return;
    this.current = s;
    try {
      this.opts.onStatus?.(s);
    } catch {
      this.listenerErrors += 1;
    }
  }
}
