import { z } from 'zod';
import { method } from '../define';
import { currency, locale } from '../schemas';

export const storeInfo = z.object({
  storeId: z.number().int(),
  code: z.string(),
  name: z.string(),
  timeZone: z.string(),
  currency,
  locale,
  demo: z.boolean(),
});

export const appMethods = {
  'app.info': method({
    summary: 'Version, store and host information shown on the sign-in screen.',
    access: 'public',
    input: z.object({}).strict(),
    output: z.object({
      version: z.string(),
      host: z.enum(['electron', 'web', 'cli']),
      store: storeInfo,
      demoPins: z.array(z.object({ code: z.string(), name: z.string(), role: z.string(), pin: z.string() })),
    }),
  }),
};
