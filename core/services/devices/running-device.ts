/**
 * What the device manager holds for each open device, whatever its kind: its configuration,
 * live status, start/stop, and the hooks of simulated devices (unplug/plug the in-memory cable).
 * Every kind implements it through DeviceBase (device-base.ts).
 */
import type { DeviceStatus } from '../../../shared/contract/methods/devices';
import type { StoredDevice } from './device-repo';

export interface RunningDevice {
  readonly device: StoredDevice;
  /** e.g. `serial:/dev/ttyUSB0`, `tcp:10.0.0.5:9100`, `simulated:escpos-2`. */
  readonly label: string;
  readonly status: DeviceStatus;
  /** Opens the device; never rejects (failures show in status and are retried). */
  start(): Promise<void>;
  /** Closes the device and stops every timer. */
  stop(): Promise<void>;
  /** Simulated devices only: pulls / puts back the in-memory cable. */
  readonly simulatedCable?: { unplug(): void; plug(): Promise<void> };
}
