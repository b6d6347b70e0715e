/**
 * What is plugged into this PC, for the Devices screen and `counterdesk devices list`: serial
 * ports (serialport's listing, which needs udev on Linux) and HID-POS barcode scanners (node-hid
 * enumeration, usage page 0x8C). Each listing that cannot run says why with an i18n key instead
 * of failing; ports this user may not open, and ports a configured device uses, are marked.
 */
import { constants, readFileSync, realpathSync, statSync } from 'node:fs';
import { access } from 'node:fs/promises';
import type { DetectedHardware, DeviceTransport } from '../../../shared/contract/methods/devices';
import { nodeHidBackend, type HidBackend } from '../../hardware/scanners/hid-device';
import { HID_POS_USAGE_PAGE } from '../../hardware/scanners/hid-pos-report';
import { listSerialPorts, type SerialListResult } from '../../hardware/transport/serial-list';

export interface ConfiguredPort {
  deviceId: number;
  name: string;
  transport: DeviceTransport;
}

export interface DetectOptions {
  /** Default: serialport's listing. */
  listSerial?: () => Promise<SerialListResult>;
  /** Default: node-hid. */
  hid?: HidBackend;
}

function canonical(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/** The name of the group owning a device file (e.g. `dialout`), from /etc/group; undefined elsewhere. */
export function groupOf(path: string): string | undefined {
  try {
    const gid = statSync(path).gid;
    for (const line of readFileSync('/etc/group', 'utf8').split('\n')) {
      const [name, , id] = line.split(':');
      if (name && id !== undefined && Number(id) === gid) return name;
    }
  } catch {
    // not Linux, or no such file
  }
  return undefined;
}

type DetectedPort = Extract<DetectedHardware['serial'], { ok: true }>['ports'][number];

async function describePort(port: DetectedPort, usedBy: ConfiguredPort | undefined): Promise<DetectedPort> {
  if (usedBy) {
    return {
      ...port,
      access: 'in-use',
      messageKey: 'devices.serialInUse',
      params: { path: port.path, name: usedBy.name },
      usedBy: usedBy.deviceId,
    };
  }
  try {
    await access(port.path, constants.R_OK | constants.W_OK);
    return { ...port, access: 'ok' };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM') {
      return {
        ...port,
        access: 'denied',
        messageKey: 'devices.serialPermissionDenied',
        params: { path: port.path, group: groupOf(port.path) ?? 'dialout' },
      };
    }
    return { ...port, access: 'unknown', messageKey: 'devices.serialMissing', params: { path: port.path } };
  }
}

/** Lists serial ports and HID-POS scanners; never rejects. */
export async function detectHardware(
  configured: readonly ConfiguredPort[],
  options: DetectOptions = {},
): Promise<DetectedHardware> {
  const serialPaths = new Map<string, ConfiguredPort>();
  for (const c of configured)
    if (c.transport.type === 'serial') serialPaths.set(canonical(c.transport.path), c);

  const [serialResult, hidResult] = await Promise.all([
    (options.listSerial ?? listSerialPorts)().catch((e: unknown): SerialListResult => ({
      ok: false,
      code: 'SERIAL_LIST_UNAVAILABLE',
      detail: e instanceof Error ? e.message : String(e),
    })),
    (options.hid ?? nodeHidBackend())
      .enumerate()
      .then((list) => ({ ok: true as const, list }))
      .catch((e: unknown) => ({ ok: false as const, detail: e instanceof Error ? e.message : String(e) })),
  ]);

  const serial: DetectedHardware['serial'] = serialResult.ok
    ? {
        ok: true,
        ports: await Promise.all(
          serialResult.ports.map((p) =>
            describePort({ ...p, access: 'unknown' }, serialPaths.get(canonical(p.path))),
          ),
        ),
      }
    : { ok: false, messageKey: 'devices.serialListUnavailable', params: { detail: serialResult.detail } };

  const hidConfigured = configured.filter((c) => c.transport.type === 'hid');
  const hid: DetectedHardware['hid'] = hidResult.ok
    ? {
        ok: true,
        scanners: hidResult.list
          .filter((d) => d.usagePage === HID_POS_USAGE_PAGE)
          .map((d) => {
            const user = hidConfigured.find((c) => {
              const t = c.transport as Extract<DeviceTransport, { type: 'hid' }>;
              return (
                t.vendorId === undefined ||
                (t.vendorId === d.vendorId && (t.productId ?? d.productId) === d.productId)
              );
            });
            return {
              vendorId: d.vendorId,
              productId: d.productId,
              ...(d.path !== undefined ? { path: d.path } : {}),
              ...(d.manufacturer !== undefined ? { manufacturer: d.manufacturer } : {}),
              ...(d.product !== undefined ? { product: d.product } : {}),
              ...(d.serialNumber !== undefined ? { serialNumber: d.serialNumber } : {}),
              ...(d.usagePage !== undefined ? { usagePage: d.usagePage } : {}),
              ...(user ? { usedBy: user.deviceId } : {}),
            };
          }),
      }
    : { ok: false, messageKey: 'devices.hidListUnavailable', params: { detail: hidResult.detail } };

  return { serial, hid };
}
