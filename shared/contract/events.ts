/** Push events from core to every connected renderer. Payloads are validated before sending. */
import { z } from 'zod';
import { event } from './define';
import { joinAreas } from './define';
import {
  deviceStatusPayload,
  meterReadingPayload,
  printJobPayload,
  scannerScanPayload,
} from './methods/devices';

export const coreEvents = {
  'app.notice': event({
    summary: 'A message for the status bar (i18n key + params).',
    payload: z.object({
      level: z.enum(['info', 'warning', 'error']),
      messageKey: z.string(),
      params: z.record(z.string(), z.unknown()),
    }),
  }),
};

/** Hardware: scans, device status changes, meter readings, print job changes (core/services/devices). */
export const deviceEvents = {
  'scanner.scan': event({
    summary: 'A code was scanned: what it is (classification) and which screen wants it (route).',
    payload: scannerScanPayload,
  }),
  'device.status': event({
    summary: 'A configured device connected, went away, or reports a problem (i18n key + params).',
    payload: deviceStatusPayload,
  }),
  'meter.reading': event({
    summary: 'One reading from a bench meter (streamed while the meter is connected).',
    payload: meterReadingPayload,
  }),
  'print.job': event({
    summary: 'A print job changed status (queued, printing, done, failed, cancelled).',
    payload: printJobPayload,
  }),
};

export const events = joinAreas(coreEvents, deviceEvents);
