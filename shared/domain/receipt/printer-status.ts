/**
 * What is known about a receipt printer's condition, as the driver reports it and the Devices
 * screen and print queue read it. Pure types plus one helper; runs in the browser.
 */

/** Flags decoded from DLE EOT replies or an ASB frame. */
export interface PrinterConditionFlags {
  online: boolean;
  coverOpen: boolean;
  paperOut: boolean;
  paperNearEnd: boolean;
  drawerOpen: boolean;
  /** Autocutter, mechanical, unrecoverable or automatically recoverable error. */
  error: boolean;
}

export type PrinterStatus =
  /** The printer answered; `source` says whether from DLE EOT queries or an automatic status back frame. */
  | ({ kind: 'reported'; source: 'dle-eot' | 'asb'; at: number } & PrinterConditionFlags)
  /** Connected, but the printer did not answer the status query in time. */
  | { kind: 'no-reply'; at: number }
  /** The transport could not be opened or closed while asking. */
  | { kind: 'unreachable'; reason: string; at: number }
  /** The transport cannot carry replies (a file or a one-way device): status cannot be known. */
  | { kind: 'unknown'; at: number };

/**
 * The i18n key (`printer.status.*`) that best describes a status for one line on screen:
 * the most urgent problem first (cover, paper, fault, offline), then paper low, then ready.
 */
export function printerStatusKey(status: PrinterStatus): string {
  switch (status.kind) {
    case 'no-reply':
      return 'printer.status.noReply';
    case 'unreachable':
      return 'printer.status.unreachable';
    case 'unknown':
      return 'printer.status.unknown';
    case 'reported':
      if (status.coverOpen) return 'printer.status.coverOpen';
      if (status.paperOut) return 'printer.status.paperOut';
      if (status.error) return 'printer.status.error';
      if (!status.online) return 'printer.status.offline';
      if (status.paperNearEnd) return 'printer.status.paperNearEnd';
      return 'printer.status.ready';
  }
}
