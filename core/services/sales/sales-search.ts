/**
 * Finding a sale without its receipt: customer phone (full or last digits), customer name
 * prefix, a line's serial/IMEI, or business day + total (db/repositories/sales/search-sales.ts).
 */
import { searchSales } from '../../../db/repositories/sales/search-sales';
import type { MethodHandlers } from '../../dispatch/handlers';

export const salesSearchHandlers: MethodHandlers<'sales.search'> = {
  'sales.search': (input, { core }) => searchSales(core.db, core.storeId, input),
};
