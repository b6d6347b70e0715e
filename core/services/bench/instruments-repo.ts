/**
 * Bench instruments (`instruments`): model, serial, calibration due day (store-local). A result
 * taken with an instrument whose due day is before today is flagged `calibration_overdue`.
 */
import { appendAudit } from '../../../db/audit/chain';
import type { SqliteDb } from '../../../db/open';
import type { InstrumentView } from '../../../shared/contract/methods/bench';
import { AppError } from '../../../shared/contract/errors';

interface InstrumentRow {
  id: number;
  deviceId: number | null;
  model: string;
  serial: string;
  calibrationDue: string | null;
}

const COLUMNS = 'id, device_id AS deviceId, model, serial, calibration_due AS calibrationDue';

/** Past calibration: the due day is before today (the due day itself is still fine). */
export function calibrationOverdue(due: string | null, today: string): boolean {
  return due !== null && due < today;
}

function view(row: InstrumentRow, today: string): InstrumentView {
  return { ...row, calibrationOverdue: calibrationOverdue(row.calibrationDue, today) };
}

/** Every instrument, by model and serial. */
export function listInstruments(db: SqliteDb, today: string): InstrumentView[] {
  return (
    db.prepare(`SELECT ${COLUMNS} FROM instruments ORDER BY model, serial`).all() as InstrumentRow[]
  ).map((r) => view(r, today));
}

/** One instrument or BENCH_INSTRUMENT_NOT_FOUND. */
export function instrumentById(db: SqliteDb, id: number, today: string): InstrumentView {
  const row = db.prepare(`SELECT ${COLUMNS} FROM instruments WHERE id = ?`).get(id) as
    InstrumentRow | undefined;
  if (!row) throw new AppError('BENCH_INSTRUMENT_NOT_FOUND', { id });
  return view(row, today);
}

/**
 * The instrument a reading came from: by model + serial (from *IDN?) when the meter reports them,
 * registered on first sight with an unknown calibration date. Null when the meter gives no serial.
 */
export function instrumentForIdentity(
  db: SqliteDb,
  identity: { model?: string; serial?: string; driver: string } | undefined,
  today: string,
): InstrumentView | null {
  if (!identity?.serial) return null;
  const model = identity.model ?? identity.driver.toUpperCase();
  const found = db
    .prepare(`SELECT ${COLUMNS} FROM instruments WHERE model = ? AND serial = ?`)
    .get(model, identity.serial) as InstrumentRow | undefined;
  if (found) return view(found, today);
  const info = db
    .prepare('INSERT INTO instruments (device_id, model, serial, calibration_due) VALUES (NULL, ?, ?, NULL)')
    .run(model, identity.serial);
  return instrumentById(db, Number(info.lastInsertRowid), today);
}

/** Registers or updates an instrument (inside a transaction, audited). */
export function saveInstrument(
  db: SqliteDb,
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
    db.prepare(
      'UPDATE instruments SET model = ?, serial = ?, calibration_due = ?, device_id = ? WHERE id = ?',
    ).run(input.model, input.serial, input.calibrationDue, input.deviceId, id);
    appendAudit(db, {
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
    const info = db
      .prepare('INSERT INTO instruments (device_id, model, serial, calibration_due) VALUES (?, ?, ?, ?)')
      .run(input.deviceId, input.model, input.serial, input.calibrationDue);
    id = Number(info.lastInsertRowid);
    appendAudit(db, {
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
