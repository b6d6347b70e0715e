/**
 * Splits a serial scanner's byte stream into codes ended by CR, LF or CR LF (a CR LF split across
 * two chunks still counts once). Lines longer than the cap, and lines of line noise (NUL, stray
 * control bytes, invalid UTF-8 — what a wrong baud rate produces), are dropped and counted; the
 * framer resynchronises at the next line end. Never throws.
 */
import { decodeScanBytes } from './scan-bytes';

export const LINE_ERRORS = ['too_long', 'garbage'] as const;
export type LineError = (typeof LINE_ERRORS)[number];

export interface LineFramerOptions {
  /** Longest line kept, in bytes without the terminator. Default 512. */
  maxLineBytes?: number;
}

export interface LineFramer {
  /** Feeds a chunk; returns the complete lines it finished, in order. */
  push(chunk: Uint8Array): string[];
  /** Drops a partial line (port closed or reopened). */
  reset(): void;
  readonly errors: Readonly<Record<LineError, number>>;
  /** Lines emitted so far. */
  readonly lines: number;
}

const CR = 0x0d;
const LF = 0x0a;

/** Control bytes a scanner may legitimately put in a line: STX, ETX, EOT, TAB, GS (GS1 FNC1), RS. */
const ALLOWED_CONTROLS = new Set([0x02, 0x03, 0x04, 0x09, 0x1d, 0x1e]);

/** A line of only spaces and allowed control bytes carries no code: skipped, not an error. */
const BLANK = /^[\s\u0002-\u0004\u001d\u001e]*$/;

/** True when a line holds only text a scanner sends. */
function isCleanLine(bytes: Uint8Array, decoded: ReturnType<typeof decodeScanBytes>): boolean {
  if (decoded.encoding !== 'utf-8') return false;
  for (const b of bytes) if ((b < 0x20 && !ALLOWED_CONTROLS.has(b)) || b === 0x7f) return false;
  return true;
}

/** Creates a framer with its own buffer and counters. */
export function createLineFramer(options: LineFramerOptions = {}): LineFramer {
  const max = options.maxLineBytes ?? 512;
  const errors: Record<LineError, number> = { too_long: 0, garbage: 0 };
  let buf = new Uint8Array(max);
  let len = 0;
  let overflow = false;
  let lastWasCr = false;
  let emitted = 0;

  const endLine = (out: string[]): void => {
    if (overflow) errors.too_long += 1;
    else if (len > 0) {
      const bytes = buf.slice(0, len);
      const decoded = decodeScanBytes(bytes);
      if (!isCleanLine(bytes, decoded)) errors.garbage += 1;
      else if (!BLANK.test(decoded.text)) {
        out.push(decoded.text);
        emitted += 1;
      }
    }
    len = 0;
    overflow = false;
  };

  return {
    push(chunk: Uint8Array): string[] {
      const out: string[] = [];
      if (!(chunk instanceof Uint8Array)) return out;
      for (const b of chunk) {
        if (b === LF && lastWasCr) {
          lastWasCr = false;
          continue;
        }
        lastWasCr = b === CR;
        if (b === CR || b === LF) {
          endLine(out);
          continue;
        }
        if (overflow) continue;
        if (len === max) {
          overflow = true;
          continue;
        }
        buf[len++] = b;
      }
      return out;
    },
    reset(): void {
      buf = new Uint8Array(max);
      len = 0;
      overflow = false;
      lastWasCr = false;
    },
    get errors() {
      return errors;
    },
    get lines() {
      return emitted;
    },
  };
}
