/**
 * What the repair commands need from a core: the database, the store, the data directory (for the
 * passcode key) and the notification sender. Commands take this instead of the whole core so the
 * demo seeder, which runs before the core exists, uses the very same code paths.
 */
import type { SqliteDb } from '../../../db/open';
import type { CoreContext } from '../../context';
import type { NotificationSender } from './notification-sender';

export interface RepairEnv {
  db: SqliteDb;
  storeId: number;
  dataDir: string;
  sender: NotificationSender;
}

/** The repair environment of a running core. */
export function envOf(core: CoreContext): RepairEnv {
  return {
    db: core.db.sqlite,
    storeId: core.storeId,
    dataDir: core.dataDir,
    sender: core.services.notificationSender,
  };
}
