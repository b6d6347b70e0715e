/**
 * Device transport settings (JSON in the `devices` table) → a ByteTransport: serial port, raw
 * TCP, append-to-file, or an in-memory pair whose far end a simulator speaks on. Each driver's
 * defaults fill what the settings leave out (9600 8N1 for printers and SCPI meters, the fixed
 * 19200 7O1 DTR-on RTS-off line of the UT61E, port 9100 for printers and 5025 for SCPI over LAN).
 */
import type { DeviceDriver, DeviceTransport } from '../../../shared/contract/methods/devices';
import { UT61E_SERIAL_SETTINGS } from '../../hardware/meters/ut61e-driver';
import { createFileTransport } from '../../hardware/transport/file-transport';
import { createMemoryPair, type MemoryTransport } from '../../hardware/transport/memory-transport';
import { createSerialTransport, type SerialSettings } from '../../hardware/transport/serial-transport';
import { createTcpTransport } from '../../hardware/transport/tcp-transport';
import type { ByteTransport } from '../../hardware/transport/types';

/** Default TCP port per driver: 9100 (raw printing) for printers, 5025 (SCPI raw socket) for meters. */
export function defaultTcpPort(driver: DeviceDriver): number {
  return driver === 'scpi' ? 5025 : 9100;
}

/** Serial line settings for a driver, with what the device config gives on top. */
export function serialSettingsFor(
  driver: DeviceDriver,
  t: Extract<DeviceTransport, { type: 'serial' }>,
): SerialSettings {
  if (driver === 'ut61e') return { path: t.path, ...UT61E_SERIAL_SETTINGS };
  const s: SerialSettings = { path: t.path, baudRate: t.baudRate ?? 9600 };
  if (t.dataBits !== undefined) s.dataBits = t.dataBits;
  if (t.parity !== undefined) s.parity = t.parity;
  if (t.stopBits !== undefined) s.stopBits = t.stopBits;
  if (t.dtr !== undefined) s.dtr = t.dtr;
  if (t.rts !== undefined) s.rts = t.rts;
  if (t.rtscts !== undefined) s.rtscts = t.rtscts;
  return s;
}

/** The byte transport for a serial / TCP / file device (HID and simulated devices are built elsewhere). */
export function createDeviceTransport(driver: DeviceDriver, t: DeviceTransport): ByteTransport {
  switch (t.type) {
    case 'serial':
      return createSerialTransport(serialSettingsFor(driver, t));
    case 'tcp':
      return createTcpTransport({
        host: t.host,
        port: t.port ?? defaultTcpPort(driver),
        ...(t.connectTimeoutMs !== undefined ? { connectTimeoutMs: t.connectTimeoutMs } : {}),
      });
    case 'file':
      return createFileTransport(t.path);
    case 'hid':
    case 'simulated':
      throw new TypeError(`no byte transport for ${t.type} devices`);
  }
}

/** The last error a serial or TCP transport kept (for the serial problem messages), if any. */
export function lastTransportError(t: ByteTransport | undefined): string | undefined {
  const e = t && 'lastError' in t ? t.lastError : undefined;
  return typeof e === 'string' ? e : undefined;
}

/** A pair for a simulated device: the driver's end and the simulator's end (opened). */
export async function createSimulatedLink(
  name: string,
): Promise<{ driverEnd: MemoryTransport; simEnd: MemoryTransport }> {
  const [driverEnd, simEnd] = createMemoryPair({ ids: [`simulated:${name}`, `simulator:${name}`] });
  await simEnd.open();
  return { driverEnd, simEnd };
}

/** A short label for a transport config, as shown in lists and attempt logs. */
export function transportLabel(driver: DeviceDriver, t: DeviceTransport, deviceId: number): string {
  switch (t.type) {
    case 'serial':
      return `serial:${t.path}`;
    case 'tcp':
      return `tcp:${t.host}:${t.port ?? defaultTcpPort(driver)}`;
    case 'file':
      return `file:${t.path}`;
    case 'hid':
      return t.vendorId !== undefined
        ? `hid:${t.vendorId.toString(16).padStart(4, '0')}:${(t.productId ?? 0).toString(16).padStart(4, '0')}`
        : 'hid:usage-page-0x8c';
    case 'simulated':
      return `simulated:${driver}-${deviceId}`;
  }
}
