/**
 * The device manager: opens every enabled device configured in the `devices` table (scanners,
 * receipt printers, bench meters), keeps their live status, and turns what they do into contract
 * events — `scanner.scan` (classified, routed), `device.status`, `meter.reading`, `print.job`.
 * It owns the print queue worker, which prints on the printer of each job's role. Unplugging a
 * device is a status change, never a crash: drivers reconnect when it comes back.
 *
 * start()/stop() come with core (compose option `startDevices`); reload(id) reopens one device
 * after it was saved or removed. Calls are serialised so a reload never races a stop.
 */
import type { DbClient } from '../../../db/client';
import { storeFacts } from '../../../db/repositories/store/store-facts';
import { AppError } from '../../../shared/contract/errors';
import type { DetectedHardware, DeviceStatus, DeviceView } from '../../../shared/contract/methods/devices';
import { routeFor } from '../../../shared/domain/codes/classify';
import type { Reading } from '../../../shared/domain/meter/reading';
import type { PaperWidth } from '../../../shared/domain/receipt/layout';
import type { ScanEvent } from '../../../shared/domain/scanner/scan-event';
import type { EventBus } from '../../events/event-bus';
import type { ScpiIdentity } from '../../hardware/meters/scpi-protocol';
import type { SimulatedEscPosPrinter } from '../../hardware/printers/simulated-printer';
import { detectHardware, type DetectOptions } from './detect-hardware';
import { getDevice, listDevices, type StoredDevice } from './device-repo';
import { deviceStatus } from './device-status';
import { MeterDevice, type MeterSimulation } from './meter-device';
import { PrinterDevice } from './printer-device';
import { PrintWorker, type PrintJobChange, type PrinterTarget } from '../../printing/worker';
import type { RunningDevice } from './running-device';
import { ScannerDevice } from './scanner-device';
import { transportLabel } from './transport-factory';

export interface DeviceManagerOptions {
  db: DbClient;
  storeId: number;
  now: () => number;
  events: EventBus;
  /** Print queue loop interval (ms, default 1000); 0 = no loop (tests drive `worker.runDue()`). */
  printPollMs?: number;
  /** Hardware enumeration overrides (tests). */
  detect?: DetectOptions;
}

export class DeviceManager {
  readonly worker: PrintWorker;
  private readonly opts: DeviceManagerOptions;
  private readonly devices = new Map<number, RunningDevice>();
  private started = false;
  private closed = false;
  private chain: Promise<unknown> = Promise.resolve();

  constructor(options: DeviceManagerOptions) {
    this.opts = options;
    this.worker = new PrintWorker({
      db: options.db,
      now: options.now,
      paperWidth: () => this.paperWidth(),
      printerFor: (role) => this.printerFor(role),
      onJobChange: (change) => this.emitJob(change),
      pollMs: options.printPollMs ?? 1000,
    });
  }

  /** True between start() and stop(). */
  get isRunning(): boolean {
    return this.started;
  }

  /** The store's receipt paper width (settings.receiptWidth). */
  paperWidth(): PaperWidth {
    return storeFacts(this.opts.db, this.opts.storeId).paper;
  }

  /** Opens every enabled device and starts the print queue (requeuing jobs a crash left printing). */
  start(): Promise<void> {
    return this.serial(async () => {
      if (this.started || this.closed) return;
      this.started = true;
      for (const d of listDevices(this.opts.db)) await this.open(d);
      this.worker.start();
    });
  }

  /** Stops the print queue (waiting for a job in flight) and closes every device. */
  stop(): Promise<void> {
    return this.serial(async () => {
      if (!this.started) return;
      this.started = false;
      await this.worker.stop();
      await Promise.all([...this.devices.values()].map((d) => d.stop().catch(() => undefined)));
      this.devices.clear();
    });
  }

  /**
   * Stops now, synchronously, for core.close(): no database access and no events afterwards;
   * a print job in flight is abandoned (it is requeued at the next start), ports close in the background.
   */
  halt(): void {
    this.closed = true;
    this.started = false;
    this.worker.halt();
    for (const d of this.devices.values()) void d.stop().catch(() => undefined);
    this.devices.clear();
  }

  /** Reopens one device after its row changed (or closes it when removed/disabled). */
  reload(deviceId: number): Promise<void> {
    return this.serial(async () => {
      const running = this.devices.get(deviceId);
      if (running) {
        this.devices.delete(deviceId);
        await running.stop().catch(() => undefined);
      }
      if (!this.started) return;
      let stored: StoredDevice;
      try {
        stored = getDevice(this.opts.db, deviceId);
      } catch {
        return; // removed
      }
      await this.open(stored);
      this.worker.kick();
    });
  }

  /** Configured devices with their live status. */
  list(): DeviceView[] {
    return listDevices(this.opts.db).map((d) => this.view(d));
  }

  /** One configured device with its live status. */
  view(d: StoredDevice): DeviceView {
    return {
      id: d.id,
      createdAt: d.createdAt,
      updatedAt: d.updatedAt,
      ...d.config,
      status: this.statusOf(d),
      simulated: d.config.transport.type === 'simulated',
      ...(d.invalid !== undefined ? { invalid: d.invalid } : {}),
    };
  }

  /** Serial ports and HID-POS scanners on this PC, marked with the devices that use them. */
  detect(): Promise<DetectedHardware> {
    const configured = listDevices(this.opts.db).map((d) => ({
      deviceId: d.id,
      name: d.config.name,
      transport: d.config.transport,
    }));
    return detectHardware(configured, this.opts.detect);
  }

  /** The open device with this id, if any. */
  runningDevice(deviceId: number): RunningDevice | undefined {
    return this.devices.get(deviceId);
  }

  /** The simulated printer behind a simulated printer device (its bytes and paper), if any. */
  simulatedPrinter(deviceId: number): SimulatedEscPosPrinter | undefined {
    const d = this.devices.get(deviceId);
    return d instanceof PrinterDevice ? d.simulator : undefined;
  }

  /** Where jobs for `role` print: the open, enabled printer with that role. */
  printerFor(role: string): PrinterTarget | undefined {
    for (const d of this.devices.values()) {
      if (d instanceof PrinterDevice && d.device.config.role === role) {
        return { deviceId: d.device.id, label: d.label, print: (bytes) => d.print(bytes) };
      }
    }
    return undefined;
  }

  /** Asks the print queue to look for due jobs now. */
  kickPrintQueue(): void {
    if (this.started) this.worker.kick();
  }

  /**
   * Scans a code on the simulated scanner (the first open one): HID-POS reports through the real
   * parser → `scanner.scan`. AppError DEVICE_NO_SIMULATED_SCANNER when there is none.
   */
  async simulateScan(code: string, aim: string | undefined): Promise<number> {
    this.requireRunning();
    for (const d of this.devices.values()) {
      if (d instanceof ScannerDevice && d.simulated) {
        await d.simulateScan(code, aim);
        return d.device.id;
      }
    }
    throw new AppError('DEVICE_NO_SIMULATED_SCANNER');
  }

  /** Sets what a simulated meter measures. AppError DEVICE_NOT_FOUND / DEVICE_WRONG_KIND / DEVICE_NOT_SIMULATED. */
  async simulateMeter(deviceId: number, sim: MeterSimulation): Promise<void> {
    this.requireRunning();
    const d = this.openDevice(deviceId);
    if (!(d instanceof MeterDevice)) throw new AppError('DEVICE_WRONG_KIND', { deviceId, expected: 'meter' });
    await d.simulate(sim);
  }

  /** One reading from a meter, or a fresh status of a printer or scanner. */
  async testRead(
    deviceId: number,
  ): Promise<
    | { kind: 'meter'; reading: Reading; identity?: ScpiIdentity }
    | { kind: 'printer' | 'scanner'; status: DeviceStatus }
  > {
    this.requireRunning();
    const d = this.openDevice(deviceId);
    if (d instanceof MeterDevice) return { kind: 'meter', ...(await d.readOnce()) };
    if (d instanceof PrinterDevice) return { kind: 'printer', status: await d.checkStatus() };
    return { kind: 'scanner', status: d.status };
  }

  private openDevice(deviceId: number): RunningDevice {
    const d = this.devices.get(deviceId);
    if (d) return d;
    const stored = getDevice(this.opts.db, deviceId); // DEVICE_NOT_FOUND when there is no such row
    throw new AppError('DEVICE_NOT_CONNECTED', { deviceId, enabled: stored.config.enabled });
  }

  private requireRunning(): void {
    if (!this.started) throw new AppError('DEVICES_NOT_RUNNING');
  }

  private statusOf(d: StoredDevice): DeviceStatus {
    const at = this.opts.now();
    if (d.invalid) return deviceStatus('error', 'devices.state.configInvalid', at, { problem: d.invalid });
    if (!d.config.enabled) return deviceStatus('stopped', 'devices.state.disabled', at);
    const running = this.devices.get(d.id);
    if (running) return running.status;
    return deviceStatus('stopped', this.started ? 'devices.state.stopped' : 'devices.state.notStarted', at);
  }

  private async open(stored: StoredDevice): Promise<void> {
    if (!stored.config.enabled || stored.invalid || this.closed) return;
    const now = this.opts.now;
    const onStatus = (status: DeviceStatus): void => this.emitStatus(stored, status);
    let device: RunningDevice;
    switch (stored.config.kind) {
      case 'scanner':
        device = new ScannerDevice(stored, { now, onStatus, onScan: (scan) => this.emitScan(scan) });
        break;
      case 'printer':
        device = new PrinterDevice(stored, { now, onStatus, paperWidth: () => this.paperWidth() });
        break;
      case 'meter':
        device = new MeterDevice(stored, {
          now,
          onStatus,
          onReading: (reading) => this.emitReading(stored, reading),
        });
        break;
    }
    this.devices.set(stored.id, device);
    try {
      await device.start();
    } catch (e) {
      const detail = e instanceof Error ? e.message : String(e);
      this.emitStatus(
        stored,
        deviceStatus('error', 'devices.state.openFailed', now(), {
          detail,
          connection: transportLabel(stored.config.driver, stored.config.transport, stored.id),
        }),
      );
    }
  }

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.chain.then(fn, fn);
    this.chain = run.catch(() => undefined);
    return run;
  }

  private emit(fn: () => void): void {
    if (this.closed) return;
    try {
      fn();
    } catch {
      // an event that does not validate must not break a driver; the bus logs nothing here
    }
  }

  private emitStatus(stored: StoredDevice, status: DeviceStatus): void {
    this.emit(() =>
      this.opts.events.emit('device.status', {
        deviceId: stored.id,
        kind: stored.config.kind,
        role: stored.config.role,
        state: status.state,
        messageKey: status.messageKey,
        params: status.params,
        at: status.at,
      }),
    );
  }

  private emitScan(scan: ScanEvent): void {
    this.emit(() => this.opts.events.emit('scanner.scan', { ...scan, route: routeFor(scan.classification) }));
  }

  private emitReading(stored: StoredDevice, reading: Reading): void {
    this.emit(() =>
      this.opts.events.emit('meter.reading', { deviceId: stored.id, role: stored.config.role, reading }),
    );
  }

  /** Emits a print job change (also used by the print.* handlers). */
  emitJob(change: PrintJobChange): void {
    this.emit(() => this.opts.events.emit('print.job', change));
  }
}
