import { appendAudit } from '../../../db/audit/chain';
import { AppError } from '../../../shared/contract/errors';
import { isValidTimeZone } from '../../../shared/domain/time/business-day';
import type { MethodHandlers } from '../../dispatch/handlers';
import { requireSession } from '../../dispatch/handlers';
import { readSettings, writeSettings } from './settings-repo';

export const settingsHandlers: MethodHandlers<'settings.get' | 'settings.update'> = {
  'settings.get': (_input, { core }) => readSettings(core.db.sqlite, core.storeId),
  'settings.update': (input, ctx) => {
    const session = requireSession(ctx);
    const { core, now } = ctx;
    if (input.timeZone !== undefined && !isValidTimeZone(input.timeZone)) {
      throw new AppError('SETTINGS_BAD_TIME_ZONE', { timeZone: input.timeZone });
    }
    const db = core.db.sqlite;
    db.transaction(() => {
      writeSettings(db, core.storeId, input, now);
      if (input.timeZone)
        db.prepare('UPDATE stores SET time_zone = ? WHERE id = ?').run(input.timeZone, core.storeId);
      if (input.storeName)
        db.prepare('UPDATE stores SET name = ? WHERE id = ?').run(input.storeName, core.storeId);
      appendAudit(db, {
        at: now,
        storeId: core.storeId,
        staffId: session.staffId,
        action: 'settings.updated',
        entityType: 'settings',
        entityId: String(core.storeId),
        data: input,
      });
    })();
    return readSettings(db, core.storeId);
  },
};
