/**
 * The `devices` table: configured scanners, printers and meters, their role, driver and the
 * transport and options as JSON text. Rows come back as stored; validating them is the caller's
 * (core/services/devices/device-repo.ts).
 */
import { and, count, eq, ne, sql } from 'drizzle-orm';
import type { DbClient } from '../../client';
import { devices } from '../../schema';
import { prepared } from '../statements';

export type DeviceRow = typeof devices.$inferSelect;

/** What a device row holds besides its id and instants. */
export type DeviceValues = Pick<
  DeviceRow,
  'kind' | 'role' | 'name' | 'driver' | 'transport' | 'options' | 'enabled'
>;

/** Every device row, by id. */
export function deviceRows(db: DbClient): DeviceRow[] {
  return prepared(db, 'devices.all', (orm) => orm.select().from(devices).orderBy(devices.id).prepare()).all();
}

/** One device row, or undefined. */
export function deviceRow(db: DbClient, id: number): DeviceRow | undefined {
  return prepared(db, 'devices.byId', (orm) =>
    orm
      .select()
      .from(devices)
      .where(eq(devices.id, sql.placeholder('id')))
      .prepare(),
  ).get({ id });
}

/** How many devices are configured. */
export function deviceCount(db: DbClient): number {
  return (
    prepared(db, 'devices.count', (orm) => orm.select({ n: count() }).from(devices).prepare()).get()?.n ?? 0
  );
}

/** The enabled device of `kind` holding `role`, other than `exceptId`, if any. */
export function enabledRoleHolder(
  db: DbClient,
  role: string,
  kind: string,
  exceptId: number,
): { id: number; name: string } | undefined {
  return prepared(db, 'devices.roleHolder', (orm) =>
    orm
      .select({ id: devices.id, name: devices.name })
      .from(devices)
      .where(
        and(
          eq(devices.role, sql.placeholder('role')),
          eq(devices.kind, sql.placeholder('kind')),
          eq(devices.enabled, true),
          ne(devices.id, sql.placeholder('exceptId')),
        ),
      )
      .prepare(),
  ).get({ role, kind, exceptId });
}

const placeholders = {
  kind: sql.placeholder('kind'),
  role: sql.placeholder('role'),
  name: sql.placeholder('name'),
  driver: sql.placeholder('driver'),
  transport: sql.placeholder('transport'),
  options: sql.placeholder('options'),
  enabled: sql.placeholder('enabled'),
};

/** Adds a device row; its id. */
export function insertDevice(db: DbClient, values: DeviceValues, now: number): number {
  const row = prepared(db, 'devices.insert', (orm) =>
    orm
      .insert(devices)
      .values({ ...placeholders, createdAt: sql.placeholder('now'), updatedAt: sql.placeholder('now') })
      .returning({ id: devices.id })
      .prepare(),
  ).get({ ...values, enabled: values.enabled ? 1 : 0, now });
  if (!row) throw new Error('device insert returned no row');
  return row.id;
}

/** Replaces the values of device `id`. */
export function updateDevice(db: DbClient, id: number, values: DeviceValues, now: number): void {
  prepared(db, 'devices.update', (orm) =>
    orm
      .update(devices)
      .set({
        kind: sql`${placeholders.kind}`,
        role: sql`${placeholders.role}`,
        name: sql`${placeholders.name}`,
        driver: sql`${placeholders.driver}`,
        transport: sql`${placeholders.transport}`,
        options: sql`${placeholders.options}`,
        enabled: sql`${placeholders.enabled}`,
        updatedAt: sql`${sql.placeholder('now')}`,
      })
      .where(eq(devices.id, sql.placeholder('id')))
      .prepare(),
  ).run({ ...values, enabled: values.enabled ? 1 : 0, now, id });
}

/** Deletes device `id`; false when there was none. */
export function deleteDevice(db: DbClient, id: number): boolean {
  return (
    prepared(db, 'devices.delete', (orm) =>
      orm
        .delete(devices)
        .where(eq(devices.id, sql.placeholder('id')))
        .prepare(),
    ).run({ id }).changes > 0
  );
}
