/** The `sales.import` contract method: the signed-in staff imports a POS export. */
import type { MethodHandlers } from '../../../dispatch/handlers';
import { importSales } from './import-sales';

export const salesImportHandlers: MethodHandlers<'sales.import'> = {
  'sales.import': (input, { core, session, now }) =>
    importSales({ db: core.db, storeId: core.storeId }, input, session?.staffId ?? null, now),
};
