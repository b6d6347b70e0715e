/**
 * The sale as refund math sees it: lines, order-level discounts, tenders, and what earlier returns
 * of the same sale already took. All amounts are integer minor units of `currency`.
 */
import { z } from 'zod';
import { CURRENCY_CODES } from '../money/currency';
import { TENDERS } from '../money/tenders';

const minor = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

export const refundSaleLineSchema = z
  .object({
    lineId: z.string().min(1),
    qty: z.number().int().positive().max(1_000_000),
    /** Shelf price of one unit (tax included when `taxIncluded`). */
    unitPrice: minor,
    /** Discount on this line as a whole (not per unit). */
    lineDiscount: minor,
    /** Tax rate in basis points: 1300 = 13 % VAT. */
    taxRateBp: z.number().int().min(0).max(10_000),
    /** true: prices contain the tax (China retail); false: tax is added on top. */
    taxIncluded: z.boolean(),
  })
  .refine((l) => l.lineDiscount <= l.qty * l.unitPrice, { message: 'lineDiscount exceeds the line gross' });

export const orderDiscountSchema = z.object({ code: z.string().optional(), amount: minor });

export const tenderPaymentSchema = z.object({
  tender: z.enum(TENDERS),
  amount: minor,
  ref: z.string().optional(),
});

export const refundSaleSchema = z.object({
  currency: z.enum(CURRENCY_CODES),
  lines: z.array(refundSaleLineSchema).min(1),
  orderDiscounts: z.array(orderDiscountSchema),
  /** In the order the POS took them; the index is the tender's identity for refunds. */
  tenders: z.array(tenderPaymentSchema).min(1),
});
export type RefundSale = z.infer<typeof refundSaleSchema>;

/** One earlier return of this sale (as recorded when it was committed). */
export const previousReturnSchema = z.object({
  lines: z.array(
    z.object({
      lineId: z.string(),
      qty: z.number().int().min(0),
      /** What was refunded for these units (after fees and caps). */
      refunded: minor,
    }),
  ),
  tenders: z.array(
    z.object({
      /** Index into sale.tenders, or null for store credit issued because no original tender could take it. */
      saleTenderIndex: z.number().int().min(0).nullable(),
      tender: z.enum(TENDERS),
      amount: minor,
    }),
  ),
});
export type PreviousReturn = z.infer<typeof previousReturnSchema>;
