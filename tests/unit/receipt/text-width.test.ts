import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  charWidth,
  isWideCodePoint,
  padToWidth,
  textWidth,
  truncateToWidth,
  wrapToWidth,
} from '../../../shared/domain/receipt/text-width';

describe('display width (East Asian Width)', () => {
  it('counts CJK ideographs, kana, hangul and fullwidth forms as 2, ASCII as 1', () => {
    expect(textWidth('退货单', 'display')).toBe(6);
    expect(textWidth('カナ', 'display')).toBe(4);
    expect(textWidth('한국', 'display')).toBe(4);
    expect(textWidth('ＡＢＣ', 'display')).toBe(6);
    expect(textWidth('￥', 'display')).toBe(2); // U+FFE5 FULLWIDTH YEN SIGN (F)
    expect(textWidth('，。', 'display')).toBe(4); // U+FF0C (F), U+3002 (W)
    expect(textWidth('JBL Flip 6', 'display')).toBe(10);
  });

  it('counts narrow and ambiguous non-ASCII as 1 and combining marks as 0', () => {
    expect(textWidth('¥', 'display')).toBe(1); // U+00A5 is Narrow
    expect(textWidth('°Ω×', 'display')).toBe(3); // Ambiguous → narrow
    expect(textWidth('e\u0301', 'display')).toBe(1);
    expect(textWidth('a\u200bb', 'display')).toBe(2);
  });

  it('knows the range edges of the CJK blocks', () => {
    expect(isWideCodePoint(0x4e00)).toBe(true);
    expect(isWideCodePoint(0x9fff)).toBe(true);
    expect(isWideCodePoint(0x3000)).toBe(true); // ideographic space (F)
    expect(isWideCodePoint(0xff61)).toBe(false); // halfwidth ideographic full stop
    expect(isWideCodePoint(0x20000)).toBe(true); // CJK Ext B
    expect(isWideCodePoint(0x1f600)).toBe(true); // emoji, presentation wide
    expect(isWideCodePoint(0x00a5)).toBe(false);
  });
});

describe('printer width (Chinese mode: every multi-byte character is 24 dots)', () => {
  it('counts every printable non-ASCII character as 2', () => {
    expect(textWidth('¥399.00')).toBe(8);
    expect(textWidth('19.47 V ±5%')).toBe(12);
    expect(textWidth('Ω')).toBe(2);
    expect(charWidth(0x1b)).toBe(0); // ESC
    expect(charWidth(0x41)).toBe(1);
  });
});

describe('truncate and pad', () => {
  it('never splits a wide character', () => {
    expect(truncateToWidth('退货单', 5)).toBe('退货');
    expect(truncateToWidth('退货单', 1)).toBe('');
    expect(truncateToWidth('A退货', 2)).toBe('A');
    expect(truncateToWidth('蓝牙音箱', 7, 'printer', '..')).toBe('蓝牙..');
  });

  it('pads to exact widths with mixed text', () => {
    expect(padToWidth('音箱', 6, 'right')).toBe('  音箱');
    expect(padToWidth('音箱', 7, 'center')).toBe(' 音箱  ');
    expect(padToWidth('退货单号码', 5, 'left')).toBe('退货 '); // truncated to 4 then padded
  });
});

describe('wrapToWidth', () => {
  it('breaks between CJK characters and at spaces', () => {
    expect(wrapToWidth('三包七日内退货', 8)).toEqual(['三包七日', '内退货']);
    expect(wrapToWidth('Bluetooth speaker black', 10)).toEqual(['Bluetooth', 'speaker', 'black']);
    expect(wrapToWidth('JBL Flip 6 蓝牙音箱 黑色', 14)).toEqual(['JBL Flip 6 蓝', '牙音箱 黑色']);
  });

  it('splits an ASCII word longer than the line', () => {
    expect(wrapToWidth('R-20261123-0007-ABCDEFG', 10)).toEqual(['R-20261123', '-0007-ABCD', 'EFG']);
  });

  it('keeps closing punctuation off the start of a line', () => {
    // 6 columns hold 原因是 but not the full-width comma: 是 moves down with it.
    expect(wrapToWidth('原因是，杂音', 6)).toEqual(['原因', '是，杂', '音']);
  });

  it('honours explicit newlines and replaces a character wider than the line', () => {
    expect(wrapToWidth('第一行\n第二行', 10)).toEqual(['第一行', '第二行']);
    expect(wrapToWidth('退', 1)).toEqual(['?']);
  });

  it('property: lines fit, and no non-space character is lost or reordered', () => {
    const alphabet = fc.constantFrom(...'ab XY退货单，。音箱¥9-'.split(''));
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 80 }), fc.integer({ min: 2, max: 48 }), (chars, width) => {
        const text = chars.join('');
        const lines = wrapToWidth(text, width);
        for (const line of lines) expect(textWidth(line)).toBeLessThanOrEqual(width);
        expect(lines.join('').replace(/ /g, '')).toBe(text.replace(/ /g, ''));
      }),
      { seed: 20261123, numRuns: 500 },
    );
  });
});
