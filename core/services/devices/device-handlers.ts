/** Contract handlers of the `devices.*` and `print.*` methods. */
import { AppError } from '../../../shared/contract/errors';
import type { DeviceConfig } from '../../../shared/contract/methods/devices';
import type { MethodHandlers } from '../../dispatch/handlers';
import { requireSession } from '../../dispatch/handlers';
import { readSettings } from '../settings/settings-repo';
import { aimForSymbology } from './aim-for-symbology';
import { getDevice, removeDevice, saveDevice } from './device-repo';
import { previewJob } from './print-job-bytes';
import {
  cancelPrintJob,
  enqueuePrint,
  getPrintJob,
  getPrintLayout,
  listPrintJobs,
  reprintPrintJob,
  retryPrintJob,
} from './print-queue';
import { testPageLayout } from './test-page';
import { transportLabel } from './transport-factory';

type DeviceMethod =
  | 'devices.list'
  | 'devices.save'
  | 'devices.remove'
  | 'devices.testRead'
  | 'devices.testPrint'
  | 'devices.simulateScan'
  | 'devices.simulateMeter'
  | 'devices.simulatedPaper'
  | 'print.jobs'
  | 'print.retry'
  | 'print.cancel'
  | 'print.reprint'
  | 'print.preview';

export const deviceHandlers: MethodHandlers<DeviceMethod> = {
  'devices.list': async (input, { core }) => {
    const m = core.services.devices;
    const detected = input.detect === false ? null : await m.detect();
    return { running: m.isRunning, devices: m.list(), detected };
  },

  'devices.save': async (input, { core, now }) => {
    const m = core.services.devices;
    const config: DeviceConfig = {
      kind: input.kind,
      role: input.role,
      name: input.name,
      driver: input.driver,
      transport: input.transport,
      options: input.options ?? {},
      enabled: input.enabled ?? true,
    };
    const id = saveDevice(core.db.sqlite, input.id, config, now);
    await m.reload(id);
    return m.view(getDevice(core.db.sqlite, id));
  },

  'devices.remove': async ({ deviceId }, { core }) => {
    const m = core.services.devices;
    getDevice(core.db.sqlite, deviceId);
    const removed = removeDevice(core.db.sqlite, deviceId);
    await m.reload(deviceId);
    return { removed };
  },

  'devices.testRead': ({ deviceId }, { core }) => core.services.devices.testRead(deviceId),

  'devices.testPrint': ({ deviceId }, ctx) => {
    const session = requireSession(ctx);
    const { core, now } = ctx;
    const m = core.services.devices;
    const db = core.db.sqlite;
    const device = getDevice(db, deviceId);
    if (device.config.kind !== 'printer')
      throw new AppError('DEVICE_WRONG_KIND', { deviceId, expected: 'printer' });
    const settings = readSettings(db, core.storeId);
    const layout = testPageLayout({
      deviceName: device.config.name,
      connection: transportLabel(device.config.driver, device.config.transport, deviceId),
      storeName: settings.storeName,
      timeZone: settings.timeZone,
      locale: settings.locale,
      now,
    });
    const jobId = enqueuePrint(
      db,
      { kind: 'test', role: device.config.role, layout, staffId: session.staffId },
      now,
    );
    m.emitJob({ jobId, status: 'queued', kind: 'test', docRef: null, attempts: 0, nextAttemptAt: now });
    m.kickPrintQueue();
    return { jobId };
  },

  'devices.simulateScan': async ({ code, symbology }, { core }) => {
    const deviceId = await core.services.devices.simulateScan(
      code,
      symbology !== undefined ? aimForSymbology(symbology) : undefined,
    );
    return { deviceId };
  },

  'devices.simulateMeter': async (input, { core }) => {
    await core.services.devices.simulateMeter(input.deviceId, {
      function: input.function,
      value: input.value,
      ...(input.noise !== undefined ? { noise: input.noise } : {}),
      ...(input.overload !== undefined ? { overload: input.overload } : {}),
    });
    return { deviceId: input.deviceId };
  },

  'devices.simulatedPaper': ({ deviceId }, { core }) => {
    const m = core.services.devices;
    getDevice(core.db.sqlite, deviceId);
    const sim = m.simulatedPrinter(deviceId);
    if (!sim) throw new AppError('DEVICE_NOT_SIMULATED', { deviceId });
    return { deviceId, lines: sim.screen(), bytes: sim.bytes.length, held: sim.held.length };
  },

  'print.jobs': (input, { core }) => ({ jobs: listPrintJobs(core.db.sqlite, input) }),

  'print.retry': ({ jobId }, ctx) => {
    requireSession(ctx);
    const m = ctx.core.services.devices;
    const job = retryPrintJob(ctx.core.db.sqlite, jobId, ctx.now);
    m.emitJob({
      jobId,
      status: job.status,
      kind: job.kind,
      docRef: job.docRef,
      attempts: job.attempts,
      nextAttemptAt: job.nextAttemptAt,
    });
    m.kickPrintQueue();
    return job;
  },

  'print.cancel': ({ jobId }, ctx) => {
    const session = requireSession(ctx);
    const m = ctx.core.services.devices;
    const job = cancelPrintJob(
      ctx.core.db.sqlite,
      jobId,
      { storeId: ctx.core.storeId, staffId: session.staffId },
      ctx.now,
    );
    m.emitJob({ jobId, status: job.status, kind: job.kind, docRef: job.docRef, attempts: job.attempts });
    return job;
  },

  'print.reprint': ({ jobId, copies }, ctx) => {
    const session = requireSession(ctx);
    const m = ctx.core.services.devices;
    const job = reprintPrintJob(
      ctx.core.db.sqlite,
      jobId,
      { storeId: ctx.core.storeId, staffId: session.staffId, ...(copies !== undefined ? { copies } : {}) },
      ctx.now,
    );
    m.emitJob({
      jobId: job.id,
      status: job.status,
      kind: job.kind,
      docRef: job.docRef,
      attempts: job.attempts,
      nextAttemptAt: job.nextAttemptAt,
    });
    m.kickPrintQueue();
    return job;
  },

  'print.preview': async ({ jobId }, { core }) => {
    const db = core.db.sqlite;
    const job = getPrintJob(db, jobId);
    const layout = getPrintLayout(db, jobId);
    const paper = core.services.devices.paperWidth();
    const html = await previewJob(layout, { paper, copies: job.copies, openDrawer: job.openDrawer });
    return { jobId, paper, html };
  },
};
