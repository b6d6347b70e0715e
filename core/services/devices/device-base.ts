/**
 * What every open device shares, whatever its kind: its configuration and label, the live status
 * and the report behind `device.status`, the transport of its configuration (or the driver's end
 * of an in-memory cable to a simulator), unplugging and replugging that cable, and the lifecycle:
 * start() opens the kind's driver; stop() stops the driver, then the simulator's end, then shows
 * the kind's stopped status. Printer, scanner and meter devices keep only their protocol's code.
 */
import type { DeviceStatus } from '../../../shared/contract/methods/devices';
import type { MemoryTransport } from '../../hardware/transport/memory-transport';
import type { ByteTransport } from '../../hardware/transport/types';
import type { StoredDevice } from './device-repo';
import { deviceStatus } from './device-status';
import type { RunningDevice } from './running-device';
import { createDeviceTransport, createSimulatedLink, transportLabel } from './transport-factory';

/** Callbacks every device kind gets from the device manager. */
export interface DeviceHooks {
  now: () => number;
  onStatus: (status: DeviceStatus) => void;
}

export interface DeviceBaseOptions {
  /** The status key shown once stopped (`devices.state.stopped`, `scanner.status.stopped`, `meter.status.closed`). */
  stoppedKey: string;
  /** Report a status only when its state or message changed (printers poll the same status). */
  changesOnly?: boolean;
}

export abstract class DeviceBase<H extends DeviceHooks = DeviceHooks> implements RunningDevice {
  readonly device: StoredDevice;
  readonly label: string;
  protected readonly hooks: H;
  /** True until start() and from stop() on: late driver callbacks are ignored. */
  protected stopped = true;
  private readonly options: DeviceBaseOptions;
  private current: DeviceStatus;
  private link: { driverEnd: MemoryTransport; simEnd: MemoryTransport } | undefined;

  constructor(device: StoredDevice, hooks: H, options: DeviceBaseOptions) {
    this.device = device;
    this.hooks = hooks;
    this.options = options;
    this.label = transportLabel(device.config.driver, device.config.transport, device.id);
    this.current = deviceStatus('stopped', options.stoppedKey, hooks.now());
  }

  get status(): DeviceStatus {
    return this.current;
  }

  /** True for a device whose far end is a simulator (demo mode, tests). */
  get simulated(): boolean {
    return this.device.config.transport.type === 'simulated';
  }

  get simulatedCable(): RunningDevice['simulatedCable'] {
    const link = this.link;
    if (!link) return undefined;
    return {
      unplug: () => link.driverEnd.unplug(),
      plug: async () => {
        link.driverEnd.plug();
        await link.simEnd.open();
      },
    };
  }

  /** Opens the device; failures show in status and are retried by the driver. */
  async start(): Promise<void> {
    this.stopped = false;
    await this.open();
  }

  /** Stops the driver and every timer, closes the simulator's end, then reports the stopped status. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.halt();
    await this.link?.simEnd.close();
    this.report(deviceStatus('stopped', this.options.stoppedKey, this.hooks.now()));
  }

  /** The kind's start: build the driver and open it. */
  protected abstract open(): Promise<void>;

  /** The kind's stop: timers, simulators and the driver (the simulator's end is closed after). */
  protected abstract halt(): Promise<void>;

  /**
   * The transport of the configuration, or for a simulated device the driver's end of a new
   * in-memory cable whose other end (`simulatorEnd`, already open) the simulator speaks on.
   */
  protected async createTransport(): Promise<ByteTransport> {
    const { driver, transport } = this.device.config;
    if (transport.type !== 'simulated') return createDeviceTransport(driver, transport);
    this.link = await createSimulatedLink(`${driver}-${this.device.id}`);
    return this.link.driverEnd;
  }

  /** The simulator's end of the cable made by createTransport(), if any. */
  protected get simulatorEnd(): MemoryTransport | undefined {
    return this.link?.simEnd;
  }

  /** Shows a status and tells the manager (`device.status`). */
  protected report(status: DeviceStatus): void {
    const c = this.current;
    this.current = status;
    if (this.options.changesOnly && c.state === status.state && c.messageKey === status.messageKey) return;
    this.hooks.onStatus(status);
  }
}
