import { z } from 'zod';
import { method } from '../define';
import { locale } from '../schemas';

export const storeSettings = z.object({
  storeName: z.string().min(1).max(80),
  timeZone: z.string().min(1).max(64),
  locale,
  receiptWidth: z.union([z.literal(58), z.literal(80)]),
  badgeSignIn: z.boolean(),
  lockoutAttempts: z.number().int().min(3).max(20),
  lockoutMinutes: z.number().int().min(1).max(240),
  /** Four eyes: a manager approval (returns above the threshold) must come from another person than the clerk. */
  approvalFourEyes: z.boolean(),
  /** Wrong PINs on this terminal (all staff together) within 15 min before sign-in pauses. */
  terminalFailureLimit: z.number().int().min(3).max(100),
  /** Minutes without input before the screen locks and asks the same PIN again; 0 = never. */
  idleLockMinutes: z.number().int().min(0).max(240),
});
export type StoreSettings = z.infer<typeof storeSettings>;

export const settingsMethods = {
  'settings.get': method({
    summary: 'The store settings.',
    access: 'settings.read',
    input: z.object({}).strict(),
    output: storeSettings,
  }),
  'settings.update': method({
    summary: 'Change store settings (manager).',
    access: 'settings.manage',
    input: storeSettings.partial().strict(),
    output: storeSettings,
  }),
};
