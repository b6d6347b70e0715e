/** Small zod building blocks reused by every contract area. */
import { z } from 'zod';
import { isBusinessDay } from '../domain/time/business-day';
import { LOCALES } from '../i18n/types';
import { ROLES } from './permissions';

/** Integer minor units (分 / cents). Never a float. */
export const minor = z.number().int().min(-9_000_000_000_000).max(9_000_000_000_000);
export const nonNegativeMinor = minor.min(0);
export const epochMs = z.number().int().nonnegative();
export const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD')
  .refine(isBusinessDay, { message: 'a calendar day that exists', params: { rule: 'calendar_day' } });
export const pin = z.string().regex(/^\d{4,8}$/, '4–8 digits');
export const staffCode = z.string().regex(/^[A-Z0-9]{3,12}$/);
export const locale = z.enum(LOCALES);
export const role = z.enum(ROLES);
export const currency = z.string().regex(/^[A-Z]{3}$/);
export const idempotencyKey = z.string().min(8).max(100);

export const staffSummary = z.object({
  id: z.number().int(),
  code: staffCode,
  name: z.string(),
  role,
});
export type StaffSummary = z.infer<typeof staffSummary>;
