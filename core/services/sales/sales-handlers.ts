import { findSaleByReceipt } from '../../../db/repositories/sales/sale-by-receipt';
import { AppError } from '../../../shared/contract/errors';
import { receiptLookupMiss } from '../../../shared/domain/codes/document-number';
import type { MethodHandlers } from '../../dispatch/handlers';

export const salesLookupHandlers: MethodHandlers<'sales.byReceipt'> = {
  'sales.byReceipt': (input, { core }) => {
    const receiptNo = input.receiptNo.trim();
    const sale = findSaleByReceipt(core.db, core.storeId, receiptNo);
    if (!sale) throw new AppError('SALE_NOT_FOUND', { ...receiptLookupMiss(receiptNo) });
    return sale;
  },
};
