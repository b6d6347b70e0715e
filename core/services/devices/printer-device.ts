/**
 * A configured ESC/POS receipt printer: the driver over its transport (serial, TCP 9100, file,
 * or an in-memory pair to the simulated printer in demo mode). It asks the printer's status
 * while idle (DLE EOT, every `statusPollMs`), prints jobs for the print queue, and turns each
 * outcome into a device status (ready, paper out, cover open, offline, unreachable…).
 */
import { AppError, isAppError } from '../../../shared/contract/errors';
import type { DeviceStatus } from '../../../shared/contract/methods/devices';
import type { PaperWidth } from '../../../shared/domain/receipt/layout';
import type { PrinterStatus } from '../../../shared/domain/receipt/printer-status';
import { EscPosPrinter, type PrintReport } from '../../hardware/printers/printer-driver';
import { SimulatedEscPosPrinter } from '../../hardware/printers/simulated-printer';
import type { MemoryTransport } from '../../hardware/transport/memory-transport';
import type { ByteTransport } from '../../hardware/transport/types';
import type { StoredDevice } from './device-repo';
import { deviceStatus, fromPrintError, fromPrinterStatus, serialProblemKey } from './device-status';
import type { RunningDevice } from './running-device';
import { createDeviceTransport, createSimulatedLink, transportLabel } from './transport-factory';

export interface PrinterDeviceHooks {
  now: () => number;
  onStatus: (status: DeviceStatus) => void;
  /** Paper width of the simulated printer's screen (the store's receipt width). */
  paperWidth: () => PaperWidth;
}

const DEFAULT_STATUS_POLL_MS = 30_000;

export class PrinterDevice implements RunningDevice {
  readonly device: StoredDevice;
  readonly label: string;
  private readonly hooks: PrinterDeviceHooks;
  private current: DeviceStatus;
  private driver: EscPosPrinter | undefined;
  private transport: ByteTransport | undefined;
  private sim: SimulatedEscPosPrinter | undefined;
  private simEnd: MemoryTransport | undefined;
  private driverEnd: MemoryTransport | undefined;
  private poll: ReturnType<typeof setInterval> | undefined;
  private stopped = true;

  constructor(device: StoredDevice, hooks: PrinterDeviceHooks) {
    this.device = device;
    this.hooks = hooks;
    this.label = transportLabel(device.config.driver, device.config.transport, device.id);
    this.current = deviceStatus('stopped', 'devices.state.stopped', hooks.now());
  }

  get status(): DeviceStatus {
    return this.current;
  }

  /** The simulated printer on the other end (demo mode), with its bytes and decoded paper. */
  get simulator(): SimulatedEscPosPrinter | undefined {
    return this.sim;
  }

  get simulatedCable(): RunningDevice['simulatedCable'] {
    const driverEnd = this.driverEnd;
    const simEnd = this.simEnd;
    if (!driverEnd || !simEnd) return undefined;
    return {
      unplug: () => driverEnd.unplug(),
      plug: async () => {
        driverEnd.plug();
        await simEnd.open();
      },
    };
  }

  async start(): Promise<void> {
    this.stopped = false;
    const { config } = this.device;
    if (config.transport.type === 'simulated') {
      const link = await createSimulatedLink(`escpos-${this.device.id}`);
      this.driverEnd = link.driverEnd;
      this.simEnd = link.simEnd;
      this.sim = new SimulatedEscPosPrinter({ columns: this.hooks.paperWidth() === 58 ? 32 : 48 });
      this.sim.connect(link.simEnd);
      this.transport = link.driverEnd;
    } else {
      this.transport = createDeviceTransport(config.driver, config.transport);
    }
    this.driver = new EscPosPrinter({
      transport: this.transport,
      now: this.hooks.now,
      ...(config.options.replyTimeoutMs !== undefined
        ? { replyTimeoutMs: config.options.replyTimeoutMs }
        : {}),
      ...(config.options.drawerOpenLevel !== undefined
        ? { drawerOpenLevel: config.options.drawerOpenLevel }
        : {}),
    });
    this.driver.onStatus((s) => this.reportPrinterStatus(s));
    this.transport.onClose((error) => {
      if (error && !this.stopped)
        this.report(
          deviceStatus('disconnected', 'printer.status.unreachable', this.hooks.now(), {
            reason: error.message,
          }),
        );
    });
    const pollMs = config.options.statusPollMs ?? DEFAULT_STATUS_POLL_MS;
    if (pollMs > 0) {
      this.poll = setInterval(() => void this.checkStatus(), pollMs);
      this.poll.unref?.();
    }
    // Not awaited: an unreachable network printer (connect timeout) must not hold up the other devices.
    void this.checkStatus();
  }

  /** Asks the printer for its status now and reports it (never rejects). */
  async checkStatus(): Promise<DeviceStatus> {
    const driver = this.driver;
    if (!driver || this.stopped) return this.current;
    const status = await driver.status();
    if (!this.stopped) this.reportPrinterStatus(status);
    return this.current;
  }

  /** Prints one job through the driver (status before and after); rejects with the driver's AppError. */
  async print(bytes: Uint8Array): Promise<PrintReport> {
    const driver = this.driver;
    if (!driver || this.stopped)
      throw new AppError('PRINT_NO_PRINTER', { deviceId: this.device.id, phase: 'connect' });
    try {
      const report = await driver.print(bytes);
      if (!this.stopped) this.reportPrinterStatus(report.after);
      return report;
    } catch (e) {
      if (!this.stopped && isAppError(e)) {
        const value = e.toValue();
        const detail = this.transportError();
        if (detail && serialProblemKey(detail))
          value.details = { ...value.details, detail, path: this.label };
        this.report(fromPrintError(value, this.hooks.now()));
      }
      throw e;
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.poll) clearInterval(this.poll);
    this.poll = undefined;
    await this.driver?.close().catch(() => undefined);
    await this.simEnd?.close();
    this.report(deviceStatus('stopped', 'devices.state.stopped', this.hooks.now()));
  }

  private transportError(): string | undefined {
    const e = (this.transport as { lastError?: unknown } | undefined)?.lastError;
    return typeof e === 'string' ? e : undefined;
  }

  private reportPrinterStatus(s: PrinterStatus): void {
    if (s.kind === 'unreachable') {
      const detail = this.transportError();
      if (detail && serialProblemKey(detail)) {
        this.report(fromPrinterStatus({ ...s, reason: detail }));
        return;
      }
    }
    this.report(fromPrinterStatus(s));
  }

  private report(status: DeviceStatus): void {
    const c = this.current;
    this.current = status;
    if (c.state === status.state && c.messageKey === status.messageKey) return;
    this.hooks.onStatus(status);
  }
}
