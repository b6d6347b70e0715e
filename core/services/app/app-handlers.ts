import { APP_VERSION } from '../../../shared/app-version';
import type { MethodHandlers } from '../../dispatch/handlers';
import { demoCredentials } from '../../demo/seed-demo';
import { storeRow } from '../../store/init-store';
import { readSettings } from '../settings/settings-repo';

export const appHandlers: MethodHandlers<'app.info'> = {
  'app.info': (_input, { core }) => {
    const db = core.db.sqlite;
    const store = storeRow(db, core.storeId);
    const settings = readSettings(db, core.storeId);
    return {
      version: APP_VERSION,
      host: core.host,
      store: {
        storeId: store.id,
        code: store.code,
        name: settings.storeName,
        timeZone: settings.timeZone,
        currency: store.currency,
        locale: settings.locale,
        demo: store.demo === 1,
      },
      demoPins: store.demo === 1 ? demoCredentials(db, core.storeId) : [],
    };
  },
};
