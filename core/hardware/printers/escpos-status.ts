/**
 * Printer status bytes (Epson ESC/POS reference, "DLE EOT" and "GS a"; Citizen appendix
 * "Identification of send status").
 *
 * DLE EOT n replies are one byte of pattern 0xx1xx10b (bits 1 and 4 on, 0 and 7 off):
 *   n=1 printer:      bit 2 drawer kick-out connector pin 3 high, bit 3 offline,
 *                     bit 5 waiting for online recovery, bit 6 paper feed button pressed
 *   n=2 offline cause: bit 2 cover open, bit 3 paper fed by button, bit 5 printing stopped by
 *                     paper end, bit 6 error occurred
 *   n=3 error cause:  bit 2 recoverable (mechanical) error, bit 3 autocutter error,
 *                     bit 5 unrecoverable error, bit 6 automatically recoverable error
 *   n=4 roll paper:   bits 2,3 near end (0x0C), bits 5,6 paper end (0x60)
 * ASB (automatic status back) frames are 4 bytes: the first 0xx1xx00b, the other three 0xx0xxxxb;
 * XON/XOFF may sit between them.
 *   byte 1: bit 2 drawer pin 3, bit 3 offline, bit 5 cover open, bit 6 feed button
 *   byte 2: bit 0 waiting for online recovery, bit 2 mechanical error, bit 3 autocutter error,
 *           bit 5 unrecoverable error, bit 6 automatically recoverable error
 *   byte 3: bits 0,1 roll paper near end (0x03), bits 2,3 roll paper end (0x0C)
 *   byte 4: reserved
 * The parser classifies any chunking of a reply stream, resynchronising on garbage; it never throws.
 */
import type { PrinterConditionFlags } from '../../../shared/domain/receipt/printer-status';

/** Which level of drawer kick-out connector pin 3 means "drawer open" (depends on the drawer's switch). */
export type DrawerOpenLevel = 'low' | 'high';

export const XON = 0x11;
export const XOFF = 0x13;

/** True for a byte shaped like a DLE EOT reply (0xx1xx10b). */
export function isRealtimeStatusByte(b: number): boolean {
  return (b & 0x93) === 0x12;
}

/** True for a byte shaped like the first byte of an ASB frame (0xx1xx00b). */
export function isAsbFirstByte(b: number): boolean {
  return (b & 0x93) === 0x10;
}

/** True for a byte shaped like ASB bytes 2–4 (0xx0xxxxb). */
export function isAsbFollowingByte(b: number): boolean {
  return (b & 0x90) === 0x00;
}

/** The four DLE EOT reply bytes, by query n = 1..4. */
export interface RealtimeStatusBytes {
  printer: number;
  offlineCause: number;
  errorCause: number;
  paper: number;
}

function drawerOpen(pin3High: boolean, level: DrawerOpenLevel): boolean {
  return level === 'high' ? pin3High : !pin3High;
}

/** Condition flags from the replies to DLE EOT 1, 2, 3 and 4. */
export function flagsFromRealtime(
  bytes: RealtimeStatusBytes,
  drawerOpenLevel: DrawerOpenLevel = 'low',
): PrinterConditionFlags {
  return {
    online: (bytes.printer & 0x08) === 0,
    coverOpen: (bytes.offlineCause & 0x04) !== 0,
    paperOut: (bytes.paper & 0x60) !== 0 || (bytes.offlineCause & 0x20) !== 0,
    paperNearEnd: (bytes.paper & 0x0c) !== 0,
    drawerOpen: drawerOpen((bytes.printer & 0x04) !== 0, drawerOpenLevel),
    error: (bytes.offlineCause & 0x40) !== 0 || (bytes.errorCause & 0x6c) !== 0,
  };
}

/** Condition flags from one 4-byte ASB frame. */
export function flagsFromAsb(
  frame: readonly [number, number, number, number],
  drawerOpenLevel: DrawerOpenLevel = 'low',
): PrinterConditionFlags {
  const [b1, b2, b3] = frame;
  return {
    online: (b1 & 0x08) === 0,
    coverOpen: (b1 & 0x20) !== 0,
    paperOut: (b3 & 0x0c) !== 0,
    paperNearEnd: (b3 & 0x03) !== 0,
    drawerOpen: drawerOpen((b1 & 0x04) !== 0, drawerOpenLevel),
    error: (b2 & 0x6c) !== 0,
  };
}

export type StatusStreamEvent =
  { kind: 'realtime'; byte: number } | { kind: 'asb'; frame: [number, number, number, number] };

export interface StatusStreamStats {
  /** Bytes that fit neither a DLE EOT reply nor an ASB frame (dropped). */
  garbageBytes: number;
  /** XON/XOFF flow-control bytes (skipped). */
  flowControlBytes: number;
}

/**
 * Splits the bytes a printer sends back into DLE EOT reply bytes and ASB frames, from any
 * chunking. A broken ASB frame is dropped (its bytes counted as garbage) and the byte that broke
 * it is examined again as a possible start.
 */
export class StatusStreamParser {
  readonly stats: StatusStreamStats = { garbageBytes: 0, flowControlBytes: 0 };
  private frame: number[] = [];

  /** Parses the next chunk; returns the replies and frames it completed. */
  push(chunk: Uint8Array): StatusStreamEvent[] {
    const events: StatusStreamEvent[] = [];
    for (const b of chunk) {
      if (b === XON || b === XOFF) {
        this.stats.flowControlBytes++;
        continue;
      }
      if (this.frame.length > 0) {
        if (isAsbFollowingByte(b)) {
          this.frame.push(b);
          if (this.frame.length === 4) {
            const [b1 = 0, b2 = 0, b3 = 0, b4 = 0] = this.frame;
            events.push({ kind: 'asb', frame: [b1, b2, b3, b4] });
            this.frame = [];
          }
          continue;
        }
        this.stats.garbageBytes += this.frame.length;
        this.frame = [];
      }
      if (isRealtimeStatusByte(b)) events.push({ kind: 'realtime', byte: b });
      else if (isAsbFirstByte(b)) this.frame = [b];
      else this.stats.garbageBytes++;
    }
    return events;
  }

  /** Bytes of an unfinished ASB frame held for the next chunk. */
  get pendingBytes(): number {
    return this.frame.length;
  }
}

/** Builds the DLE EOT reply bytes a printer in the given condition sends (for simulators and tests). */
export function realtimeBytesFor(
  flags: PrinterConditionFlags & { offline?: boolean },
  drawerOpenLevel: DrawerOpenLevel = 'low',
): RealtimeStatusBytes {
  const pin3High = drawerOpenLevel === 'high' ? flags.drawerOpen : !flags.drawerOpen;
  const offline = !flags.online || flags.coverOpen || flags.paperOut || flags.error;
  return {
    printer: 0x12 | (pin3High ? 0x04 : 0) | (offline ? 0x08 : 0),
    offlineCause:
      0x12 | (flags.coverOpen ? 0x04 : 0) | (flags.paperOut ? 0x20 : 0) | (flags.error ? 0x40 : 0),
    errorCause: 0x12 | (flags.error ? 0x08 : 0),
    paper: 0x12 | (flags.paperNearEnd || flags.paperOut ? 0x0c : 0) | (flags.paperOut ? 0x60 : 0),
  };
}

/** Builds the ASB frame a printer in the given condition sends (for simulators and tests). */
export function asbFrameFor(
  flags: PrinterConditionFlags,
  drawerOpenLevel: DrawerOpenLevel = 'low',
): [number, number, number, number] {
  const pin3High = drawerOpenLevel === 'high' ? flags.drawerOpen : !flags.drawerOpen;
  const offline = !flags.online || flags.coverOpen || flags.paperOut || flags.error;
  return [
    0x10 | (pin3High ? 0x04 : 0) | (offline ? 0x08 : 0) | (flags.coverOpen ? 0x20 : 0),
    flags.error ? 0x08 : 0,
    (flags.paperNearEnd || flags.paperOut ? 0x03 : 0) | (flags.paperOut ? 0x0c : 0),
    0,
  ];
}
