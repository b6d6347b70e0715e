/** Push events from core to every connected renderer. Payloads are validated before sending. */
import { z } from 'zod';
import { event } from './define';
import { joinAreas } from './define';

export const coreEvents = {
  'app.notice': event({
    summary: 'A message for the status bar (i18n key + params).',
    payload: z.object({ level: z.enum(['info', 'warning', 'error']), messageKey: z.string(), params: z.record(z.string(), z.unknown()) }),
  }),
};

export const events = joinAreas(coreEvents);
