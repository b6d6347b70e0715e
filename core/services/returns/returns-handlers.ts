/** The returns.* contract methods wired to the returns service. */
import { storeFacts } from '../../../db/repositories/store/store-facts';
import type { AreaHandlers } from '../../dispatch/handlers';
import { requireSession } from '../../dispatch/handlers';
import { checklistFor } from '../../../shared/domain/returns/checklists';
import { announcePrintJobs } from '../../printing/enqueue';
import { buildQuote } from './build-quote';
import { commitReturn } from './commit';
import { deleteDraft, listDrafts, saveDraft } from './drafts';
import { productByCode } from './no-receipt';
import { DEFAULT_PROFILE_ID } from './profiles';
import { reprintReturnSlip, returnSlipHtml } from './reprint';
import { returnDetail, returnsForSale, returnTimeline } from './return-view';
import { saleForReturn } from './sale-for-return';

export const returnsHandlers: AreaHandlers<'returns'> = {
  'returns.saleForReturn': (input, { core }) => saleForReturn(core.db, core.storeId, input.receiptNo),
  'returns.product': (input, { core }) => {
    const p = productByCode(core.db, input.code);
    return {
      productId: p.id,
      sku: p.sku,
      name: p.name,
      priceMinor: p.priceMinor,
      taxRateBp: p.taxRateBp,
      categoryCode: p.categoryCode,
      policyProfile: p.policyProfile ?? DEFAULT_PROFILE_ID,
      serialized: p.serialized,
      active: p.active,
      checklist: [...checklistFor(p.categoryCode)],
    };
  },
  'returns.quote': (input, { core, now }) => {
    const { db } = core;
    // One read transaction: the quote sees one consistent state of the sale and its earlier returns.
    return db.transaction(() => buildQuote(db, storeFacts(db, core.storeId), now, input).quote);
  },
  'returns.commit': (input, ctx) => {
    const s = requireSession(ctx);
    const { db, storeId } = ctx.core;
    const staff = { id: s.staffId, name: s.name };
    const result = commitReturn({ db, store: storeFacts(db, storeId), now: ctx.now, staff }, input);
    if (!result.replayed) announcePrintJobs(ctx.core, [result.printJobId]);
    return result;
  },
  'returns.get': (input, { core }) => returnDetail(core.db, core.storeId, input.returnId),
  'returns.forSale': (input, { core }) => returnsForSale(core.db, core.storeId, input.saleId),
  'returns.timeline': (input, { core }) => returnTimeline(core.db, core.storeId, input.returnId),
  'returns.reprint': (input, ctx) => {
    const r = reprintReturnSlip(
      ctx.core.db,
      ctx.core.storeId,
      requireSession(ctx).staffId,
      input.returnId,
      ctx.now,
    );
    announcePrintJobs(ctx.core, [r.printJobId]);
    return r;
  },
  'returns.slipPreview': async (input, { core }) => ({
    html: await returnSlipHtml(core.db, core.storeId, input.returnId),
  }),
  'returns.saveDraft': (input, ctx) => saveDraft(ctx.core.db, requireSession(ctx).staffId, input, ctx.now),
  'returns.drafts': (input, { core, now }) => listDrafts(core.db, input.draftId, now),
  'returns.deleteDraft': (input, { core }) => deleteDraft(core.db, input.draftId),
};
