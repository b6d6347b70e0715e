/**
 * Byte-exact checks against sequences built by hand from the Epson ESC/POS reference
 * (ESC @, ESC a, ESC E, GS !, FS &, FS ., GS ( k fn 165/167/169/180/181, GS V, ESC p, GS k).
 */
import { describe, expect, it } from 'vitest';
import { cmdQr } from '../../../core/hardware/printers/escpos-commands';
import {
  encodeGb18030,
  encodePrinterText,
  encodeReceipt,
} from '../../../core/hardware/printers/escpos-encoder';

const hex = (bytes: Iterable<number>): string =>
  Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(' ');
const ascii = (s: string): number[] => Array.from(s, (c) => c.charCodeAt(0));

describe('GB18030 text', () => {
  it('encodes 退货单 and the yen signs to their published GB18030 bytes', () => {
    // GB2312 row/cell: 退 CDCB, 货 BBF5, 单 B5A5; ￥ (U+FFE5) A3A4; ¥ (U+00A5) is four-byte 81 30 84 36.
    expect(hex(encodeGb18030('退货单'))).toBe('cd cb bb f5 b5 a5');
    expect(hex(encodeGb18030('￥'))).toBe('a3 a4');
    expect(hex(encodeGb18030('¥'))).toBe('81 30 84 36');
    expect(hex(encodeGb18030('A1'))).toBe('41 31');
  });

  it('wraps non-ASCII lines in FS & … FS . and leaves ASCII lines plain', () => {
    expect(hex(encodePrinterText('退货单'))).toBe('1c 26 cd cb bb f5 b5 a5 1c 2e');
    expect(hex(encodePrinterText('R-0007'))).toBe(hex(ascii('R-0007')));
  });
});

describe('QR code (GS ( k)', () => {
  it('stores a 20-byte payload with pL = 23, pH = 0', () => {
    const data = ascii('R-20261123-0007-ABCD');
    expect(data).toHaveLength(20);
    const bytes = cmdQr(Uint8Array.from(data), 6);
    const expected = [
      ...[0x1d, 0x28, 0x6b, 0x04, 0x00, 0x31, 0x41, 0x32, 0x00], // fn 165: model 2
      ...[0x1d, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x43, 0x06], // fn 167: module size 6
      ...[0x1d, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x45, 0x31], // fn 169: error correction M
      ...[0x1d, 0x28, 0x6b, 0x17, 0x00, 0x31, 0x50, 0x30, ...data], // fn 180: (20 + 3) = 0x17
      ...[0x1d, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x51, 0x30], // fn 181: print
    ];
    expect(hex(bytes)).toBe(hex(expected));
  });

  it('splits a long payload length over pL and pH', () => {
    const bytes = cmdQr(new Uint8Array(300).fill(0x41), 4);
    // 300 + 3 = 303 = 0x012F → pL 0x2F, pH 0x01
    const store = bytes.indexOf(0x50) - 6;
    expect(hex(bytes.slice(store, store + 8))).toBe('1d 28 6b 2f 01 31 50 30');
  });
});

describe('whole jobs', () => {
  it('encodes a small slip byte for byte', () => {
    const bytes = encodeReceipt({
      paper: 58,
      blocks: [
        { kind: 'text', text: '退货单', align: 'center', bold: true, size: 'double' },
        { kind: 'text', text: 'No. 7' },
        { kind: 'feed' },
        { kind: 'drawer-kick' },
        { kind: 'cut', mode: 'partial' },
      ],
    });
    const expected = [
      ...[0x1b, 0x40], // ESC @
      ...[0x1b, 0x61, 0x01], // ESC a 1 center
      ...[0x1b, 0x45, 0x01], // ESC E 1
      ...[0x1d, 0x21, 0x11], // GS ! 0x11 double width + height
      ...[0x1c, 0x26, 0xcd, 0xcb, 0xbb, 0xf5, 0xb5, 0xa5, 0x1c, 0x2e, 0x0a],
      ...[0x1b, 0x61, 0x00, 0x1b, 0x45, 0x00, 0x1d, 0x21, 0x00], // back to left, plain, normal
      ...ascii('No. 7'),
      0x0a,
      0x0a, // feed: blank line, modes unchanged
      ...[0x1b, 0x70, 0x00, 0x19, 0xfa], // ESC p 0 25 250
      ...[0x1d, 0x56, 0x42, 0x00], // GS V 66 0 partial cut after feed
    ];
    expect(hex(bytes)).toBe(hex(expected));
  });

  it('prints a ¥ amount with the two-byte ￥ (A3 A4) inside Chinese mode', () => {
    const bytes = encodeReceipt({ paper: 58, blocks: [{ kind: 'text', text: '¥9.90' }] });
    expect(hex(bytes)).toBe('1b 40 1c 26 a3 a4 39 2e 39 30 1c 2e 0a');
  });

  it('encodes full cut, pin-5 kick, sizes and barcodes', () => {
    const bytes = encodeReceipt({
      paper: 80,
      blocks: [
        { kind: 'text', text: 'T', size: 'double-height' },
        { kind: 'text', text: 'W', size: 'double-width' },
        { kind: 'barcode', symbology: 'code128', data: 'A{1', height: 60, align: 'left' },
        { kind: 'barcode', symbology: 'ean13', data: '690123456789', hri: false },
        { kind: 'drawer-kick', pin: 5 },
        { kind: 'cut', mode: 'full' },
      ],
    });
    const setup = (h: number, hri: number): number[] => [
      0x1d,
      0x68,
      h,
      0x1d,
      0x77,
      2,
      0x1d,
      0x48,
      hri,
      0x1d,
      0x66,
      0,
    ];
    const expected = [
      ...[0x1b, 0x40],
      ...[0x1d, 0x21, 0x01, 0x54, 0x0a], // GS ! 1 → double height
      ...[0x1d, 0x21, 0x10, 0x57, 0x0a], // GS ! 16 → double width
      ...setup(60, 2),
      ...[0x1d, 0x6b, 73, 6, ...ascii('{BA{{1')], // GS k 73 n, code set B, "{" doubled
      ...[0x1b, 0x61, 0x01], // barcode default align center
      ...setup(80, 0),
      ...[0x1d, 0x6b, 67, 12, ...ascii('690123456789')],
      ...[0x1b, 0x70, 0x01, 0x19, 0xfa],
      ...[0x1d, 0x56, 0x41, 0x00],
    ];
    expect(hex(bytes)).toBe(hex(expected));
  });

  it('sends no control byte from the content itself', () => {
    const bytes = encodeReceipt({
      paper: 58,
      blocks: [{ kind: 'text', text: 'x\x1bp\x00\x19\xfay\x10\x04\x01' }],
    });
    // Only ESC @ and the FS & / FS . of the (now non-ASCII because of ú) line remain.
    expect(hex(bytes)).toBe(`1b 40 1c 26 ${hex(ascii('xp'))} ${hex(encodeGb18030('ú'))} 79 1c 2e 0a`);
  });
});
