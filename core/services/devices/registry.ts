/**
 * One device manager per composed core, found from the CoreContext every handler receives
 * (compose attaches it; the contract handlers and services look it up).
 */
import { AppError } from '../../../shared/contract/errors';
import type { CoreContext } from '../../context';
import { DeviceManager, type DeviceManagerOptions } from './device-manager';

const managers = new WeakMap<CoreContext, DeviceManager>();

/** Creates the device manager of a core (not started: call start() to open devices). */
export function attachDevices(
  ctx: CoreContext,
  options: Partial<Pick<DeviceManagerOptions, 'printPollMs' | 'detect'>> = {},
): DeviceManager {
  const manager = new DeviceManager({
    db: ctx.db.sqlite,
    storeId: ctx.storeId,
    now: () => ctx.now(),
    events: ctx.events,
    ...options,
  });
  managers.set(ctx, manager);
  return manager;
}

/** The device manager of a core; AppError DEVICES_UNAVAILABLE when none was attached. */
export function devicesOf(ctx: CoreContext): DeviceManager {
  const m = managers.get(ctx);
  if (!m) throw new AppError('DEVICES_UNAVAILABLE');
  return m;
}

/**
 * For services, after their transaction committed a print job (enqueuePrint): print it now
 * instead of at the next poll. A no-op when devices are not running.
 */
export function kickPrintQueue(ctx: CoreContext): void {
  managers.get(ctx)?.kickPrintQueue();
}
