/**
 * Step 1 of the demo's repair side: the bench test plans, the two instruments (the SCPI bench
 * meter is past its calibration date), the spare parts with their opening stock moves, and the
 * technician's skills — one transaction, audited like the counter would.
 */
import type { DbClient } from '../../db/client';
import { insertSparePart } from '../../db/repositories/parts/spare-parts';
import { insertSparePartMove } from '../../db/repositories/parts/stock-moves';
import { appendRepairAudit } from '../../db/repositories/repairs/audit';
import { DEFAULT_TEST_PLANS } from '../../shared/domain/repairs/default-test-plans';
import { addDays } from '../../shared/domain/time/business-day';
import { saveInstrument } from '../services/bench/instruments';
import { savePlan } from '../services/bench/plans';
import { writeSkills } from '../services/repairs/assignment';
import { DEMO_INSTRUMENTS, DEMO_SPARE_PARTS } from './demo-repairs-data';

/** Seeds plans, instruments, parts and skills at `at`; returns the UT61E's instrument id. */
export function seedRepairSetup(
  db: DbClient,
  storeId: number,
  ids: { manager: number; tech: number },
  at: number,
  today: string,
): number {
  return db.transaction(() => {
    for (const plan of DEFAULT_TEST_PLANS) savePlan(db, storeId, plan, ids.manager, at);
    const instrument = (i: (typeof DEMO_INSTRUMENTS)[keyof typeof DEMO_INSTRUMENTS]) =>
      saveInstrument(
        db,
        storeId,
        ids.manager,
        { ...i, calibrationDue: addDays(today, i.dueInDays), deviceId: null },
        at,
        today,
      ).id;
    const ut61eId = instrument(DEMO_INSTRUMENTS.ut61e);
    instrument(DEMO_INSTRUMENTS.scpi);
    for (const p of DEMO_SPARE_PARTS) {
      insertSparePart(db, {
        sku: p.sku,
        name: p.name,
        stockQty: p.qty,
        lowStockAt: p.low,
        costMinor: p.cost,
        priceMinor: p.price,
        categoryCode: p.cat,
      });
      if (p.qty === 0) continue;
      const moveId = insertSparePartMove(db, {
        at,
        storeId,
        sku: p.sku,
        qtyDelta: p.qty,
        reason: 'opening_stock',
        refType: 'demo_seed',
        refId: 'spare_parts',
        staffId: ids.manager,
      });
      appendRepairAudit(db, {
        at,
        storeId,
        staffId: ids.manager,
        action: 'stock.move',
        entityType: 'stock_move',
        entityId: String(moveId),
        data: { sku: p.sku, qtyDelta: p.qty, bucket: 'spare_parts', reason: 'opening_stock' },
      });
    }
    writeSkills(
      db,
      storeId,
      ids.manager,
      ids.tech,
      ['laptop', 'phone', 'audio', 'headphones', 'small_appliance'],
      at,
    );
    return ut61eId;
  });
}
