import { storeFacts } from '../../../db/repositories/store/store-facts';
import { APP_VERSION } from '../../../shared/app-version';
import type { AreaHandlers } from '../../dispatch/handlers';
import { demoCredentials } from '../../demo/seed-demo';

export const appHandlers: AreaHandlers<'app'> = {
  'app.info': (_input, { core }) => {
    const store = storeFacts(core.db, core.storeId);
    return {
      version: APP_VERSION,
      host: core.host,
      store: {
        storeId: store.id,
        code: store.code,
        name: store.name,
        timeZone: store.timeZone,
        currency: store.currency,
        locale: store.locale,
        demo: store.demo,
      },
      demoPins: store.demo ? demoCredentials(core.db, core.storeId) : [],
    };
  },
};
