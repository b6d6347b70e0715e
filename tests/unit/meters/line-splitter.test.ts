import { describe, expect, it } from 'vitest';
import { createLineSplitter } from '../../../core/hardware/meters/line-splitter';

const b = (s: string): Uint8Array => Uint8Array.from(Buffer.from(s, 'latin1'));

describe('line splitter', () => {
  it('splits on LF and drops a CR before it', () => {
    const s = createLineSplitter();
    expect(s.push(b('+1.0E+00\n+2.0E+00\r\n'))).toEqual(['+1.0E+00', '+2.0E+00']);
  });
  it('joins lines split across chunks, including between CR and LF', () => {
    const s = createLineSplitter();
    expect(s.push(b('KEYSIGHT,344'))).toEqual([]);
    expect(s.push(b('61A,X,1\r'))).toEqual([]);
    expect(s.push(b('\nnext'))).toEqual(['KEYSIGHT,34461A,X,1']);
    expect(s.pendingBytes).toBe(4);
  });
  it('keeps empty lines and a lone CR inside a line', () => {
    const s = createLineSplitter();
    expect(s.push(b('\n\r\na\rb\n'))).toEqual(['', '', 'a\rb']);
  });
  it('drops an over-long line up to its LF and counts it', () => {
    const s = createLineSplitter(8);
    expect(s.push(b('0123456789'))).toEqual([]);
    expect(s.push(b('abc\nok\n'))).toEqual(['ok']);
    expect(s.overflows).toBe(1);
    expect(s.push(b('123456789\n'))).toEqual([]);
    expect(s.overflows).toBe(2);
  });
  it('forgets a partial line on clear()', () => {
    const s = createLineSplitter();
    s.push(b('stale'));
    s.clear();
    expect(s.push(b('fresh\n'))).toEqual(['fresh']);
  });
});
