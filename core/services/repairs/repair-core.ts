/**
 * What the repair commands (intake, QC, pickup) use of a core: the database, the store, the data
 * directory (for the passcode key) and the notification sender. It is a subset of `CoreContext`,
 * so handlers pass `ctx.core` as it is; the demo seeder, which runs before the core exists, passes
 * the same fields with the offline sender.
 */
import type { CoreContext } from '../../context';
import type { CoreServices } from '../../core-services';

export type RepairCore = Pick<CoreContext, 'db' | 'storeId' | 'dataDir'> & {
  readonly services: Pick<CoreServices, 'notificationSender'>;
};
