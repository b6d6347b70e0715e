/** The hand-off route in the URL hash (renderer/src/app/scan/hand-off): `#/returns?receipt=…` and friends. */
import { describe, expect, it } from 'vitest';
import { formatAreaHash, parseAreaHash } from '../../../../renderer/src/app/scan/hand-off';

describe('hand-off route', () => {
  it('reads the area and its parameters', () => {
    expect(parseAreaHash('#/returns?receipt=S-20261118-0007')).toEqual({
      area: 'returns',
      params: { receipt: 'S-20261118-0007' },
    });
    expect(parseAreaHash('#/bench?job=J-20261118-0003')).toEqual({
      area: 'bench',
      params: { job: 'J-20261118-0003' },
    });
    expect(parseAreaHash('#/devices')).toEqual({ area: 'devices', params: {} });
  });

  it('is not a route: the bridge token hash, an empty hash, odd area names', () => {
    expect(parseAreaHash('#token=abcdefgh12')).toEqual({ area: null, params: {} });
    expect(parseAreaHash('')).toEqual({ area: null, params: {} });
    expect(parseAreaHash('#/')).toEqual({ area: null, params: {} });
    expect(parseAreaHash('#/Returns')).toEqual({ area: null, params: {} });
    expect(parseAreaHash('#/../etc')).toEqual({ area: null, params: {} });
  });

  it('never carries the bridge token along as a parameter', () => {
    expect(parseAreaHash('#/returns?receipt=S-20261118-0007&token=abcdefgh12')).toEqual({
      area: 'returns',
      params: { receipt: 'S-20261118-0007' },
    });
  });

  it('writes the same form back, parameters sorted, empty ones dropped, text escaped', () => {
    expect(formatAreaHash('returns', { receipt: 'S-20261118-0007' })).toBe(
      '#/returns?receipt=S-20261118-0007',
    );
    expect(formatAreaHash('bench')).toBe('#/bench');
    expect(formatAreaHash('returns', { receipt: '' })).toBe('#/returns');
    expect(formatAreaHash('returns', { receipt: 'S-1', document: 'R-2' })).toBe(
      '#/returns?document=R-2&receipt=S-1',
    );
    const odd = 'a&b=c #d';
    expect(formatAreaHash('returns', { receipt: odd })).toBe('#/returns?receipt=a%26b%3Dc+%23d');
    expect(parseAreaHash(formatAreaHash('returns', { receipt: odd })).params).toEqual({ receipt: odd });
  });
});
