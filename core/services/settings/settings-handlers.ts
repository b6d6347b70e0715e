import { appendAudit } from '../../../db/audit/chain';
import { readSettings, writeSettings } from '../../../db/repositories/store/settings';
import { setStoreName, setStoreTimeZone } from '../../../db/repositories/store/stores';
import { AppError } from '../../../shared/contract/errors';
import { isValidTimeZone } from '../../../shared/domain/time/business-day';
import type { AreaHandlers } from '../../dispatch/handlers';
import { requireSession } from '../../dispatch/handlers';

export const settingsHandlers: AreaHandlers<'settings'> = {
  'settings.get': (_input, { core }) => readSettings(core.db, core.storeId),
  'settings.update': (input, ctx) => {
    const session = requireSession(ctx);
    const { core, now } = ctx;
    if (input.timeZone !== undefined && !isValidTimeZone(input.timeZone)) {
      throw new AppError('SETTINGS_BAD_TIME_ZONE', { timeZone: input.timeZone });
    }
    const { db } = core;
    db.transaction(() => {
      writeSettings(db, core.storeId, input, now);
      if (input.timeZone) setStoreTimeZone(db, core.storeId, input.timeZone);
      if (input.storeName) setStoreName(db, core.storeId, input.storeName);
      appendAudit(db, {
        at: now,
        storeId: core.storeId,
        staffId: session.staffId,
        action: 'settings.updated',
        entityType: 'settings',
        entityId: String(core.storeId),
        data: input,
      });
    });
    return readSettings(db, core.storeId);
  },
};
