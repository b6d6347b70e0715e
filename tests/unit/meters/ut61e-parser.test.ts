import { describe, expect, it } from 'vitest';
import { encodeEs51922 } from '../../../core/hardware/meters/es51922-encoder';
import { createUt61eParser, decodeEs51922Packet } from '../../../core/hardware/meters/ut61e-parser';
import { readingSchema } from '../../../shared/domain/meter/reading';
import { V_19_470, VECTORS } from './es51922-vectors';

const bytes = (xs: number[]): Uint8Array => Uint8Array.from(xs);
const AT = 1_700_000_000_000;

/** The 19.470 V packet with one byte replaced. */
function patched(index: number, value: number): Uint8Array {
  const b = [...V_19_470.bytes];
  b[index] = value;
  return bytes(b);
}

describe('ES51922 packet decoding: hand-derived vectors', () => {
  for (const v of VECTORS) {
    it(v.name, () => {
      const result = decodeEs51922Packet(bytes(v.bytes));
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.packet.function).toBe(v.function);
      expect(result.packet.value).toBe(v.value);
      expect(result.packet.display).toBe(v.display);
      expect(result.packet.range).toBe(v.range);
      expect(result.packet.overload).toBe(v.value === null);
      expect(readingSchema.safeParse({ ...result.packet, at: AT }).success).toBe(true);
    });
  }

  it('reads the auto/manual flag from option3', () => {
    const auto = decodeEs51922Packet(bytes(V_19_470.bytes));
    const manual = decodeEs51922Packet(bytes(VECTORS[1]?.bytes ?? []));
    expect(auto.ok && auto.packet.flags.auto).toBe(true);
    expect(manual.ok && manual.packet.flags.auto).toBe(false);
  });

  it('reads low battery, REL, MAX and HOLD', () => {
    const b = [...V_19_470.bytes];
    b[7] = 0x32; // status: BATT
    b[8] = 0x3a; // option1: MAX | REL
    b[11] = 0x32; // option4: HOLD
    const result = decodeEs51922Packet(bytes(b));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.packet.flags).toMatchObject({
      lowBattery: true,
      rel: true,
      max: true,
      min: false,
      hold: true,
      auto: true,
    });
    expect(result.packet.value).toBe(19.47); // HOLD does not change the transmitted value
  });

  it('treats UL (option2 bit 3) as overload too', () => {
    const result = decodeEs51922Packet(patched(9, 0x38));
    expect(result.ok && result.packet.overload).toBe(true);
    expect(result.ok && result.packet.flags.underflow).toBe(true);
    expect(result.ok && result.packet.value).toBe(null);
  });

  it('ignores the digit bytes of an OL packet', () => {
    const b = [...(VECTORS[4]?.bytes ?? [])];
    b[3] = 0x3a; // not a digit: irrelevant when the LCD shows OL
    const result = decodeEs51922Packet(bytes(b));
    expect(result.ok && result.packet.display).toBe('OL');
  });

  it('shows -0 as 0', () => {
    const b = [0x31, 0x30, 0x30, 0x30, 0x30, 0x30, 0x3b, 0x34, 0x30, 0x30, 0x3a, 0x30, 0x0d, 0x0a];
    const result = decodeEs51922Packet(bytes(b));
    expect(result.ok && Object.is(result.packet.value, 0)).toBe(true);
    expect(result.ok && result.packet.display).toBe('0.000 V');
  });
});

describe('ES51922 packet decoding: rejects', () => {
  const cases: [string, Uint8Array, string][] = [
    ['a digit with the parity bit set (port opened 8N1)', patched(2, 0xb9), 'BAD_NIBBLE'],
    ['a byte outside 0x30–0x3F', patched(4, 0x47), 'BAD_NIBBLE'],
    ['a digit nibble above 9', patched(3, 0x3c), 'BAD_DIGIT'],
    ['range 5 on the voltage function', patched(0, 0x35), 'BAD_RANGE'],
    ['range 8', patched(0, 0x38), 'BAD_RANGE'],
    ['an undefined function code 0x37', patched(6, 0x37), 'BAD_FUNCTION'],
    ['temperature (decimal point undocumented)', patched(6, 0x34), 'UNSUPPORTED_FUNCTION'],
    ['an ADP function', patched(6, 0x3e), 'UNSUPPORTED_FUNCTION'],
    ['voltage flagged both AC and DC', patched(10, 0x3e), 'AC_AND_DC'],
    ['voltage flagged neither AC nor DC', patched(10, 0x32), 'NO_COUPLING'],
    ['a missing CR', patched(12, 0x30), 'NO_CRLF'],
    ['13 bytes', bytes(V_19_470.bytes.slice(1)), 'SEGMENT_LENGTH'],
  ];
  for (const [name, packet, reason] of cases) {
    it(name, () => {
      expect(decodeEs51922Packet(packet)).toEqual({ ok: false, reason });
    });
  }

  it('refuses frequency range 2, which the datasheet leaves undefined', () => {
    const b = [...(VECTORS[6]?.bytes ?? [])];
    b[0] = 0x32;
    expect(decodeEs51922Packet(bytes(b))).toEqual({ ok: false, reason: 'BAD_RANGE' });
  });
});

describe('UT61E stream parser', () => {
  const frame = V_19_470.bytes;
  const repeat = (n: number): number[] => Array.from({ length: n }, () => frame).flat();

  it('synchronises on the first segment, confirms on the first packet, then decodes every packet', () => {
    const parser = createUt61eParser();
    const out = parser.push(bytes(repeat(4)), AT);
    expect(out.map((r) => r.value)).toEqual([19.47, 19.47]);
    expect(out[0]?.at).toBe(AT);
    expect(parser.stats).toMatchObject({ readings: 2, garbageFrames: 0, unconfirmed: 1, skippedBytes: 28 });
  });

  it('joins a stream that starts in the middle of a packet', () => {
    const parser = createUt61eParser();
    const out = parser.push(bytes([...frame.slice(5), ...frame, ...frame, ...(VECTORS[3]?.bytes ?? [])]), AT);
    expect(out.map((r) => r.display)).toEqual(['19.470 V', '4.700 kΩ']);
    expect(parser.stats.skippedBytes).toBe(9 + 14);
  });

  it('gives the same readings when fed one byte at a time', () => {
    const parser = createUt61eParser();
    const stream = [...repeat(2), ...VECTORS.flatMap((v) => v.bytes)];
    const out = stream.flatMap((b) => parser.push(bytes([b]), AT));
    expect(out.map((r) => r.display)).toEqual(VECTORS.map((v) => v.display));
  });

  it('drops a packet with an inserted byte instead of reading a shifted value', () => {
    // A '5' inserted after the 3rd byte would, read as the last 14 bytes, decode as a valid
    // but wrong packet (range '1', digits 9 4 5 7 0); the parser must discard it.
    const corrupted = [...frame.slice(0, 3), 0x35, ...frame.slice(3)];
    const parser = createUt61eParser();
    const out = parser.push(bytes([...repeat(3), ...corrupted, ...repeat(2)]), AT);
    expect(out.map((r) => r.value)).toEqual([19.47, 19.47]);
    expect(parser.stats.garbageFrames).toBe(1);
    expect(parser.stats.rejected).toEqual({ SEGMENT_LENGTH: 1 });
  });

  it('drops a packet with a lost byte', () => {
    const parser = createUt61eParser();
    const out = parser.push(bytes([...repeat(3), ...frame.filter((_, i) => i !== 4), ...repeat(2)]), AT);
    expect(out).toHaveLength(2);
    expect(parser.stats.garbageFrames).toBe(1);
  });

  it('never splices noise containing CR LF onto a packet tail (19.470 V must not become 1.9470 V)', () => {
    // Noise "CR LF 0" lands after the first byte of a packet: the bytes between the noise's
    // CR LF and the packet's own CR LF are 14 well-formed bytes meaning 1.9470 V.
    const spliced = [frame[0] as number, 0x0d, 0x0a, 0x30, ...frame.slice(1)];
    const parser = createUt61eParser();
    const out = parser.push(bytes([...repeat(2), ...spliced, ...repeat(2)]), AT);
    expect(out.map((r) => r.value)).toEqual([19.47, 19.47]);
    expect(out.some((r) => r.value === 1.947)).toBe(false);
  });

  it('survives a long run of garbage with bounded memory and recovers after it', () => {
    const parser = createUt61eParser();
    const garbage = new Uint8Array(100_000).fill(0x55);
    expect(parser.push(garbage, AT)).toEqual([]);
    const out = parser.push(bytes(repeat(3)), AT);
    // The garbage and the first packet form the start-up segment; the second confirms; the third decodes.
    expect(out.map((r) => r.value)).toEqual([19.47]);
  });

  it('counts rejected packets by reason', () => {
    const parser = createUt61eParser();
    parser.push(bytes([...repeat(2), ...patched(6, 0x34), ...patched(2, 0xb9), ...repeat(2)]), AT);
    expect(parser.stats.rejected).toEqual({ UNSUPPORTED_FUNCTION: 1, BAD_NIBBLE: 1 });
    expect(parser.stats.readings).toBe(1);
  });

  it('carries on right after a packet of an unsupported function (switching the meter back)', () => {
    const parser = createUt61eParser();
    const out = parser.push(bytes([...repeat(2), ...patched(6, 0x34), ...frame]), AT);
    expect(out.map((r) => r.value)).toEqual([19.47]);
  });

  it('needs a new boundary and a confirming packet after reset()', () => {
    const parser = createUt61eParser();
    parser.push(bytes(repeat(3)), AT);
    parser.reset();
    expect(parser.push(bytes(frame), AT)).toEqual([]);
    expect(parser.push(bytes(frame), AT)).toEqual([]);
    expect(parser.push(bytes(frame), AT)).toHaveLength(1);
  });
});

describe('ES51922 encoder (simulator) against the same vectors', () => {
  it('encodes 19.47 V DC auto-ranged as the published packet', () => {
    const encoded = encodeEs51922({ function: 'DCV', value: 19.47 });
    expect(encoded.ok && Array.from(encoded.bytes)).toEqual(V_19_470.bytes);
  });
  it('encodes -12.34 mV on the manual 220 mV range', () => {
    const encoded = encodeEs51922({ function: 'DCV', value: -0.01234, rangeIndex: 4 });
    expect(encoded.ok && Array.from(encoded.bytes)).toEqual(VECTORS[1]?.bytes);
  });
  it('picks the µA input and range for 123.45 µA AC', () => {
    const encoded = encodeEs51922({ function: 'ACA', value: 0.00012345 });
    expect(encoded.ok && Array.from(encoded.bytes)).toEqual(VECTORS[9]?.bytes);
  });
  it('encodes 50 % duty cycle with the judge bit', () => {
    const encoded = encodeEs51922({ function: 'DUTY', value: 50 });
    expect(encoded.ok && Array.from(encoded.bytes)).toEqual(VECTORS[7]?.bytes);
  });
  it('refuses temperature and values beyond the largest range', () => {
    expect(encodeEs51922({ function: 'TEMP', value: 25 })).toEqual({
      ok: false,
      reason: 'UNSUPPORTED_FUNCTION',
    });
    expect(encodeEs51922({ function: 'DCV', value: 5000 })).toEqual({ ok: false, reason: 'OUT_OF_RANGE' });
  });
  it('sends OL when a manual range is exceeded', () => {
    const encoded = encodeEs51922({ function: 'DCV', value: 30, rangeIndex: 1 });
    expect(encoded.ok && decodeEs51922Packet(encoded.bytes)).toMatchObject({
      ok: true,
      packet: { overload: true, range: '22 V' },
    });
  });
});
