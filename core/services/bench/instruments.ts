/**
 * Bench instruments (`instruments`): model, serial, calibration due day (store-local). A result
 * taken with an instrument whose due day is before today is flagged `calibration_overdue`.
 */
import { appendRepairAudit } from '../../../db/repositories/repairs/audit';
import type { DbClient } from '../../../db/client';
import {
  insertInstrument,
  instrumentIdsOfModel,
  instrumentRowById,
  instrumentRowByIdentity,
  instrumentRows,
  updateInstrument,
  type InstrumentRow,
} from '../../../db/repositories/bench/instruments';
import type { InstrumentView } from '../../../shared/contract/methods/bench';
import { AppError } from '../../../shared/contract/errors';

/** Past calibration: the due day is before today (the due day itself is still fine). */
export function calibrationOverdue(due: string | null, today: string): boolean {
  return due !== null && due < today;
}

function view(row: InstrumentRow, today: string): InstrumentView {
  return { ...row, calibrationOverdue: calibrationOverdue(row.calibrationDue, today) };
}

/** Every instrument, by model and serial. */
export function listInstruments(db: DbClient, today: string): InstrumentView[] {
  return instrumentRows(db).map((r) => view(r, today));
}

/** One instrument or BENCH_INSTRUMENT_NOT_FOUND. */
export function instrumentById(db: DbClient, id: number, today: string): InstrumentView {
  const row = instrumentRowById(db, id);
  if (!row) throw new AppError('BENCH_INSTRUMENT_NOT_FOUND', { id });
  return view(row, today);
}

/**
 * The instrument a reading came from: by model + serial (from *IDN?) when the meter reports them,
 * registered on first sight with an unknown calibration date. Null when the meter gives no serial.
 */
export function instrumentForIdentity(
  db: DbClient,
  identity: { model?: string; serial?: string; driver: string } | undefined,
  today: string,
): InstrumentView | null {
  if (!identity?.serial) return null;
  const model = identity.model ?? identity.driver.toUpperCase();
  const found = instrumentRowByIdentity(db, model, identity.serial);
  if (found) return view(found, today);
  const id = insertInstrument(db, { deviceId: null, model, serial: identity.serial, calibrationDue: null });
  return instrumentById(db, id, today);
}

/** The only instrument of a model, or null when there are none or several. */
export function onlyInstrumentOfModel(db: DbClient, model: string, today: string): InstrumentView | null {
  const ids = instrumentIdsOfModel(db, model);
  return ids.length === 1 && ids[0] !== undefined ? instrumentById(db, ids[0], today) : null;
}

/** Registers or updates an instrument (inside a transaction, audited). */
export function saveInstrument(
  db: DbClient,
  storeId: number,
  staffId: number,
  input: {
    id?: number;
    model: string;
    serial: string;
    calibrationDue: string | null;
    deviceId: number | null;
  },
  now: number,
  today: string,
): InstrumentView {
  let id = input.id;
  if (id !== undefined) {
    const before = instrumentById(db, id, today);
    updateInstrument(db, {
      id,
      model: input.model,
      serial: input.serial,
      calibrationDue: input.calibrationDue,
      deviceId: input.deviceId,
    });
    appendRepairAudit(db, {
      at: now,
      storeId,
      staffId,
      action: 'instrument.updated',
      entityType: 'instrument',
      entityId: String(id),
      data: {
        before: { ...before },
        calibrationDue: input.calibrationDue,
        model: input.model,
        serial: input.serial,
      },
    });
  } else {
    id = insertInstrument(db, {
      deviceId: input.deviceId,
      model: input.model,
      serial: input.serial,
      calibrationDue: input.calibrationDue,
    });
    appendRepairAudit(db, {
      at: now,
      storeId,
      staffId,
      action: 'instrument.registered',
      entityType: 'instrument',
      entityId: String(id),
      data: { model: input.model, serial: input.serial, calibrationDue: input.calibrationDue },
    });
  }
  return instrumentById(db, id, today);
}
