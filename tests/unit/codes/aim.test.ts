import { describe, expect, it } from 'vitest';
import { GS1_AIM_IDS, parseAimId, splitAimPrefix } from '../../../shared/domain/codes/aim';

describe('AIM symbology identifiers (ISO/IEC 15424)', () => {
  it.each([
    [']E0', 'ean-upc', false],
    [']E1', 'ean-upc-addon-2', false],
    [']E2', 'ean-upc-addon-5', false],
    [']E3', 'ean-upc-with-addon', false],
    [']E4', 'ean-8', false],
    [']C0', 'code128', false],
    [']C1', 'gs1-128', true],
    [']Q1', 'qr', false],
    [']Q2', 'qr', false],
    [']Q3', 'gs1-qr', true],
    [']Q4', 'gs1-qr', true],
    [']Q5', 'qr', false],
    [']Q6', 'qr', false],
    [']d1', 'datamatrix', false],
    [']d2', 'gs1-datamatrix', true],
    [']d3', 'datamatrix', false], // FNC1 in second position: AIM application, not GS1
    [']e0', 'gs1-databar', true],
    [']A0', 'code39', false],
    [']I0', 'itf', false],
    [']I1', 'itf', false],
    [']L0', 'pdf417', false],
    [']F0', 'codabar', false],
    [']G0', 'code93', false],
    [']z0', 'aztec', false],
    [']X0', 'other', false],
  ] as const)('%s → %s (GS1: %s)', (id, symbology, gs1) => {
    expect(parseAimId(id)).toEqual({ id, codeChar: id[1], modifier: id[2], symbology, gs1 });
  });

  it('the code character is case-sensitive: ]D2 is not Data Matrix, ]e0 is not EAN', () => {
    expect(parseAimId(']D2')).toBeUndefined();
    expect(parseAimId(']E0')?.symbology).toBe('ean-upc');
    expect(parseAimId(']e0')?.symbology).toBe('gs1-databar');
  });

  it.each(['', ']', ']E', ']E00', 'E0]', '[E0', ']90', ']E-', ']K0'])('%j is not an identifier', (id) => {
    expect(parseAimId(id)).toBeUndefined();
  });

  it('exactly the GS1 carriers of the GS1 General Specifications are GS1', () => {
    expect([...GS1_AIM_IDS].sort()).toEqual([']C1', ']Q3', ']Q4', ']d2', ']d5', ']e0'].sort());
  });

  it('splits a prefix off scanned data and leaves data without one alone', () => {
    expect(splitAimPrefix(']E04006381333931')).toMatchObject({ aim: { id: ']E0' }, data: '4006381333931' });
    expect(splitAimPrefix('4006381333931')).toEqual({ data: '4006381333931' });
    expect(splitAimPrefix(']K0ABC')).toEqual({ data: ']K0ABC' });
    expect(splitAimPrefix(']E0')).toMatchObject({ aim: { id: ']E0' }, data: '' });
  });
});
