/**
 * UNI-T UT61E (Cyrustek ES51922) packet parser. Bytes arrive in arbitrary chunks; packets
 * are delimited by CR LF. The ES51922 has no checksum, so trust comes from framing:
 * - a packet is exactly the 14 bytes between two CR LF boundaries and every byte passes the
 *   checks below, so a lost or inserted byte discards the packet instead of shifting it;
 * - a packet is emitted only when the segment before it was a well-formed packet too. Noise
 *   that contains CR LF followed by a few 0x3X bytes can otherwise splice itself onto the
 *   tail of a real packet and form a well-formed packet with a wrong value (e.g. a range
 *   byte of '0' turning 19.470 V into 1.9470 V); requiring a clean predecessor rejects it.
 * The first segment after start-up only synchronises, and the first well-formed packet after
 * it (or after any garbage) only confirms the boundary. Never throws; rejects are counted.
 */
import type { MeterFunction, Reading, ReadingFlags } from '../../../shared/domain/meter/reading';
import { unitOfFunction } from '../../../shared/domain/meter/reading';
import { prefixExponent, scaleByPow10 } from '../../../shared/domain/meter/units';
import {
  AMP_22A_RANGES,
  CAPACITANCE_RANGES,
  DIODE_RANGES,
  DUTY_ENTRY,
  ES51922_FUNCTION as FN,
  ES51922_PACKET_LENGTH,
  FREQUENCY_RANGES,
  MANUAL_AMP_RANGES,
  MICROAMP_RANGES,
  MILLIAMP_RANGES,
  OPTION1,
  OPTION2,
  OPTION3,
  OPTION4,
  RESISTANCE_RANGES,
  STATUS,
  VOLTAGE_RANGES,
  type RangeEntry,
} from './es51922-tables';

export type Es51922RejectReason =
  | 'SEGMENT_LENGTH'
  | 'NO_CRLF'
  | 'BAD_NIBBLE'
  | 'BAD_RANGE'
  | 'BAD_DIGIT'
  | 'BAD_FUNCTION'
  | 'AC_AND_DC'
  | 'NO_COUPLING'
  | 'UNSUPPORTED_FUNCTION';

/** A decoded packet: a Reading without the time and instrument, which the caller adds. */
export type DecodedPacket = Omit<Reading, 'at' | 'instrument'>;

export type DecodeResult = { ok: true; packet: DecodedPacket } | { ok: false; reason: Es51922RejectReason };

const CR = 0x0d;
const LF = 0x0a;

interface Mode {
  fn: MeterFunction;
  table: readonly (RangeEntry | null)[] | 'duty';
}

const fail = (reason: Es51922RejectReason): DecodeResult => ({ ok: false, reason });

/** Picks the measuring function and range table from the function byte and flags. */
function modeOf(fnByte: number, status: number, opt3: number, opt4: number): Mode | Es51922RejectReason {
  const judge = (status & STATUS.JUDGE) !== 0;
  const dc = (opt3 & OPTION3.DC) !== 0;
  const ac = (opt3 & OPTION3.AC) !== 0;
  const vahz = (opt3 & OPTION3.VAHZ) !== 0;
  const vbar = (opt4 & OPTION4.VBAR) !== 0;
  const frequencyMode = (): Mode =>
    judge ? { fn: 'DUTY', table: 'duty' } : { fn: 'FREQ', table: FREQUENCY_RANGES };
  const coupled = (
    dcFn: MeterFunction,
    acFn: MeterFunction,
    table: Mode['table'],
  ): Mode | Es51922RejectReason => {
    if (vahz) return frequencyMode(); // Hz key pressed in a V or A function
    if (dc === ac) return dc ? 'AC_AND_DC' : 'NO_COUPLING';
    return { fn: dc ? dcFn : acFn, table };
  };
  if (ac && dc) return 'AC_AND_DC';
  switch (fnByte) {
    case FN.VOLTAGE:
      return coupled('DCV', 'ACV', VOLTAGE_RANGES);
    case FN.CURRENT_UA:
      // With VBAR set these codes mean clamp ranges whose scaling sources disagree on: refuse.
      return vbar && !vahz ? 'UNSUPPORTED_FUNCTION' : coupled('DCA', 'ACA', MICROAMP_RANGES);
    case FN.CURRENT_MA:
      return vbar && !vahz ? 'UNSUPPORTED_FUNCTION' : coupled('DCA', 'ACA', MILLIAMP_RANGES);
    case FN.CURRENT_22A:
      return coupled('DCA', 'ACA', AMP_22A_RANGES);
    case FN.CURRENT_MANUAL_A:
      return coupled('DCA', 'ACA', MANUAL_AMP_RANGES);
    case FN.RESISTANCE:
      return { fn: 'OHM', table: RESISTANCE_RANGES };
    case FN.CONTINUITY:
      return { fn: 'CONT', table: RESISTANCE_RANGES };
    case FN.DIODE:
      return { fn: 'DIODE', table: DIODE_RANGES };
    case FN.CAPACITANCE:
      return { fn: 'CAP', table: CAPACITANCE_RANGES };
    case FN.FREQUENCY:
      return frequencyMode();
    case FN.TEMPERATURE: // decimal point not given by the sources at hand: never guess
    case FN.ADP:
      return 'UNSUPPORTED_FUNCTION';
    default:
      return 'BAD_FUNCTION';
  }
}

function rangeLabel(entry: RangeEntry, unit: string): string {
  return `${entry.full} ${entry.prefix}${unit}`;
}

/** Decodes one 14-byte ES51922 packet (CR LF included); never throws. */
export function decodeEs51922Packet(frame: Uint8Array): DecodeResult {
  if (frame.length !== ES51922_PACKET_LENGTH) return fail('SEGMENT_LENGTH');
  if (frame[12] !== CR || frame[13] !== LF) return fail('NO_CRLF');
  const b = (i: number): number => frame[i] ?? 0;
  for (let i = 0; i < 12; i++) if ((b(i) & 0xf0) !== 0x30) return fail('BAD_NIBBLE');
  const rangeIndex = b(0) & 0x0f;
  const fnByte = b(6);
  const status = b(7) & 0x0f;
  const opt1 = b(8) & 0x0f;
  const opt2 = b(9) & 0x0f;
  const opt3 = b(10) & 0x0f;
  const opt4 = b(11) & 0x0f;

  const mode = modeOf(fnByte, status, opt3, opt4);
  if (typeof mode === 'string') return fail(mode);
  const entry =
    mode.table === 'duty' ? (rangeIndex <= 7 ? DUTY_ENTRY : null) : (mode.table[rangeIndex] ?? null);
  if (!entry) return fail('BAD_RANGE');

  const unit = unitOfFunction(mode.fn);
  const flags: ReadingFlags = {
    hold: (opt4 & OPTION4.HOLD) !== 0,
    auto: (opt3 & OPTION3.AUTO) !== 0,
    rel: (opt1 & OPTION1.REL) !== 0,
    min: (opt1 & OPTION1.MIN) !== 0,
    max: (opt1 & OPTION1.MAX) !== 0,
    lowBattery: (status & STATUS.BATT) !== 0,
    peakMax: (opt2 & OPTION2.PMAX) !== 0,
    peakMin: (opt2 & OPTION2.PMIN) !== 0,
    underflow: (opt2 & OPTION2.UL) !== 0,
  };
  const range = mode.table === 'duty' ? undefined : rangeLabel(entry, unit);
  const negative = (status & STATUS.SIGN) !== 0;

  if ((status & STATUS.OL) !== 0 || flags.underflow) {
    // The digit bytes of an OL packet carry no number (the LCD shows "OL").
    return {
      ok: true,
      packet: {
        value: null,
        unit,
        function: mode.fn,
        ...(range !== undefined ? { range } : {}),
        overload: true,
        flags,
        display: negative ? '-OL' : 'OL',
      },
    };
  }

  let digits = 0;
  for (let i = 1; i <= 5; i++) {
    const d = b(i) & 0x0f;
    if (d > 9) return fail('BAD_DIGIT');
    digits = digits * 10 + d;
  }
  const magnitude = scaleByPow10(digits, entry.exp);
  const value = negative && digits !== 0 ? -magnitude : magnitude;
  const decimals = Math.max(0, prefixExponent(entry.prefix) - entry.exp);
  const shown = scaleByPow10(digits, entry.exp - prefixExponent(entry.prefix)).toFixed(decimals);
  const display = `${negative && digits !== 0 ? '-' : ''}${shown} ${entry.prefix}${unit}`;
  return {
    ok: true,
    packet: {
      value,
      unit,
      function: mode.fn,
      ...(range !== undefined ? { range } : {}),
      overload: false,
      flags,
      display,
    },
  };
}

export interface Ut61eParserStats {
  /** Packets decoded into readings. */
  readings: number;
  /** Segments between CR LF boundaries that were not a valid packet. */
  garbageFrames: number;
  /** Bytes thrown away (garbage segments and the start-up synchronisation segment). */
  skippedBytes: number;
  /** Well-formed packets not emitted because the segment before them was not (start-up, after garbage). */
  unconfirmed: number;
  /** Rejected segments by reason. */
  rejected: Partial<Record<Es51922RejectReason, number>>;
}

export interface Ut61eParser {
  /** Feeds received bytes; returns the readings completed by them, stamped with `at`. */
  push(chunk: Uint8Array, at: number): Reading[];
  readonly stats: Readonly<Ut61eParserStats>;
  /** Forgets partial data and synchronisation (after a reconnect). */
  reset(): void;
}

/** Creates a streaming UT61E parser. */
export function createUt61eParser(): Ut61eParser {
  const segment = new Uint8Array(ES51922_PACKET_LENGTH);
  let length = 0; // bytes in the current segment, may exceed the buffer
  let synced = false; // the current segment started right after a CR LF
  let previousWellFormed = false; // the segment before the current one was a well-formed packet
  let prev = -1;
  const stats: Ut61eParserStats = {
    readings: 0,
    garbageFrames: 0,
    skippedBytes: 0,
    unconfirmed: 0,
    rejected: {},
  };

  const reject = (reason: Es51922RejectReason, bytes: number): void => {
    stats.garbageFrames += 1;
    stats.skippedBytes += bytes;
    stats.rejected[reason] = (stats.rejected[reason] ?? 0) + 1;
  };

  return {
    push(chunk, at) {
      const out: Reading[] = [];
      for (let i = 0; i < chunk.length; i++) {
        const byte = chunk[i] ?? 0;
        if (length < ES51922_PACKET_LENGTH) segment[length] = byte;
        length += 1;
        const boundary = byte === LF && prev === CR;
        prev = byte;
        if (!boundary) continue;
        let wellFormed = false;
        if (!synced) {
          stats.skippedBytes += length; // start-up: cannot know if the segment is whole
        } else if (length !== ES51922_PACKET_LENGTH) {
          reject('SEGMENT_LENGTH', length);
        } else {
          const result = decodeEs51922Packet(segment);
          // An unsupported function (temperature, ADP) is still a well-formed packet.
          wellFormed = result.ok || result.reason === 'UNSUPPORTED_FUNCTION';
          if (!result.ok) {
            reject(result.reason, length);
          } else if (!previousWellFormed) {
            stats.unconfirmed += 1;
            stats.skippedBytes += length;
          } else {
            stats.readings += 1;
            out.push({ ...result.packet, at });
          }
        }
        previousWellFormed = wellFormed;
        synced = true;
        length = 0;
        prev = -1;
      }
      return out;
    },
    get stats() {
      return stats;
    },
    reset() {
      length = 0;
      synced = false;
      previousWellFormed = false;
      prev = -1;
    },
  };
}
