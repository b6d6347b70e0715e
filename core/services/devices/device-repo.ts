/**
 * The `devices` table: configured scanners, printers and meters with their role, driver,
 * transport (JSON) and options (JSON). Rows are validated on the way in and out; a row that no
 * longer validates (edited by hand, older version) is listed with `invalid` so the Devices
 * screen can show it instead of the app refusing to start.
 */
import { appendAudit } from '../../../db/audit/chain';
import type { DbClient } from '../../../db/client';
import {
  deleteDevice,
  deviceRow,
  deviceRows,
  enabledRoleHolder,
  insertDevice,
  updateDevice,
  type DeviceRow,
} from '../../../db/repositories/devices/devices';
import { AppError } from '../../../shared/contract/errors';
import {
  DRIVER_KIND,
  DRIVER_TRANSPORTS,
  deviceConfigSchema,
  type DeviceConfig,
  type DeviceDriver,
  type DeviceKind,
} from '../../../shared/contract/methods/devices';

export interface StoredDevice {
  id: number;
  createdAt: number;
  updatedAt: number;
  config: DeviceConfig;
  /** Set when the stored row does not validate: the first problem found. */
  invalid?: string;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function fromRow(row: DeviceRow): StoredDevice {
  const candidate = {
    kind: row.kind,
    role: row.role,
    name: row.name,
    driver: row.driver,
    transport: parseJson(row.transport),
    options: parseJson(row.options),
    enabled: row.enabled,
  };
  const parsed = deviceConfigSchema.safeParse(candidate);
  const base = { id: row.id, createdAt: row.createdAt, updatedAt: row.updatedAt };
  if (parsed.success) {
    const problem = compatibilityProblem(parsed.data);
    return problem ? { ...base, config: parsed.data, invalid: problem } : { ...base, config: parsed.data };
  }
  const issue = parsed.error.issues[0];
  // Keep what can be shown; the device is never opened.
  return {
    ...base,
    // Role and name as stored; kind and driver only when they are known values (else a placeholder).
    config: {
      kind: (['scanner', 'printer', 'meter'].includes(row.kind) ? row.kind : 'scanner') as DeviceKind,
      role: row.role,
      name: row.name,
      driver: (row.driver in DRIVER_KIND ? row.driver : 'hid-pos') as DeviceDriver,
      transport: { type: 'simulated' },
      options: {},
      enabled: false,
    },
    invalid: `${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`,
  };
}

/** Why this driver/kind/transport combination cannot work, or undefined when it can. */
export function compatibilityProblem(config: DeviceConfig): string | undefined {
  if (DRIVER_KIND[config.driver] !== config.kind) return 'driver-kind';
  if (!DRIVER_TRANSPORTS[config.driver].includes(config.transport.type)) return 'driver-transport';
  return undefined;
}

/** Throws the AppError that explains an impossible combination (DEVICE_DRIVER_MISMATCH / DEVICE_TRANSPORT_UNSUPPORTED). */
export function assertCompatible(config: DeviceConfig): void {
  const problem = compatibilityProblem(config);
  if (problem === 'driver-kind')
    throw new AppError('DEVICE_DRIVER_MISMATCH', { driver: config.driver, kind: config.kind });
  if (problem === 'driver-transport')
    throw new AppError('DEVICE_TRANSPORT_UNSUPPORTED', {
      driver: config.driver,
      transport: config.transport.type,
    });
}

/** Every configured device, by id. */
export function listDevices(db: DbClient): StoredDevice[] {
  return deviceRows(db).map(fromRow);
}

/** One device, or AppError DEVICE_NOT_FOUND. */
export function getDevice(db: DbClient, id: number): StoredDevice {
  const row = deviceRow(db, id);
  if (!row) throw new AppError('DEVICE_NOT_FOUND', { deviceId: id });
  return fromRow(row);
}

/** Who changes the device configuration, for the audit row (absent: seeding, not audited). */
export interface DeviceActor {
  storeId: number;
  staffId: number | null;
}

/** The stored transport as it is in the row (parsed when it parses), for the audit row. */
function storedTransport(db: DbClient, id: number): unknown {
  const row = deviceRow(db, id);
  return row ? parseJson(row.transport) : null;
}

/**
 * Adds (no id) or replaces (id) a device after checking it: the driver fits the kind and the
 * transport, and no other enabled device of the same kind has the role (DEVICE_ROLE_TAKEN).
 * With `by`, audited in the same transaction (`device.saved`, old and new transport).
 */
export function saveDevice(
  db: DbClient,
  id: number | undefined,
  config: DeviceConfig,
  now: number,
  by?: DeviceActor,
): number {
  assertCompatible(config);
  return db.transaction(() => {
    const before = id !== undefined ? getDevice(db, id) : null;
    const oldTransport = id !== undefined ? storedTransport(db, id) : null;
    if (config.enabled) {
      const clash = enabledRoleHolder(db, config.role, config.kind, id ?? -1);
      if (clash)
        throw new AppError('DEVICE_ROLE_TAKEN', { role: config.role, deviceId: clash.id, name: clash.name });
    }
    const values = {
      kind: config.kind,
      role: config.role,
      name: config.name,
      driver: config.driver,
      transport: JSON.stringify(config.transport),
      options: JSON.stringify(config.options),
      enabled: config.enabled,
    };
    let savedId: number;
    if (id === undefined) savedId = insertDevice(db, values, now);
    else {
      updateDevice(db, id, values, now);
      savedId = id;
    }
    if (by) {
      appendAudit(db, {
        at: now,
        storeId: by.storeId,
        staffId: by.staffId,
        action: id === undefined ? 'device.added' : 'device.saved',
        entityType: 'device',
        entityId: String(savedId),
        data: {
          kind: config.kind,
          role: config.role,
          name: config.name,
          driver: config.driver,
          enabled: config.enabled,
          oldTransport,
          newTransport: config.transport,
          ...(before ? { oldDriver: before.config.driver, oldEnabled: before.config.enabled } : {}),
        },
      });
    }
    return savedId;
  });
}

/** Deletes a device row; false when there was none. With `by`, audited (`device.removed`, its transport). */
export function removeDevice(db: DbClient, id: number, by?: DeviceActor & { now: number }): boolean {
  return db.transaction(() => {
    const row = deviceRow(db, id);
    const removed = deleteDevice(db, id);
    if (removed && row && by) {
      appendAudit(db, {
        at: by.now,
        storeId: by.storeId,
        staffId: by.staffId,
        action: 'device.removed',
        entityType: 'device',
        entityId: String(id),
        data: {
          kind: row.kind,
          role: row.role,
          name: row.name,
          driver: row.driver,
          oldTransport: parseJson(row.transport),
          newTransport: null,
        },
      });
    }
    return removed;
  });
}
