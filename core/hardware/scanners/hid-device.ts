/**
 * The HID boundary: enumerate and open devices. The real backend is node-hid (loaded lazily so that
 * importing this file never loads a native module); demo mode and tests pass a simulated backend.
 */
import { HID_POS_USAGE_PAGE } from './hid-pos-report';

export interface HidDeviceInfo {
  vendorId: number;
  productId: number;
  path?: string;
  serialNumber?: string;
  manufacturer?: string;
  product?: string;
  interface?: number;
  usagePage?: number;
  usage?: number;
}

/** An open device as node-hid's HIDAsync presents it: 'data' with each input report, 'error' on unplug. */
export interface HidDeviceHandle {
  on(event: 'data', listener: (report: Buffer) => void): unknown;
  on(event: 'error', listener: (error: unknown) => void): unknown;
  close(): Promise<void>;
}

export interface HidBackend {
  enumerate(): Promise<HidDeviceInfo[]>;
  open(device: HidDeviceInfo): Promise<HidDeviceHandle>;
}

/** Vendor/product ids from settings for scanners that do not report usage page 0x8C. */
export interface HidScannerMatch {
  vendorId?: number;
  productId?: number;
}

/** `hid:0c2e:0b8f` (+ `:serial` when the device has one). */
export function hidDeviceId(d: HidDeviceInfo): string {
  const hex = (n: number): string => n.toString(16).padStart(4, '0');
  return `hid:${hex(d.vendorId)}:${hex(d.productId)}${d.serialNumber ? `:${d.serialNumber}` : ''}`;
}

/**
 * The device to open: with vendor/product from settings, that device (its usage page 0x8C
 * interface when it has several); otherwise the first interface on usage page 0x8C.
 */
export function pickHidScanner(
  devices: readonly HidDeviceInfo[],
  match: HidScannerMatch = {},
): HidDeviceInfo | undefined {
  if (match.vendorId !== undefined) {
    const same = devices.filter(
      (d) =>
        d.vendorId === match.vendorId && (match.productId === undefined || d.productId === match.productId),
    );
    return same.find((d) => d.usagePage === HID_POS_USAGE_PAGE) ?? same[0];
  }
  return devices.find((d) => d.usagePage === HID_POS_USAGE_PAGE);
}

/** The real backend: node-hid's `devicesAsync()` and `HIDAsync.open()`. */
export function nodeHidBackend(): HidBackend {
  return {
    async enumerate() {
      const hid = await import('node-hid');
      const list = await hid.devicesAsync();
      return list.map((d) => {
        const info: HidDeviceInfo = { vendorId: d.vendorId, productId: d.productId, interface: d.interface };
        if (d.path) info.path = d.path;
        if (d.serialNumber) info.serialNumber = d.serialNumber;
        if (d.manufacturer) info.manufacturer = d.manufacturer;
        if (d.product) info.product = d.product;
        if (d.usagePage !== undefined) info.usagePage = d.usagePage;
        if (d.usage !== undefined) info.usage = d.usage;
        return info;
      });
    },
    async open(device) {
      const hid = await import('node-hid');
      const handle = device.path
        ? await hid.HIDAsync.open(device.path)
        : await hid.HIDAsync.open(device.vendorId, device.productId);
      return handle;
    },
  };
}
