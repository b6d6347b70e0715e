import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createLineFramer } from '../../../core/hardware/scanners/line-framer';

const bytes = (s: string): Uint8Array => Buffer.from(s, 'latin1');
const utf8 = (s: string): Uint8Array => Buffer.from(s, 'utf8');

describe('CR / LF / CRLF line framing', () => {
  it.each([
    ['CR', '4006381333931\r'],
    ['LF', '4006381333931\n'],
    ['CRLF', '4006381333931\r\n'],
  ])('a code ended by %s', (_n, data) => {
    const f = createLineFramer();
    expect(f.push(bytes(data))).toEqual(['4006381333931']);
  });

  it('a code split over chunks, byte by byte, including a CRLF split between chunks', () => {
    const f = createLineFramer();
    const out: string[] = [];
    for (const b of bytes('490154203237518\r\nCDB-ZHANG01\r\n')) out.push(...f.push(Uint8Array.of(b)));
    expect(out).toEqual(['490154203237518', 'CDB-ZHANG01']);
  });

  it('several codes in one chunk, with mixed terminators and blank lines', () => {
    const f = createLineFramer();
    expect(f.push(bytes('A1\r\nB2\rC3\n\r\n\n\rD4\r\n'))).toEqual(['A1', 'B2', 'C3', 'D4']);
    expect(f.errors).toEqual({ too_long: 0, garbage: 0 });
  });

  it('no terminator yet → nothing; the rest comes later', () => {
    const f = createLineFramer();
    expect(f.push(bytes('40063813'))).toEqual([]);
    expect(f.push(bytes('33931\r'))).toEqual(['4006381333931']);
  });

  it('GS separators of GS1 and STX/ETX framing stay in the line', () => {
    const f = createLineFramer();
    expect(f.push(bytes(']C10109506000134352\u001d10ABC\r\n\u0002S-20261118-0042\u0003\r\n'))).toEqual([
      ']C10109506000134352\u001d10ABC',
      '\u0002S-20261118-0042\u0003',
    ]);
  });

  it('UTF-8 text (Chinese in a QR code) is decoded', () => {
    const f = createLineFramer();
    expect(f.push(utf8('维修单 J-20261123-0003\r\n'))).toEqual(['维修单 J-20261123-0003']);
  });

  it('line noise (wrong baud rate: 0x00, 0xFF, stray controls) is dropped and counted, then it resyncs', () => {
    const f = createLineFramer();
    const noise = Uint8Array.of(0x00, 0xff, 0xfe, 0x80, 0x0d, 0xe0, 0x07, 0x41, 0x0a, 0x41, 0x1b, 0x42, 0x0a);
    expect(f.push(noise)).toEqual([]);
    expect(f.errors.garbage).toBe(3);
    expect(f.push(bytes('4006381333931\r\n'))).toEqual(['4006381333931']);
  });

  it('lines over 512 bytes are dropped whole and counted; exactly 512 is fine', () => {
    const f = createLineFramer();
    expect(f.push(bytes('9'.repeat(513) + '\r\n'))).toEqual([]);
    expect(f.errors.too_long).toBe(1);
    expect(f.push(bytes('8'.repeat(512) + '\r\n'))).toEqual(['8'.repeat(512)]);
    // a long run split over chunks: the tail after the overflow does not leak out as a code
    f.push(bytes('7'.repeat(500)));
    f.push(bytes('7'.repeat(100)));
    expect(f.push(bytes('TAIL\r\nOK-0001\r\n'))).toEqual(['OK-0001']);
    expect(f.errors.too_long).toBe(2);
  });

  it('reset drops a partial line (port reopened mid-code)', () => {
    const f = createLineFramer();
    f.push(bytes('4006381'));
    f.reset();
    expect(f.push(bytes('333931\r\n'))).toEqual(['333931']);
  });

  it('never throws on non-bytes', () => {
    const f = createLineFramer();
    expect(f.push(undefined as unknown as Uint8Array)).toEqual([]);
  });
});

describe('hostile serial streams (fast-check, fixed seeds)', () => {
  /** Reference model: split the whole stream at once, as the spec says. */
  function reference(all: Uint8Array, max: number): { lines: string[]; tooLong: number } {
    const text = Buffer.from(all).toString('latin1');
    const lines: string[] = [];
    let tooLong = 0;
    for (const raw of text.split(/\r\n|\r|\n/).slice(0, -1)) {
      const b = Buffer.from(raw, 'latin1');
      if (b.length > max) tooLong += 1;
      else lines.push(raw);
    }
    return { lines, tooLong };
  }

  it('random bytes in random chunks: no throw, and chunking never changes the result', () => {
    const stream = fc
      .uint8Array({ maxLength: 1500 })
      .map((a) => a.map((b) => (b % 7 === 0 ? 0x0a : b % 11 === 0 ? 0x0d : b)));
    fc.assert(
      fc.property(stream, fc.array(fc.nat({ max: 1500 }), { maxLength: 20 }), (all, cuts) => {
        const whole = createLineFramer({ maxLineBytes: 64 });
        const expected = whole.push(all);
        const chunked = createLineFramer({ maxLineBytes: 64 });
        const points = [...new Set(cuts.map((c) => c % (all.length + 1)))].sort((a, b) => a - b);
        const got: string[] = [];
        let prev = 0;
        for (const p of [...points, all.length]) {
          got.push(...chunked.push(all.subarray(prev, p)));
          prev = p;
        }
        expect(got).toEqual(expected);
        expect(chunked.errors).toEqual(whole.errors);
        // every emitted code is a whole line of the input, no longer than the cap
        const ref = reference(all, 64);
        expect(whole.errors.too_long).toBe(ref.tooLong);
        for (const line of expected)
          expect(ref.lines.some((l) => Buffer.from(line, 'utf8').equals(Buffer.from(l, 'latin1')))).toBe(
            true,
          );
      }),
      { seed: 512, numRuns: 1500 },
    );
  });

  it('codes interleaved with noise lines and over-long lines: exactly the codes come out, in order', () => {
    const code = fc.stringMatching(/^[A-Za-z0-9\-/]{1,40}$/);
    const term = fc.constantFrom('\r', '\n', '\r\n');
    const noise = fc
      .uint8Array({ minLength: 1, maxLength: 30 })
      .map((a) => Uint8Array.from([0x00, ...a.filter((b) => b !== 0x0a && b !== 0x0d)]));
    const tooLong = fc.integer({ min: 513, max: 900 }).map((n) => Buffer.from('X'.repeat(n)));
    const item = fc.oneof(
      fc.record({ kind: fc.constant('code' as const), code, term }),
      fc.record({ kind: fc.constant('noise' as const), bytes: fc.oneof(noise, tooLong), term }),
    );
    fc.assert(
      fc.property(fc.array(item, { maxLength: 25 }), fc.array(fc.nat(), { maxLength: 30 }), (items, cuts) => {
        const parts = items.map((i) =>
          i.kind === 'code' ? Buffer.from(i.code + i.term) : Buffer.concat([i.bytes, Buffer.from(i.term)]),
        );
        const all = Buffer.concat(parts);
        const f = createLineFramer();
        const points = [...new Set(cuts.map((c) => c % (all.length + 1)))].sort((a, b) => a - b);
        const got: string[] = [];
        let prev = 0;
        for (const p of [...points, all.length]) {
          got.push(...f.push(all.subarray(prev, p)));
          prev = p;
        }
        expect(got).toEqual(items.flatMap((i) => (i.kind === 'code' ? [i.code] : [])));
        expect(f.errors.garbage + f.errors.too_long).toBe(items.filter((i) => i.kind === 'noise').length);
      }),
      { seed: 1024, numRuns: 1000 },
    );
  });
});
