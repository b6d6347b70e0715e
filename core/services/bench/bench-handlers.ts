/** Contract handlers of the bench area. */
import type { DbClient } from '../../../db/client';
import { storeFacts } from '../../../db/repositories/store/store-facts';
import type { AreaHandlers } from '../../dispatch/handlers';
import { requireSession } from '../../dispatch/handlers';
import { actorOf } from '../repairs/repair-handlers';
import { businessDay } from '../../../shared/domain/time/business-day';
import { listInstruments, saveInstrument } from './instruments';
import { listPlans, savePlan } from './plans';
import { resultsOfJob } from './results';
import { loadJob } from '../repairs/job-record';

const todayOf = (db: DbClient, storeId: number, now: number): string =>
  businessDay(now, storeFacts(db, storeId).timeZone);

export const benchHandlers: AreaHandlers<'bench'> = {
  'bench.plans': (input, ctx) => listPlans(ctx.core.db, input),

  'bench.savePlan': (input, ctx) => {
    const db = ctx.core.db;
    const s = requireSession(ctx);
    return db.transaction(() => savePlan(db, ctx.core.storeId, input, s.staffId, ctx.now));
  },

  'bench.start': (input, ctx) =>
    ctx.core.services.bench.start(
      actorOf(ctx),
      input.jobId,
      { meterSource: input.meterSource, instrumentId: input.instrumentId, restart: input.restart },
      ctx.now,
    ),

  'bench.state': (input, ctx) => ctx.core.services.bench.state(input.jobId, ctx.now),

  'bench.submitReading': (input, ctx) =>
    ctx.core.services.bench.submitReading(actorOf(ctx), input.jobId, input.stepIndex, input.reading, ctx.now),

  'bench.manualEntry': (input, ctx) =>
    ctx.core.services.bench.manualEntry(
      actorOf(ctx),
      input.jobId,
      input.stepIndex,
      input.value,
      input.note,
      ctx.now,
    ),

  'bench.retest': (input, ctx) =>
    ctx.core.services.bench.retest(actorOf(ctx), input.jobId, input.stepIndex, ctx.now),

  'bench.results': (input, ctx) => {
    const db = ctx.core.db;
    const job = loadJob(db, ctx.core.storeId, input.jobId);
    return resultsOfJob(db, job.id, todayOf(db, ctx.core.storeId, ctx.now));
  },

  'bench.instruments': (_input, ctx) => {
    const db = ctx.core.db;
    return listInstruments(db, todayOf(db, ctx.core.storeId, ctx.now));
  },

  'bench.saveInstrument': (input, ctx) => {
    const db = ctx.core.db;
    const s = requireSession(ctx);
    const today = todayOf(db, ctx.core.storeId, ctx.now);
    return db.transaction(() => saveInstrument(db, ctx.core.storeId, s.staffId, input, ctx.now, today));
  },
};
