/**
 * Status bytes built by hand from the Epson reference tables (DLE EOT n = 1..4, GS a / ASB):
 * DLE EOT replies are 0xx1xx10b, the first ASB byte 0xx1xx00b, ASB bytes 2–4 0xx0xxxxb.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  StatusStreamParser,
  asbFrameFor,
  flagsFromAsb,
  flagsFromRealtime,
  realtimeBytesFor,
  type StatusStreamEvent,
} from '../../../core/hardware/printers/escpos-status';

const READY = {
  online: true,
  coverOpen: false,
  paperOut: false,
  paperNearEnd: false,
  drawerOpen: false,
  error: false,
};

describe('DLE EOT replies', () => {
  it('reads an idle printer with the drawer closed (pin 3 high, drawer switch "open when low")', () => {
    // n=1: 0001 0110 (pin 3 high); n=2..4: only the fixed bits 0001 0010.
    expect(
      flagsFromRealtime({ printer: 0x16, offlineCause: 0x12, errorCause: 0x12, paper: 0x12 }, 'low'),
    ).toEqual(READY);
    expect(
      flagsFromRealtime({ printer: 0x12, offlineCause: 0x12, errorCause: 0x12, paper: 0x12 }, 'low')
        .drawerOpen,
    ).toBe(true);
    expect(
      flagsFromRealtime({ printer: 0x16, offlineCause: 0x12, errorCause: 0x12, paper: 0x12 }, 'high')
        .drawerOpen,
    ).toBe(true);
  });

  it('reads paper out: offline (bit 3), stopped by paper end (bit 5), sensors near end + end (0x0C | 0x60)', () => {
    const flags = flagsFromRealtime({ printer: 0x1a, offlineCause: 0x32, errorCause: 0x12, paper: 0x7e });
    expect(flags).toMatchObject({
      online: false,
      paperOut: true,
      paperNearEnd: true,
      coverOpen: false,
      error: false,
    });
  });

  it('reads cover open and an autocutter error', () => {
    expect(
      flagsFromRealtime({ printer: 0x1a, offlineCause: 0x16, errorCause: 0x12, paper: 0x12 }),
    ).toMatchObject({
      coverOpen: true,
      online: false,
      error: false,
    });
    expect(
      flagsFromRealtime({ printer: 0x1a, offlineCause: 0x52, errorCause: 0x1a, paper: 0x12 }).error,
    ).toBe(true);
  });

  it('the simulator builds the same bytes as the hand-written tables', () => {
    const paperOut = realtimeBytesFor({ ...READY, paperOut: true, drawerOpen: false }, 'low');
    expect(paperOut).toEqual({ printer: 0x1e, offlineCause: 0x32, errorCause: 0x12, paper: 0x7e });
    expect(realtimeBytesFor({ ...READY, coverOpen: true, drawerOpen: true }, 'low')).toEqual({
      printer: 0x1a,
      offlineCause: 0x16,
      errorCause: 0x12,
      paper: 0x12,
    });
  });
});

describe('ASB frames', () => {
  it('reads the four bytes', () => {
    expect(flagsFromAsb([0x14, 0x00, 0x00, 0x00])).toEqual(READY); // pin 3 high → closed ("low" drawers)
    expect(flagsFromAsb([0x3c, 0x00, 0x00, 0x00])).toMatchObject({ online: false, coverOpen: true });
    expect(flagsFromAsb([0x1c, 0x00, 0x0f, 0x00])).toMatchObject({
      online: false,
      paperOut: true,
      paperNearEnd: true,
    });
    expect(flagsFromAsb([0x14, 0x00, 0x03, 0x00])).toMatchObject({
      online: true,
      paperOut: false,
      paperNearEnd: true,
    });
    expect(flagsFromAsb([0x1c, 0x08, 0x00, 0x00])).toMatchObject({ error: true }); // autocutter error
    expect(asbFrameFor({ ...READY, paperOut: true }, 'low')).toEqual([0x1c, 0x00, 0x0f, 0x00]);
  });
});

function parseAll(chunks: Uint8Array[]): { events: StatusStreamEvent[]; parser: StatusStreamParser } {
  const parser = new StatusStreamParser();
  const events = chunks.flatMap((c) => parser.push(c));
  return { events, parser };
}

describe('status stream parser', () => {
  it('separates DLE EOT replies from ASB frames and skips XON/XOFF inside a frame', () => {
    const { events, parser } = parseAll([Uint8Array.from([0x12, 0x1c, 0x00, 0x13, 0x0f, 0x11, 0x00, 0x16])]);
    expect(events).toEqual([
      { kind: 'realtime', byte: 0x12 },
      { kind: 'asb', frame: [0x1c, 0x00, 0x0f, 0x00] },
      { kind: 'realtime', byte: 0x16 },
    ]);
    expect(parser.stats).toEqual({ garbageBytes: 0, flowControlBytes: 2 });
  });

  it('reassembles a frame split one byte per chunk', () => {
    const { events } = parseAll([[0x3c], [0x00], [0x00], [0x00]].map((b) => Uint8Array.from(b)));
    expect(events).toEqual([{ kind: 'asb', frame: [0x3c, 0, 0, 0] }]);
  });

  it('drops a broken frame and resynchronises on the byte that broke it', () => {
    // 0x14 0x00 then 0x14 (bit 4 set: cannot be byte 3) → the first two bytes are garbage, a new frame starts.
    const { events, parser } = parseAll([Uint8Array.from([0xff, 0x14, 0x00, 0x14, 0x00, 0x00, 0x00, 0x80])]);
    expect(events).toEqual([{ kind: 'asb', frame: [0x14, 0, 0, 0] }]);
    expect(parser.stats.garbageBytes).toBe(4); // 0xff, 0x14, 0x00, 0x80
  });

  it('property: frames and replies survive any chunking and garbage that cannot start or continue a frame', () => {
    const frame = fc.tuple(
      fc.integer({ min: 0, max: 255 }).map((b) => (b & 0x6c) | 0x10),
      fc.integer({ min: 0, max: 255 }).map((b) => b & 0x6f),
      fc.integer({ min: 0, max: 255 }).map((b) => b & 0x6f),
      fc.integer({ min: 0, max: 255 }).map((b) => b & 0x6f),
    );
    const reply = fc.integer({ min: 0, max: 255 }).map((b) => (b & 0x6c) | 0x12);
    const garbage = fc.integer({ min: 0x80, max: 0xff }); // bit 7 set: never part of a status
    const piece = fc.oneof(
      frame.map((f) => ({
        bytes: f.filter((b) => b !== 0x11 && b !== 0x13),
        event: { kind: 'asb', frame: f },
      })),
      reply.map((r) => ({ bytes: [r], event: { kind: 'realtime', byte: r } })),
      fc.array(garbage, { minLength: 1, maxLength: 5 }).map((g) => ({ bytes: g, event: undefined })),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), fc.integer({ min: 1, max: 9 }), (pieces, size) => {
        // Frames whose bytes collide with XON/XOFF are not valid frames; drop them from the stream.
        const usable = pieces.filter((p) => p.event?.kind !== 'asb' || p.bytes.length === 4);
        const stream = Uint8Array.from(usable.flatMap((p) => p.bytes));
        const chunks: Uint8Array[] = [];
        for (let i = 0; i < stream.length; i += size) chunks.push(stream.subarray(i, i + size));
        const { events, parser } = parseAll(chunks);
        expect(events).toEqual(usable.flatMap((p) => (p.event ? [p.event] : [])));
        expect(parser.stats.garbageBytes).toBe(
          usable.filter((p) => !p.event).reduce((n, p) => n + p.bytes.length, 0),
        );
      }),
      { seed: 9100, numRuns: 400 },
    );
  });

  it('property: random bytes never throw and every byte is accounted for', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.integer({ min: 1, max: 17 }), (bytes, size) => {
        const parser = new StatusStreamParser();
        let accounted = 0;
        for (let i = 0; i < bytes.length; i += size) {
          for (const e of parser.push(bytes.subarray(i, i + size))) accounted += e.kind === 'asb' ? 4 : 1;
        }
        const { garbageBytes, flowControlBytes } = parser.stats;
        expect(accounted + garbageBytes + flowControlBytes + parser.pendingBytes).toBe(bytes.length);
      }),
      { seed: 1234, numRuns: 400 },
    );
  });
});
