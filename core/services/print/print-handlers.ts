/** Contract handlers of the `print.*` methods: the print queue as people see and steer it (core/printing). */
import { requireSession, type AreaHandlers, type CallContext } from '../../dispatch/handlers';
import { announcePrintJobs } from '../../printing/enqueue';
import { cancelPrintJob, reprintPrintJob, retryPrintJob } from '../../printing/job-actions';
import { previewJob } from '../../printing/job-bytes';
import {
  getPrintJob,
  getPrintLayout,
  listPrintJobs,
  requireVisibleJob,
  type JobViewer,
} from '../../printing/job-view';

/** The caller as a viewer of print jobs: a job's document permission, own jobs unless print.manage. */
function viewerOf(ctx: CallContext): JobViewer {
  const s = requireSession(ctx);
  return { staffId: s.staffId, role: s.role, permissions: s.permissions };
}

export const printHandlers: AreaHandlers<'print'> = {
  'print.jobs': (input, ctx) => ({ jobs: listPrintJobs(ctx.core.db, input, viewerOf(ctx)) }),

  'print.retry': ({ jobId }, ctx) => {
    const viewer = viewerOf(ctx);
    const job = retryPrintJob(ctx.core.db, jobId, ctx.now, {
      storeId: ctx.core.storeId,
      staffId: viewer.staffId,
      viewer,
    });
    announcePrintJobs(ctx.core, [job.id]);
    return job;
  },

  'print.cancel': ({ jobId }, ctx) => {
    const session = requireSession(ctx);
    const job = cancelPrintJob(
      ctx.core.db,
      jobId,
      { storeId: ctx.core.storeId, staffId: session.staffId, viewer: viewerOf(ctx) },
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
      {
        storeId: ctx.core.storeId,
        staffId: session.staffId,
        viewer: viewerOf(ctx),
        ...(copies !== undefined ? { copies } : {}),
      },
      ctx.now,
    );
    announcePrintJobs(ctx.core, [job.id]);
    return job;
  },

  'print.preview': async ({ jobId }, ctx) => {
    const { core } = ctx;
    requireVisibleJob(core.db, jobId, viewerOf(ctx));
    const job = getPrintJob(core.db, jobId);
    const layout = getPrintLayout(core.db, jobId);
    const paper = core.services.devices.paperWidth();
    const html = await previewJob(layout, { paper, copies: job.copies, openDrawer: job.openDrawer });
    return { jobId, paper, html };
  },
};
