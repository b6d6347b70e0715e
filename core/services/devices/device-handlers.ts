/** Contract handlers of the `devices.*` methods (the `print.*` ones are in core/services/print). */
import { AppError } from '../../../shared/contract/errors';
import type { DeviceConfig } from '../../../shared/contract/methods/devices';
import { storeFacts } from '../../../db/repositories/store/store-facts';
import { requireSession, type AreaHandlers } from '../../dispatch/handlers';
import { testPageLayout } from '../../printing/documents/test-page';
import { printNow } from '../../printing/enqueue';
import { aimForSymbology } from './aim-for-symbology';
import { getDevice, removeDevice, saveDevice } from './device-repo';
import { transportLabel } from './transport-factory';

export const deviceHandlers: AreaHandlers<'devices'> = {
  'devices.list': async (input, { core }) => {
    const m = core.services.devices;
    const detected = input.detect === false ? null : await m.detect();
    return { running: m.isRunning, devices: m.list(), detected };
  },

  'devices.save': async (input, ctx) => {
    const { core, now } = ctx;
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
    const id = saveDevice(core.db, input.id, config, now, {
      storeId: core.storeId,
      staffId: requireSession(ctx).staffId,
    });
    await m.reload(id);
    return m.view(getDevice(core.db, id));
  },

  'devices.remove': async ({ deviceId }, ctx) => {
    const { core } = ctx;
    const m = core.services.devices;
    getDevice(core.db, deviceId);
    const removed = removeDevice(core.db, deviceId, {
      storeId: core.storeId,
      staffId: requireSession(ctx).staffId,
      now: ctx.now,
    });
    await m.reload(deviceId);
    return { removed };
  },

  'devices.testRead': ({ deviceId }, { core }) => core.services.devices.testRead(deviceId),

  'devices.testPrint': ({ deviceId }, ctx) => {
    const session = requireSession(ctx);
    const { core, now } = ctx;
    const device = getDevice(core.db, deviceId);
    if (device.config.kind !== 'printer')
      throw new AppError('DEVICE_WRONG_KIND', { deviceId, expected: 'printer' });
    const store = storeFacts(core.db, core.storeId);
    const document = testPageLayout({
      deviceName: device.config.name,
      connection: transportLabel(device.config.driver, device.config.transport, deviceId),
      storeName: store.name,
      timeZone: store.timeZone,
      locale: store.locale,
      now,
    });
    const { id } = printNow(
      core,
      { kind: 'test', role: device.config.role, document, staffId: session.staffId },
      now,
    );
    return { jobId: id };
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
    getDevice(core.db, deviceId);
    const sim = m.simulatedPrinter(deviceId);
    if (!sim) throw new AppError('DEVICE_NOT_SIMULATED', { deviceId });
    return { deviceId, lines: sim.screen(), bytes: sim.bytes.length, held: sim.held.length };
  },
};
