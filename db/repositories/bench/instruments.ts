/** Bench instruments (`instruments`): model, serial, calibration due day, the configured device. */
import { and, eq, sql } from 'drizzle-orm';
import type { DbClient } from '../../client';
import { instruments } from '../../schema';
import { prepared } from '../statements';

const FIELDS = {
  id: instruments.id,
  deviceId: instruments.deviceId,
  model: instruments.model,
  serial: instruments.serial,
  calibrationDue: instruments.calibrationDue,
};

export interface InstrumentRow {
  id: number;
  deviceId: number | null;
  model: string;
  serial: string;
  calibrationDue: string | null;
}

/** Every instrument, by model and serial. */
export function instrumentRows(db: DbClient): InstrumentRow[] {
  return prepared(db, 'bench.instruments', (orm) =>
    orm.select(FIELDS).from(instruments).orderBy(instruments.model, instruments.serial).prepare(),
  ).all();
}

/** One instrument, or undefined. */
export function instrumentRowById(db: DbClient, id: number): InstrumentRow | undefined {
  return prepared(db, 'bench.instrumentById', (orm) =>
    orm
      .select(FIELDS)
      .from(instruments)
      .where(eq(instruments.id, sql.placeholder('id')))
      .prepare(),
  ).get({ id });
}

/** The instrument of a model and serial, or undefined. */
export function instrumentRowByIdentity(
  db: DbClient,
  model: string,
  serial: string,
): InstrumentRow | undefined {
  return prepared(db, 'bench.instrumentByIdentity', (orm) =>
    orm
      .select(FIELDS)
      .from(instruments)
      .where(
        and(
          eq(instruments.model, sql.placeholder('model')),
          eq(instruments.serial, sql.placeholder('serial')),
        ),
      )
      .prepare(),
  ).get({ model, serial });
}

/** Ids of the instruments of a model. */
export function instrumentIdsOfModel(db: DbClient, model: string): number[] {
  return prepared(db, 'bench.instrumentsOfModel', (orm) =>
    orm
      .select({ id: instruments.id })
      .from(instruments)
      .where(eq(instruments.model, sql.placeholder('model')))
      .prepare(),
  )
    .all({ model })
    .map((r) => r.id);
}

/** Registers an instrument; returns its id. */
export function insertInstrument(db: DbClient, i: Omit<InstrumentRow, 'id'>): number {
  const row = prepared(db, 'bench.insertInstrument', (orm) =>
    orm
      .insert(instruments)
      .values({
        deviceId: sql.placeholder('deviceId'),
        model: sql.placeholder('model'),
        serial: sql.placeholder('serial'),
        calibrationDue: sql.placeholder('calibrationDue'),
      })
      .returning({ id: instruments.id })
      .prepare(),
  ).get({ ...i });
  if (!row) throw new Error('instrument insert returned no id');
  return row.id;
}

/** Updates an instrument's model, serial, calibration due day and device. */
export function updateInstrument(db: DbClient, i: InstrumentRow): void {
  prepared(db, 'bench.updateInstrument', (orm) =>
    orm
      .update(instruments)
      .set({
        deviceId: sql`${sql.placeholder('deviceId')}`,
        model: sql`${sql.placeholder('model')}`,
        serial: sql`${sql.placeholder('serial')}`,
        calibrationDue: sql`${sql.placeholder('calibrationDue')}`,
      })
      .where(eq(instruments.id, sql.placeholder('id')))
      .prepare(),
  ).run({ ...i });
}
