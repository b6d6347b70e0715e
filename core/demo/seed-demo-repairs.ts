/**
 * The demo store's repair side, seeded on the demo's first run through the same service code the
 * counter uses (intake, transitions, parts, QC, pickup): bench test plans, two instruments (the
 * SCPI bench meter is past its calibration date), spare parts with opening stock moves, the
 * technician's skills (seed-demo-repair-setup.ts), and a handful of jobs (demo-repair-jobs.ts):
 * - laptop PF4XK2AB (journey 5's sale): an earlier 三包 repair of "does not charge", picked up, so
 *   a new intake of the same fault shows "second repair … next failure → replacement";
 * - journey 6: another customer's laptop charger job, diagnosing on 老陈's bench;
 * - a phone waiting for the customer to approve a quote; a kettle waiting for a part that is out of
 *   stock (overdue); a speaker ready for pickup with a balance; headphones just received.
 * Deterministic for a given `now`.
 */
import type { DbClient } from '../../db/client';
import { jobCount } from '../../db/repositories/repairs/jobs';
import { staffIdByCode } from '../../db/repositories/repairs/technicians';
import { storeFacts } from '../../db/repositories/store/store-facts';
import type { Role } from '../../shared/contract/permissions';
import { businessDay } from '../../shared/domain/time/business-day';
import { offlineShowCopyPrintSender } from '../services/repairs/notification-sender';
import type { RepairCore } from '../services/repairs/repair-core';
import type { Actor } from '../services/repairs/transition';
import { demoRepairDesk } from './demo-repair-desk';
import {
  seedBenchLaptop,
  seedOverdueKettle,
  seedPreviousLaptop,
  seedQuotePhone,
  seedReadySpeaker,
  seedReceivedHeadphones,
} from './demo-repair-jobs';
import { seedRepairSetup } from './seed-demo-repair-setup';

export { DEMO_INSTRUMENTS, DEMO_SPARE_PARTS } from './demo-repairs-data';

const DAY = 24 * 3_600_000;

export interface DemoRepairsResult {
  /** Journey 5's laptop: its earlier repair (picked up). */
  previousLaptopJobId: string;
  /** Journey 6's laptop charger job, diagnosing, assigned to 老陈. */
  benchJobId: string;
  quoteJobId: string;
  overdueJobId: string;
  readyJobId: string;
  receivedJobId: string;
}

function staffId(db: DbClient, storeId: number, code: string): number {
  const id = staffIdByCode(db, storeId, code);
  if (id === undefined) throw new Error(`demo staff ${code} missing`);
  return id;
}

/** Seeds plans, instruments, parts, skills and the demo jobs (see the file comment); null when jobs exist. */
export function seedDemoRepairs(
  db: DbClient,
  storeId: number,
  now: number,
  dataDir: string,
): DemoRepairsResult | null {
  if (jobCount(db) > 0) return null;
  const store = storeFacts(db, storeId);
  const today = businessDay(now, store.timeZone);
  const actor = (code: string, role: Role): Actor => ({ staffId: staffId(db, storeId, code), role });
  const clerk = actor('1001', 'clerk');
  const tech = actor('2001', 'technician');
  const inspector = actor('3001', 'inspector');
  const manager = staffId(db, storeId, '9001');
  const core: RepairCore = {
    db,
    storeId,
    dataDir,
    services: { notificationSender: offlineShowCopyPrintSender },
  };
  const ut61eId = seedRepairSetup(db, storeId, { manager, tech: tech.staffId }, now - 200 * DAY, today);
  const desk = demoRepairDesk(core, store, { clerk, tech, inspector }, ut61eId);
  return {
    previousLaptopJobId: seedPreviousLaptop(desk, tech, now),
    benchJobId: seedBenchLaptop(desk, tech, now, db),
    quoteJobId: seedQuotePhone(desk, tech, now),
    overdueJobId: seedOverdueKettle(desk, tech, now),
    readyJobId: seedReadySpeaker(desk, tech, now),
    receivedJobId: seedReceivedHeadphones(desk, now),
  };
}
