import { z } from 'zod';
import { TENDERS } from '../../domain/money/tenders';
import { method } from '../define';
import { currency, day, epochMs, minor, nonNegativeMinor } from '../schemas';

export const tender = z.enum(TENDERS);

export const saleLine = z.object({
  lineNo: z.number().int().positive(),
  productId: z.number().int().nullable(),
  sku: z.string(),
  name: z.string(),
  categoryCode: z.string().nullable(),
  qty: z.number().int().positive(),
  unitPriceMinor: nonNegativeMinor,
  lineDiscountMinor: nonNegativeMinor,
  taxRateBp: z.number().int().min(0).max(10_000),
  serial: z.string().nullable(),
});

export const salePayment = z.object({ tender, amountMinor: nonNegativeMinor, ref: z.string().nullable() });

export const sale = z.object({
  id: z.string(),
  receiptNo: z.string(),
  soldAt: epochMs,
  businessDay: day,
  currency,
  subtotalMinor: minor,
  orderDiscountMinor: nonNegativeMinor,
  totalMinor: minor,
  taxIncluded: z.boolean(),
  customer: z.object({ id: z.number().int(), name: z.string(), phone: z.string().nullable() }).nullable(),
  lines: z.array(saleLine),
  payments: z.array(salePayment),
});
export type Sale = z.infer<typeof sale>;

export const saleListItem = z.object({
  id: z.string(),
  receiptNo: z.string(),
  soldAt: epochMs,
  totalMinor: minor,
  customerName: z.string().nullable(),
  lineCount: z.number().int(),
});

export const importRowError = z.object({
  row: z.number().int(),
  saleId: z.string().nullable(),
  /** i18n key of the reason, e.g. `import.errors.totalMismatch`. */
  reason: z.string(),
  /** Interpolation values for the reason's message. */
  params: z.record(z.string(), z.union([z.string(), z.number()])).default({}),
});
export const importReport = z.object({
  batchId: z.number().int(),
  format: z.enum(['csv', 'json']),
  rowsRead: z.number().int(),
  salesImported: z.number().int(),
  salesSkippedDuplicate: z.number().int(),
  salesFailed: z.number().int(),
  errors: z.array(importRowError),
});
export type ImportReport = z.infer<typeof importReport>;

export const salesMethods = {
  'sales.byReceipt': method({
    summary: 'Open a sale with its lines and payments by receipt number.',
    access: 'sales.read',
    input: z.object({ receiptNo: z.string().min(1).max(64) }).strict(),
    output: sale,
  }),
  'sales.search': method({
    summary: 'Find sales by customer phone (suffix ok), customer name prefix, serial/IMEI, or day + amount.',
    access: 'sales.read',
    input: z
      .object({
        phone: z
          .string()
          .regex(/^\d{4,15}$/)
          .optional(),
        name: z.string().min(1).max(40).optional(),
        serial: z.string().min(4).max(40).optional(),
        day: day.optional(),
        amountMinor: nonNegativeMinor.optional(),
        limit: z.number().int().min(1).max(100).default(20),
      })
      .strict(),
    output: z.array(saleListItem),
  }),
  'sales.import': method({
    summary: 'Import POS sales from CSV or JSON text (idempotent by sale id; per-row error report).',
    access: 'sales.import',
    input: z
      .object({
        format: z.enum(['csv', 'json']),
        content: z.string().max(50_000_000),
        fileName: z.string().max(200).default('upload'),
      })
      .strict(),
    output: importReport,
  }),
};
