/** The new items of an exchange, priced at their current product price (one query per distinct SKU). */
import type { DbClient } from '../../../db/client';
import { AppError } from '../../../shared/contract/errors';
import type { ExchangeNewItem } from '../../../shared/domain/refund';
import { productBySku, type ProductRow } from './no-receipt';

export interface PricedExchangeItem {
  product: ProductRow;
  qty: number;
  serial: string | null;
  /** The item as the refund domain prices it (itemId = its position in the request). */
  domain: ExchangeNewItem;
}

/** Looks up and prices the requested items; RETURN_EXCHANGE_ITEM_UNKNOWN for an unknown or inactive SKU. */
export function priceExchangeItems(
  db: DbClient,
  items: readonly { sku: string; qty: number; serial?: string | undefined }[],
  taxIncluded: boolean,
): PricedExchangeItem[] {
  return items.map((item, i) => {
    const product = productBySku(db, item.sku);
    if (!product || !product.active) {
      throw new AppError('RETURN_EXCHANGE_ITEM_UNKNOWN', { sku: item.sku });
    }
    return {
      product,
      qty: item.qty,
      serial: item.serial ?? null,
      domain: {
        itemId: String(i + 1),
        qty: item.qty,
        unitPrice: product.priceMinor,
        lineDiscount: 0,
        taxRateBp: product.taxRateBp,
        taxIncluded,
      },
    };
  });
}
