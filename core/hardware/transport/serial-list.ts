/**
 * Lists the machine's serial ports. On Linux serialport asks `udevadm`; where udev is
 * missing (containers, minimal installs) the listing fails, and the app must say so
 * instead of crashing: the caller gets a typed failure with the reason.
 */
import { SerialPort } from 'serialport';

export interface SerialPortEntry {
  path: string;
  manufacturer?: string;
  serialNumber?: string;
  vendorId?: string;
  productId?: string;
  pnpId?: string;
  locationId?: string;
}

export type SerialListResult =
  { ok: true; ports: SerialPortEntry[] } | { ok: false; code: 'SERIAL_LIST_UNAVAILABLE'; detail: string };

type RawPortInfo = Awaited<ReturnType<typeof SerialPort.list>>[number];

function clean(info: RawPortInfo): SerialPortEntry {
  const entry: SerialPortEntry = { path: info.path };
  const optional = ['manufacturer', 'serialNumber', 'vendorId', 'productId', 'pnpId', 'locationId'] as const;
  for (const key of optional) {
    const value = info[key];
    if (typeof value === 'string' && value !== '') entry[key] = value;
  }
  return entry;
}

/** Lists serial ports, or says why it cannot (e.g. `spawn udevadm ENOENT` without udev). Never rejects. */
export async function listSerialPorts(): Promise<SerialListResult> {
  try {
    const ports = await SerialPort.list();
    return { ok: true, ports: ports.map(clean).sort((a, b) => a.path.localeCompare(b.path)) };
  } catch (e) {
    return { ok: false, code: 'SERIAL_LIST_UNAVAILABLE', detail: e instanceof Error ? e.message : String(e) };
  }
}
