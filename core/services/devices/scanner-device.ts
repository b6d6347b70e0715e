/**
 * A configured barcode scanner: HID-POS through node-hid (or the simulated HID backend in demo
 * mode) or a serial scanner (serial port, or an in-memory pair whose far end the simulator
 * writes to). Scans leave classified, with the screen they are routed to; unplugging is a
 * status change and the scanner is picked up again when it comes back.
 */
import type { ScanEvent } from '../../../shared/domain/scanner/scan-event';
import { AppError } from '../../../shared/contract/errors';
import { nodeHidBackend } from '../../hardware/scanners/hid-device';
import { HidScanner } from '../../hardware/scanners/hid-scanner';
import type { ScannerStatus } from '../../hardware/scanners/scanner-events';
import { SerialScanner } from '../../hardware/scanners/serial-scanner';
import { SimulatedHidBackend } from '../../hardware/scanners/simulated-hid-scanner';
import { createRetryLoop, type RetryLoop } from '../../hardware/transport/retry-loop';
import type { ByteTransport } from '../../hardware/transport/types';
import { DeviceBase, type DeviceHooks } from './device-base';
import type { StoredDevice } from './device-repo';
import { deviceStatus, fromScannerStatus, serialProblemKey } from './device-status';
import type { RunningDevice } from './running-device';
import { lastTransportError } from './transport-factory';

export interface ScannerDeviceHooks extends DeviceHooks {
  onScan: (scan: ScanEvent) => void;
}

export class ScannerDevice extends DeviceBase<ScannerDeviceHooks> {
  private hid: HidScanner | undefined;
  private serial: SerialScanner | undefined;
  private transport: ByteTransport | undefined;
  private simBackend: SimulatedHidBackend | undefined;
  /** Tries a serial port that could not be opened again every `pollMs`. */
  private retry: RetryLoop | undefined;

  constructor(device: StoredDevice, hooks: ScannerDeviceHooks) {
    super(device, hooks, { stoppedKey: 'scanner.status.stopped' });
  }

  override get simulatedCable(): RunningDevice['simulatedCable'] {
    const backend = this.simBackend;
    if (backend) return { unplug: () => backend.unplug(), plug: async () => backend.plug() };
    return super.simulatedCable;
  }

  protected async open(): Promise<void> {
    const { config } = this.device;
    const pollMs = config.options.pollMs ?? 2000;
    const onStatus = (s: ScannerStatus): void => this.report(fromScannerStatus(s));
    const onScan = (e: ScanEvent): void => this.hooks.onScan(e);
    if (config.driver === 'hid-pos') {
      const t = config.transport;
      const simulated = t.type === 'simulated';
      if (simulated) this.simBackend = new SimulatedHidBackend(true);
      this.hid = new HidScanner({
        onScan,
        onStatus,
        backend: this.simBackend ?? nodeHidBackend(),
        pollMs: simulated ? Math.min(pollMs, 200) : pollMs,
        source: simulated ? 'simulated' : 'hid',
        now: this.hooks.now,
        ...(t.type === 'hid' && t.vendorId !== undefined
          ? {
              match: {
                vendorId: t.vendorId,
                ...(t.productId !== undefined ? { productId: t.productId } : {}),
              },
            }
          : {}),
      });
      this.hid.start();
      return;
    }
    this.transport = await this.createTransport();
    this.serial = new SerialScanner({
      transport: this.transport,
      onScan,
      onStatus,
      source: this.simulated ? 'simulated' : 'serial',
      now: this.hooks.now,
      reconnectMs: pollMs,
    });
    this.retry = createRetryLoop(() => this.openSerial(), pollMs);
    if (!(await this.openSerial())) this.retry.schedule();
  }

  /** Opens the serial scanner; false (status `error`, with the port's problem) when it cannot. */
  private async openSerial(): Promise<boolean> {
    const scanner = this.serial;
    if (!scanner || this.stopped) return true;
    try {
      await scanner.start();
      return true;
    } catch (e) {
      const detail = lastTransportError(this.transport) ?? (e instanceof Error ? e.message : String(e));
      const key = serialProblemKey(detail) ?? 'scanner.status.openFailed';
      this.report(
        deviceStatus('error', key, this.hooks.now(), { device: this.label, path: this.label, detail }),
      );
      return this.stopped;
    }
  }

  protected async halt(): Promise<void> {
    this.retry?.cancel();
    await this.hid?.stop();
    await this.serial?.stop();
  }

  /**
   * Scans `code` on the simulated scanner: HID-POS reports (with `aim`) into the real parser, or
   * the code + CR over the in-memory serial line. AppError DEVICE_NOT_SIMULATED / DEVICE_NOT_CONNECTED.
   */
  async simulateScan(code: string, aim: string | undefined): Promise<void> {
    if (!this.simulated) throw new AppError('DEVICE_NOT_SIMULATED', { deviceId: this.device.id });
    if (this.simBackend) {
      if (!this.simBackend.scan(code, aim))
        throw new AppError('DEVICE_NOT_CONNECTED', { deviceId: this.device.id });
      return;
    }
    const end = this.simulatorEnd;
    if (!end?.isOpen) throw new AppError('DEVICE_NOT_CONNECTED', { deviceId: this.device.id });
    await end.write(new TextEncoder().encode(`${aim ?? ''}${code}\r`));
  }
}
