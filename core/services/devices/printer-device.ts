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
import type { ByteTransport } from '../../hardware/transport/types';
import { DeviceBase, type DeviceHooks } from './device-base';
import type { StoredDevice } from './device-repo';
import { deviceStatus, fromPrintError, fromPrinterStatus, serialProblemKey } from './device-status';
import { lastTransportError } from './transport-factory';

export interface PrinterDeviceHooks extends DeviceHooks {
  /** Paper width of the simulated printer's screen (the store's receipt width). */
  paperWidth: () => PaperWidth;
}

const DEFAULT_STATUS_POLL_MS = 30_000;

export class PrinterDevice extends DeviceBase<PrinterDeviceHooks> {
  private driver: EscPosPrinter | undefined;
  private transport: ByteTransport | undefined;
  private sim: SimulatedEscPosPrinter | undefined;
  private poll: ReturnType<typeof setInterval> | undefined;

  constructor(device: StoredDevice, hooks: PrinterDeviceHooks) {
    super(device, hooks, { stoppedKey: 'devices.state.stopped', changesOnly: true });
  }

  /** The simulated printer on the other end (demo mode), with its bytes and decoded paper. */
  get simulator(): SimulatedEscPosPrinter | undefined {
    return this.sim;
  }

  protected async open(): Promise<void> {
    const { options } = this.device.config;
    this.transport = await this.createTransport();
    const simEnd = this.simulatorEnd;
    if (simEnd) {
      this.sim = new SimulatedEscPosPrinter({ columns: this.hooks.paperWidth() === 58 ? 32 : 48 });
      this.sim.connect(simEnd);
    }
    this.driver = new EscPosPrinter({
      transport: this.transport,
      now: this.hooks.now,
      ...(options.replyTimeoutMs !== undefined ? { replyTimeoutMs: options.replyTimeoutMs } : {}),
      ...(options.drawerOpenLevel !== undefined ? { drawerOpenLevel: options.drawerOpenLevel } : {}),
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
    const pollMs = options.statusPollMs ?? DEFAULT_STATUS_POLL_MS;
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
    if (!driver || this.stopped) return this.status;
    const status = await driver.status();
    if (!this.stopped) this.reportPrinterStatus(status);
    return this.status;
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
        const detail = lastTransportError(this.transport);
        if (detail && serialProblemKey(detail))
          value.details = { ...value.details, detail, path: this.label };
        this.report(fromPrintError(value, this.hooks.now()));
      }
      throw e;
    }
  }

  protected async halt(): Promise<void> {
    if (this.poll) clearInterval(this.poll);
    this.poll = undefined;
    await this.driver?.close().catch(() => undefined);
  }

  private reportPrinterStatus(s: PrinterStatus): void {
    if (s.kind === 'unreachable') {
      const detail = lastTransportError(this.transport);
      if (detail && serialProblemKey(detail)) {
        this.report(fromPrinterStatus({ ...s, reason: detail }));
        return;
      }
    }
    this.report(fromPrinterStatus(s));
  }
}
