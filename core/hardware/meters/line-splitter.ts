/**
 * Reassembles text lines from byte chunks: LF ends a line, a CR before it is dropped (CRLF
 * accepted). Bytes are read as ASCII/Latin-1. A line longer than the limit is thrown away up
 * to its LF and counted, so a babbling device cannot grow memory. Never throws.
 */

export interface LineSplitter {
  /** Feeds bytes; returns the complete lines they finished. */
  push(chunk: Uint8Array): string[];
  /** Drops any partial line. */
  clear(): void;
  /** Lines discarded for being too long. */
  readonly overflows: number;
  /** Bytes of a partial line waiting for its LF. */
  readonly pendingBytes: number;
}

/** Creates a splitter; `maxLength` bounds one line in bytes (default 4096). */
export function createLineSplitter(maxLength = 4096): LineSplitter {
  let parts: string[] = [];
  let length = 0;
  let overflowing = false;
  let overflows = 0;

  return {
    push(chunk) {
      const lines: string[] = [];
      let start = 0;
      for (let i = 0; i < chunk.length; i++) {
        if (chunk[i] !== 0x0a) continue;
        const piece = latin1(chunk.subarray(start, i));
        start = i + 1;
        if (overflowing || length + piece.length > maxLength) {
          overflows += 1;
        } else {
          const line = parts.join('') + piece;
          lines.push(line.endsWith('\r') ? line.slice(0, -1) : line);
        }
        parts = [];
        length = 0;
        overflowing = false;
      }
      if (start < chunk.length && !overflowing) {
        const rest = latin1(chunk.subarray(start));
        length += rest.length;
        if (length > maxLength) {
          overflowing = true;
          parts = [];
          length = 0;
        } else {
          parts.push(rest);
        }
      }
      return lines;
    },
    clear() {
      parts = [];
      length = 0;
      overflowing = false;
    },
    get overflows() {
      return overflows;
    },
    get pendingBytes() {
      return length;
    },
  };
}

function latin1(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i] ?? 0);
  return s;
}
