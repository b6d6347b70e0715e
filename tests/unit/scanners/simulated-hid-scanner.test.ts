import { describe, expect, it } from 'vitest';
import { hidPosReportsFor } from '../../../core/hardware/scanners/simulated-hid-scanner';

describe('simulated HID-POS scanner: the exact report bytes', () => {
  it('EAN-13 4006381333931 with AIM ]E0 is one 64-byte report', () => {
    const [r, ...rest] = hidPosReportsFor('4006381333931', ']E0');
    expect(rest).toEqual([]);
    const expected = new Uint8Array(64);
    expected.set([0x02, 13, 0x5d, 0x45, 0x30]); // id, length, "]E0"
    expected.set([0x34, 0x30, 0x30, 0x36, 0x33, 0x38, 0x31, 0x33, 0x33, 0x33, 0x39, 0x33, 0x31], 5); // "4006381333931"
    expect(Uint8Array.from(r ?? [])).toEqual(expected); // bytes 61 (vendor id), 62, 63 (flags) stay 0
  });

  it('a 120-byte code goes out as 56 + 56 + 8 with the continuation bit on the first two', () => {
    const code = 'Q'.repeat(120);
    const reports = hidPosReportsFor(code, ']Q1', { vendorSymbology: 0x73 });
    expect(reports.map((r) => r.length)).toEqual([64, 64, 64]);
    expect(reports.map((r) => r[1])).toEqual([56, 56, 8]);
    expect(reports.map((r) => r[63])).toEqual([1, 1, 0]);
    expect(reports.map((r) => r.subarray(2, 5).toString('latin1'))).toEqual([']Q1', ']Q1', ']Q1']);
    expect(reports.map((r) => r[61])).toEqual([0x73, 0x73, 0x73]);
    expect(reports[2]?.subarray(5 + 8).every((b, i) => i > 55 - 8 || b === 0)).toBe(true);
  });

  it('exactly 56 bytes fit one report without continuation; 57 need two', () => {
    expect(hidPosReportsFor('x'.repeat(56), ']C0').map((r) => [r[1], r[63]])).toEqual([[56, 0]]);
    expect(hidPosReportsFor('x'.repeat(57), ']C0').map((r) => [r[1], r[63]])).toEqual([
      [56, 1],
      [1, 0],
    ]);
  });

  it('UTF-8 bytes for text, zeros for a missing AIM id, nothing for an empty code', () => {
    const [r] = hidPosReportsFor('维修', undefined);
    expect(r?.[1]).toBe(6); // two CJK characters are 3 UTF-8 bytes each
    expect([...(r?.subarray(2, 5) ?? [])]).toEqual([0, 0, 0]);
    expect(hidPosReportsFor('')).toEqual([]);
    expect(() => hidPosReportsFor('x', ']E')).toThrow(RangeError);
  });
});
