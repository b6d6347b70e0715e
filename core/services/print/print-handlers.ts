/** Contract handlers of the `print.*` methods: the print queue as people see and steer it (core/printing). */
import { requireSession, type AreaHandlers } from '../../dispatch/handlers';
import { announcePrintJobs } from '../../printing/enqueue';
import { cancelPrintJob, reprintPrintJob, retryPrintJob } from '../../printing/job-actions';
import { previewJob } from '../../printing/job-bytes';
import { getPrintJob, getPrintLayout, listPrintJobs } from '../../printing/job-view';

export const printHandlers: AreaHandlers<'print'> = {
  'print.jobs': (input, { core }) => ({ jobs: listPrintJobs(core.db, input) }),

  'print.retry': ({ jobId }, ctx) => {
    requireSession(ctx);
    const job = retryPrintJob(ctx.core.db, jobId, ctx.now);
    announcePrintJobs(ctx.core, [job.id]);
    return job;
  },

  'print.cancel': ({ jobId }, ctx) => {
    const session = requireSession(ctx);
    const job = cancelPrintJob(
      ctx.core.db,
      jobId,
      { storeId: ctx.core.storeId, staffId: session.staffId },
      ctx.now,
    );
    ctx.core.services.devices.emitJob({
      jobId,
      status: job.status,
      kind: job.kind,
      docRef: job.docRef,
      attempts: job.attempts,
    });
    return job;
  },

  'print.reprint': ({ jobId, copies }, ctx) => {
    const session = requireSession(ctx);
    const job = reprintPrintJob(
      ctx.core.db,
      jobId,
      { storeId: ctx.core.storeId, staffId: session.staffId, ...(copies !== undefined ? { copies } : {}) },
      ctx.now,
    );
    announcePrintJobs(ctx.core, [job.id]);
    return job;
  },

  'print.preview': async ({ jobId }, { core }) => {
    const job = getPrintJob(core.db, jobId);
    const layout = getPrintLayout(core.db, jobId);
    const paper = core.services.devices.paperWidth();
    const html = await previewJob(layout, { paper, copies: job.copies, openDrawer: job.openDrawer });
    return { jobId, paper, html };
  },
};
