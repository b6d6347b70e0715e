/** How a device's connection reads on the screen: "串口 /dev/ttyUSB0 · 19200", "网络 (TCP) 192.168.1.50:9100". */
import type { TFunction } from 'i18next';
import type { DeviceDriver, DeviceTransport } from '../../../../shared/contract/methods/devices';

/** Default TCP port of a driver: 9100 for printers (raw), 5025 for SCPI meters. */
export function defaultTcpPort(driver: DeviceDriver): number {
  return driver === 'scpi' ? 5025 : 9100;
}

/** A 16-bit USB id as four hex digits ("0c2e"). */
export function hex4(n: number): string {
  return n.toString(16).padStart(4, '0');
}

/** The connection in words, in the UI language. */
export function connectionLabel(t: TFunction, driver: DeviceDriver, tr: DeviceTransport): string {
  const kind = t(`devices.transport.${tr.type}`);
  switch (tr.type) {
    case 'serial':
      return tr.baudRate !== undefined ? `${kind} ${tr.path} · ${tr.baudRate}` : `${kind} ${tr.path}`;
    case 'tcp':
      return `${kind} ${tr.host}:${tr.port ?? defaultTcpPort(driver)}`;
    case 'file':
      return `${kind} ${tr.path}`;
    case 'hid':
      return tr.vendorId !== undefined
        ? `${kind} ${hex4(tr.vendorId)}:${hex4(tr.productId ?? 0)}`
        : `${kind} · ${t('devices.ui.form.hidAny')}`;
    case 'simulated':
      return kind;
  }
}
