/**
 * A simulated HID-POS scanner: turns a code into exactly the input reports a real scanner sends
 * (see hid-pos-report.ts), split over several reports with the continuation bit when longer than
 * 56 bytes. Demo mode and tests plug it into HidScanner, so the real parser does the work.
 */
import { EventEmitter } from 'node:events';
import type { HidBackend, HidDeviceHandle, HidDeviceInfo } from './hid-device';
import {
  HID_POS_LAYOUT,
  HID_POS_USAGE_BARCODE_SCANNER,
  HID_POS_USAGE_PAGE,
  type HidPosLayout,
} from './hid-pos-report';

export interface SimulatedReportOptions {
  layout?: Readonly<HidPosLayout>;
  /** Vendor symbology byte (Honeywell code id), default 0. */
  vendorSymbology?: number;
}

/**
 * The input reports for `code` (UTF-8 when a string) with AIM id `aim` (3 ASCII chars, or undefined for
 * zeros). An empty code gives no reports. Throws RangeError for an AIM id that is not 3 ASCII characters.
 */
export function hidPosReportsFor(
  code: string | Uint8Array,
  aim?: string,
  options: SimulatedReportOptions = {},
): Buffer[] {
  const layout = options.layout ?? HID_POS_LAYOUT;
  const bytes = typeof code === 'string' ? new TextEncoder().encode(code) : code;
  if (aim !== undefined && !/^[\x20-\x7e]{3}$/.test(aim))
    throw new RangeError(`AIM id must be 3 ASCII characters: ${aim}`);
  const reports: Buffer[] = [];
  for (let offset = 0; offset < bytes.length; offset += layout.dataCapacity) {
    const chunk = bytes.subarray(offset, offset + layout.dataCapacity);
    const r = Buffer.alloc(layout.reportSize);
    r[0] = layout.reportId;
    r[layout.lengthOffset] = chunk.length;
    if (aim !== undefined) r.write(aim, layout.aimOffset, 'latin1');
    r.set(chunk, layout.dataOffset);
    r[layout.vendorSymbologyOffset] = options.vendorSymbology ?? 0;
    if (offset + layout.dataCapacity < bytes.length) r[layout.flagsOffset] = layout.moreDataBit;
    reports.push(r);
  }
  return reports;
}

/** A simulated device handle: `scan()` emits 'data' reports like node-hid, `unplug()` emits 'error'. */
export class SimulatedHidDevice extends EventEmitter implements HidDeviceHandle {
  closed = false;

  /** Emits the reports of one scan, synchronously and in order. */
  scan(code: string | Uint8Array, aim?: string, options?: SimulatedReportOptions): void {
    for (const r of hidPosReportsFor(code, aim, options)) this.emitReport(r);
  }

  /** Emits one raw report (for hostile-input tests and demo noise). */
  emitReport(report: Buffer): void {
    if (!this.closed) this.emit('data', report);
  }

  /** Behaves like a pulled USB cable: node-hid reports a read error. */
  unplug(message = 'could not read from HID device'): void {
    if (!this.closed) this.emit('error', new Error(message));
  }

  async close(): Promise<void> {
    this.closed = true;
    this.removeAllListeners();
  }
}

/** The device the simulated backend lists: a HID-POS barcode scanner interface. */
export const SIMULATED_HID_SCANNER: Readonly<HidDeviceInfo> = Object.freeze({
  vendorId: 0xcd01,
  productId: 0x5ca1,
  path: 'simulated:hid-pos-0',
  product: 'CounterDesk simulated scanner',
  usagePage: HID_POS_USAGE_PAGE,
  usage: HID_POS_USAGE_BARCODE_SCANNER,
});

/**
 * A HID backend with one simulated scanner that can be plugged and unplugged: demo mode gives it
 * to HidScanner, tests use it to drive connect / unplug / reconnect through the real driver.
 */
export class SimulatedHidBackend implements HidBackend {
  /** The open handle, if the driver has opened the device. */
  device: SimulatedHidDevice | undefined;
  private plugged: boolean;
  /** Make the next enumerate() reject with this message (e.g. no udev), once. */
  failNextEnumerate: string | undefined;

  constructor(plugged = true) {
    this.plugged = plugged;
  }

  async enumerate(): Promise<HidDeviceInfo[]> {
    if (this.failNextEnumerate !== undefined) {
      const message = this.failNextEnumerate;
      this.failNextEnumerate = undefined;
      throw new Error(message);
    }
    return this.plugged ? [{ ...SIMULATED_HID_SCANNER }] : [];
  }

  async open(device: HidDeviceInfo): Promise<HidDeviceHandle> {
    if (!this.plugged || device.path !== SIMULATED_HID_SCANNER.path)
      throw new Error('could not open HID device');
    this.device = new SimulatedHidDevice();
    return this.device;
  }

  /** Scans `code` on the open device; false when no device is open. */
  scan(code: string | Uint8Array, aim?: string): boolean {
    if (!this.device || this.device.closed) return false;
    this.device.scan(code, aim);
    return true;
  }

  /** Pulls the cable: the open handle reports a read error and enumeration no longer lists it. */
  unplug(): void {
    this.plugged = false;
    this.device?.unplug();
  }

  /** Plugs the scanner back in; the driver finds it at its next poll. */
  plug(): void {
    this.plugged = true;
  }
}
