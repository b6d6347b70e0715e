import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HID_POS_ERRORS, createHidPosAssembler } from '../../../core/hardware/scanners/hid-pos-assembler';
import { HID_POS_LAYOUT, parseHidPosReport } from '../../../core/hardware/scanners/hid-pos-report';
import { hidPosReportsFor } from '../../../core/hardware/scanners/simulated-hid-scanner';
import { REVINF_REPORTS, REVINF_TEXT } from './fixtures/honeywell-capture';

const capture = REVINF_REPORTS.map((r) => Uint8Array.from(r));

/** A 64-byte report built by hand: id 2, length, AIM, data, flags. */
function report(data: string, aim: string | null, more: boolean, id = 0x02): Uint8Array {
  const r = new Uint8Array(64);
  r[0] = id;
  r[1] = data.length;
  if (aim) for (let i = 0; i < 3; i++) r[2 + i] = aim.charCodeAt(i);
  for (let i = 0; i < data.length; i++) r[5 + i] = data.charCodeAt(i);
  r[63] = more ? 1 : 0;
  return r;
}

describe('HID-POS report layout', () => {
  it('is the documented 64-byte layout', () => {
    expect(HID_POS_LAYOUT).toEqual({
      reportId: 2,
      reportSize: 64,
      lengthOffset: 1,
      aimOffset: 2,
      aimLength: 3,
      dataOffset: 5,
      dataCapacity: 56,
      vendorSymbologyOffset: 61,
      flagsOffset: 63,
      moreDataBit: 1,
    });
    // the captured Honeywell reports fit it: 64 bytes, id 2, a full report carries 56 data bytes
    for (const r of capture) expect(r.length).toBe(64);
    expect(capture[0]?.[1]).toBe(56);
  });

  it('parses one captured report: AIM ]X0, 56 data bytes, Honeywell code id "?", more data follows', () => {
    const r = parseHidPosReport(capture[0] ?? new Uint8Array());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.report.aim).toBe(']X0');
    expect(Buffer.from(r.report.data).toString('latin1')).toBe(REVINF_TEXT.slice(0, 56));
    expect(r.report.more).toBe(true);
    expect(r.report.vendorSymbology).toBe(0x3f);
  });

  it('an EAN-13 in one report', () => {
    const r = parseHidPosReport(report('4006381333931', ']E0', false));
    expect(r).toMatchObject({ ok: true, report: { aim: ']E0', more: false, vendorSymbology: 0 } });
    expect(r.ok && Buffer.from(r.report.data).toString()).toBe('4006381333931');
  });

  it('AIM bytes all zero mean "not sent"', () => {
    const r = parseHidPosReport(report('ABC', null, false));
    expect(r.ok && r.report.aim).toBeUndefined();
  });

  it.each([
    ['wrong report id', report('X', ']E0', false, 0x01), 'wrong_report_id'],
    ['63 bytes', report('X', ']E0', false).slice(0, 63), 'bad_size'],
    ['65 bytes', Uint8Array.from([...report('X', ']E0', false), 0]), 'bad_size'],
    ['empty', new Uint8Array(0), 'bad_size'],
    [
      'length 57 > capacity 56',
      (() => {
        const r = report('X', ']E0', false);
        r[1] = 57;
        return r;
      })(),
      'bad_length',
    ],
    [
      'length 255',
      (() => {
        const r = report('X', ']E0', false);
        r[1] = 255;
        return r;
      })(),
      'bad_length',
    ],
    ['AIM without ]', report('X', 'XE0', false), 'bad_aim'],
    ['AIM with a control byte', report('X', ']E\u0001', false), 'bad_aim'],
  ] as const)('%s → %s', (_name, bytes, reason) => {
    expect(parseHidPosReport(bytes)).toEqual({ ok: false, reason });
  });

  it('does not throw on things that are not byte arrays', () => {
    expect(parseHidPosReport(undefined as unknown as Uint8Array)).toEqual({ ok: false, reason: 'bad_size' });
    expect(parseHidPosReport([2, 1] as unknown as Uint8Array)).toEqual({ ok: false, reason: 'bad_size' });
  });
});

describe('reassembly', () => {
  it('joins the six captured Honeywell reports into one message, then reads the ]Z6 message', () => {
    const asm = createHidPosAssembler();
    const out = capture.map((r, i) => asm.push(r, i * 2));
    expect(out.slice(0, 5)).toEqual([undefined, undefined, undefined, undefined, undefined]);
    expect(out[5]).toMatchObject({
      aim: ']X0',
      text: REVINF_TEXT,
      encoding: 'utf-8',
      reports: 6,
      vendorSymbology: 0x3f,
    });
    expect(out[5]?.bytes.length).toBe(5 * 56 + 9);
    expect(out[6]).toMatchObject({ aim: ']Z6', text: 'REVINF\u0006.', reports: 1 });
    expect(asm.accepted).toBe(7);
    expect(Object.values(asm.errors).every((n) => n === 0)).toBe(true);
  });

  it('skips and counts malformed reports between the parts of a code without losing it', () => {
    const asm = createHidPosAssembler();
    const parts = hidPosReportsFor('A'.repeat(100), ']C0');
    expect(asm.push(parts[0] ?? new Uint8Array(), 0)).toBeUndefined();
    expect(asm.push(report('junk', ']C0', false, 0x05), 1)).toBeUndefined();
    expect(asm.push(new Uint8Array(10), 2)).toBeUndefined();
    expect(asm.push(parts[1] ?? new Uint8Array(), 3)).toMatchObject({ text: 'A'.repeat(100), reports: 2 });
    expect(asm.errors).toMatchObject({ wrong_report_id: 1, bad_size: 1 });
  });

  it('a code whose next part never comes is dropped when another code starts (AIM changes)', () => {
    const asm = createHidPosAssembler();
    asm.push(report('PART', ']Q1', true), 0);
    expect(asm.push(report('4006381333931', ']E0', false), 5)).toMatchObject({
      text: '4006381333931',
      reports: 1,
    });
    expect(asm.errors.interrupted).toBe(1);
  });

  it('a continuation that arrives too late is not glued to the old part', () => {
    const asm = createHidPosAssembler({ maxGapMs: 100 });
    asm.push(report('OLD', ']C0', true), 0);
    expect(asm.push(report('NEW123', ']C0', false), 500)).toMatchObject({ text: 'NEW123' });
    expect(asm.errors.stale).toBe(1);
  });

  it('a code longer than the cap is dropped whole, and the next code is fine', () => {
    const asm = createHidPosAssembler({ maxCodeBytes: 100 });
    const long = hidPosReportsFor('B'.repeat(150), ']C0');
    expect(long.map((r, i) => asm.push(r, i))).toEqual([undefined, undefined, undefined]);
    expect(asm.errors.too_long).toBe(1);
    expect(asm.push(report('4006381333931', ']E0', false), 5)).toMatchObject({ text: '4006381333931' });
  });

  it('an empty final report with nothing before it is counted, not emitted', () => {
    const asm = createHidPosAssembler();
    expect(asm.push(report('', ']E0', false), 0)).toBeUndefined();
    expect(asm.errors.empty).toBe(1);
  });

  it('UTF-8 data (a QR code with Chinese text) decodes as UTF-8; invalid UTF-8 stays byte-exact as latin1', () => {
    const asm = createHidPosAssembler();
    const [r] = hidPosReportsFor('维修单 J-20261123-0003', ']Q1');
    expect(asm.push(r ?? new Uint8Array(), 0)).toMatchObject({
      text: '维修单 J-20261123-0003',
      encoding: 'utf-8',
    });
    const bad = report('\u00ff\u00feAB', ']Q1', false);
    expect(asm.push(bad, 1)).toMatchObject({ text: '\u00ff\u00feAB', encoding: 'latin1' });
  });
});

describe('hostile report streams (fast-check, fixed seeds)', () => {
  it('random byte arrays never throw, and every report is either accepted or counted', () => {
    const arb = fc.oneof(
      fc.uint8Array({ maxLength: 80 }),
      fc.uint8Array({ minLength: 64, maxLength: 64 }),
      fc.uint8Array({ minLength: 64, maxLength: 64 }).map((r) => {
        r[0] = 2;
        return r;
      }),
    );
    fc.assert(
      fc.property(fc.array(arb, { maxLength: 40 }), (reports) => {
        const asm = createHidPosAssembler();
        for (const [i, r] of reports.entries()) asm.push(r, i);
        const rejected = ['wrong_report_id', 'bad_size', 'bad_length', 'bad_aim'] as const;
        const rejectedCount = rejected.reduce((n, k) => n + asm.errors[k], 0);
        expect(asm.accepted + rejectedCount).toBe(reports.length);
        expect(Object.keys(asm.errors).sort()).toEqual([...HID_POS_ERRORS].sort());
      }),
      { seed: 140, numRuns: 2000 },
    );
  });

  it('valid codes interleaved with malformed reports come out exactly as sent, in order', () => {
    const code = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 200 });
    const aim = fc.constantFrom(']E0', ']C0', ']Q1', ']d2', ']X0');
    const malformed = fc.oneof(
      fc.uint8Array({ maxLength: 63 }),
      fc.uint8Array({ minLength: 65, maxLength: 100 }),
      fc.uint8Array({ minLength: 64, maxLength: 64 }).map((r) => {
        r[0] = r[0] === 2 ? 3 : (r[0] ?? 0); // wrong report id
        return r;
      }),
      fc.uint8Array({ minLength: 64, maxLength: 64 }).chain((r) =>
        fc.integer({ min: 57, max: 255 }).map((len) => {
          r[0] = 2;
          r[1] = len; // length beyond capacity
          return r;
        }),
      ),
    );
    fc.assert(
      fc.property(
        fc.array(fc.record({ code, aim }), { minLength: 1, maxLength: 8 }),
        fc.array(malformed, { maxLength: 30 }),
        fc.array(fc.nat(), { maxLength: 30 }),
        (scans, junk, where) => {
          const stream: Uint8Array[] = scans.flatMap((s) => hidPosReportsFor(s.code, s.aim));
          junk.forEach((j, i) => stream.splice((where[i] ?? 0) % (stream.length + 1), 0, j));
          const asm = createHidPosAssembler();
          const got = stream.flatMap((r, i) => {
            const s = asm.push(r, i);
            return s ? [{ code: s.text, aim: s.aim }] : [];
          });
          expect(got).toEqual(scans);
          const counted = Object.values(asm.errors).reduce((a, b) => a + b, 0);
          expect(counted).toBe(junk.length);
        },
      ),
      { seed: 8, numRuns: 1000 },
    );
  });
});
