/**
 * What scanner drivers emit: decoded scans (the zod-checked ScanEvent of shared/domain/scanner)
 * and status changes for the Devices screen and the status bar.
 */
import { parseAimId, splitAimPrefix } from '../../../shared/domain/codes/aim';
import { classifyScan } from '../../../shared/domain/codes/classify';
import type { ScanEvent, ScanSource } from '../../../shared/domain/scanner/scan-event';

export type { ScanEvent, ScanSource };

export const SCANNER_STATES = ['stopped', 'searching', 'connected', 'disconnected', 'error'] as const;
export type ScannerState = (typeof SCANNER_STATES)[number];

export interface ScannerStatus {
  state: ScannerState;
  /** e.g. `hid:0c2e:0b8f`, `serial:/dev/ttyUSB0`. */
  deviceId?: string;
  /** i18n key in the scanner area, e.g. `scanner.status.disconnected`. */
  messageKey: string;
  /** Technical detail for logs and the Devices screen (not translated). */
  detail?: string;
  /** UTC epoch ms. */
  at: number;
}

export interface MakeScanEventInput {
  source: ScanSource;
  deviceId?: string;
  /** Decoded text as received, possibly with an AIM prefix and terminators. */
  text: string;
  /** AIM id when it came apart from the data (HID-POS report). */
  aim?: string;
  at: number;
  referenceYear?: number;
}

/** Classifies decoded text into a ScanEvent; an AIM prefix inside the text is used when none came apart. */
export function makeScanEvent(input: MakeScanEventInput): ScanEvent {
  const aimId = input.aim ?? splitAimPrefix(input.text.trimStart()).aim?.id;
  const options = input.referenceYear !== undefined ? { referenceYear: input.referenceYear } : {};
  const classification = classifyScan(input.text, input.aim, options);
  const event: ScanEvent = { source: input.source, code: classification.code, at: input.at, classification };
  if (input.deviceId !== undefined) event.deviceId = input.deviceId;
  if (aimId !== undefined) {
    event.aim = aimId;
    const info = parseAimId(aimId);
    if (info) event.symbology = info.symbology;
  }
  return event;
}
