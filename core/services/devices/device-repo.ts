/**
 * The `devices` table: configured scanners, printers and meters with their role, driver,
 * transport (JSON) and options (JSON). Rows are validated on the way in and out; a row that no
 * longer validates (edited by hand, older version) is listed with `invalid` so the Devices
 * screen can show it instead of the app refusing to start.
 */
import type { SqliteDb } from '../../../db/open';
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

interface DeviceRow {
  id: number;
  kind: string;
  role: string;
  name: string;
  driver: string;
  transport: string;
  options: string;
  enabled: number;
  created_at: number;
  updated_at: number;
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
    enabled: row.enabled === 1,
  };
  const parsed = deviceConfigSchema.safeParse(candidate);
  const base = { id: row.id, createdAt: row.created_at, updatedAt: row.updated_at };
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
export function listDevices(db: SqliteDb): StoredDevice[] {
  return (db.prepare('SELECT * FROM devices ORDER BY id').all() as DeviceRow[]).map(fromRow);
}

/** One device, or AppError DEVICE_NOT_FOUND. */
export function getDevice(db: SqliteDb, id: number): StoredDevice {
  const row = db.prepare('SELECT * FROM devices WHERE id = ?').get(id) as DeviceRow | undefined;
  if (!row) throw new AppError('DEVICE_NOT_FOUND', { deviceId: id });
  return fromRow(row);
}

/**
 * Adds (no id) or replaces (id) a device after checking it: the driver fits the kind and the
 * transport, and no other enabled device of the same kind has the role (DEVICE_ROLE_TAKEN).
 */
export function saveDevice(db: SqliteDb, id: number | undefined, config: DeviceConfig, now: number): number {
  assertCompatible(config);
  return db.transaction(() => {
    if (id !== undefined) getDevice(db, id);
    if (config.enabled) {
      const clash = db
        .prepare('SELECT id, name FROM devices WHERE role = ? AND kind = ? AND enabled = 1 AND id != ?')
        .get(config.role, config.kind, id ?? -1) as { id: number; name: string } | undefined;
      if (clash)
        throw new AppError('DEVICE_ROLE_TAKEN', { role: config.role, deviceId: clash.id, name: clash.name });
    }
    const values = [
      config.kind,
      config.role,
      config.name,
      config.driver,
      JSON.stringify(config.transport),
      JSON.stringify(config.options),
      config.enabled ? 1 : 0,
    ];
    if (id === undefined) {
      const info = db
        .prepare(
          `INSERT INTO devices (kind, role, name, driver, transport, options, enabled, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(...values, now, now);
      return Number(info.lastInsertRowid);
    }
    db.prepare(
      `UPDATE devices SET kind = ?, role = ?, name = ?, driver = ?, transport = ?, options = ?, enabled = ?,
         updated_at = ? WHERE id = ?`,
    ).run(...values, now, id);
    return id;
  })();
}

/** Deletes a device row; false when there was none. */
export function removeDevice(db: SqliteDb, id: number): boolean {
  return db.prepare('DELETE FROM devices WHERE id = ?').run(id).changes > 0;
}
