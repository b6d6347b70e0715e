import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  EscPosStreamDecoder,
  decodeEscPos,
  decodedToPlainText,
  type DecodedItem,
} from '../../../core/hardware/printers/escpos-decoder';
import { encodeReceipt } from '../../../core/hardware/printers/escpos-encoder';
import { renderLines, renderPlainText } from '../../../shared/domain/receipt/render-lines';
import { sampleRefundSlip } from '../receipt/sample-refund-slip';

const ascii = (s: string): number[] => Array.from(s, (c) => c.charCodeAt(0));

describe('round trip: encode → decode gives the lines back', () => {
  it.each([58, 80] as const)('the %i mm refund slip', (paper) => {
    const doc = sampleRefundSlip(paper);
    const rendered = renderLines(doc);
    const decoded = decodeEscPos(encodeReceipt(doc));
    expect(decoded.stats).toEqual({
      unknownCommands: 0,
      ignoredCommands: 0,
      invalidCharacters: 0,
      truncatedBytes: 0,
    });
    expect(decoded.pendingText).toBe('');
    const printed = decoded.items.filter((i) => i.kind !== 'init');
    expect(printed).toHaveLength(rendered.lines.length);
    rendered.lines.forEach((line, i) => {
      const item = printed[i];
      if (line.kind === 'text') expect(item).toEqual(line);
      if (line.kind === 'qr')
        expect(item).toEqual({ kind: 'qr', data: line.data, moduleSize: 6, errorCorrection: 'M' });
      if (line.kind === 'cut') expect(item).toEqual({ kind: 'cut', mode: 'partial' });
    });
    expect(decodedToPlainText(decoded.items, rendered.columns)).toEqual(renderPlainText(rendered));
  });

  it('any chunking decodes to the same items', () => {
    const bytes = encodeReceipt(sampleRefundSlip(58));
    const whole = decodeEscPos(bytes).items;
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: bytes.length - 1 }), { maxLength: 40 }), (cuts) => {
        const points = [...new Set(cuts)].sort((a, b) => a - b);
        const decoder = new EscPosStreamDecoder();
        const items: DecodedItem[] = [];
        let from = 0;
        for (const p of [...points, bytes.length]) {
          items.push(...decoder.push(bytes.subarray(from, p)));
          from = p;
        }
        items.push(...decoder.end().items);
        expect(items).toEqual(whole);
      }),
      { seed: 7, numRuns: 200 },
    );
  });
});

describe('commands from other encoders', () => {
  it('reads ESC ! modes, ESC d feeds, DLE DC4 pulses, GS V 0/1 cuts and QR / barcode data', () => {
    const bytes = [
      ...[0x1b, 0x21, 0x38], // ESC ! : emphasized + double height + double width
      ...ascii('BIG'),
      0x0a,
      ...[0x1b, 0x21, 0x00],
      ...ascii('x'),
      ...[0x1b, 0x64, 0x03], // print and feed 3 lines → text line + 2 blank
      ...[0x10, 0x14, 0x01, 0x00, 0x05], // DLE DC4 1 pin 2, 500 ms
      ...[0x1d, 0x56, 0x00], // GS V 0 full cut
      ...[0x1d, 0x56, 0x31], // GS V 49 partial cut
      ...[0x1d, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x45, 0x33], // ec H
      ...[0x1d, 0x28, 0x6b, 0x05, 0x00, 0x31, 0x50, 0x30, 0x41, 0x42], // store "AB"
      ...[0x1d, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x51, 0x30], // print
      ...[0x1d, 0x6b, 0x49, 0x08, ...ascii('{C'), 12, 34, ...ascii('{B'), ...ascii('{{')], // Code 128 "1234{"
      ...[0x1d, 0x6b, 0x02, ...ascii('4901234567894'), 0x00], // GS k 2 EAN-13 NUL-terminated
    ];
    const { items, stats } = decodeEscPos(Uint8Array.from(bytes));
    expect(items).toEqual([
      { kind: 'text', text: 'BIG', align: 'left', bold: true, size: 'double' },
      { kind: 'text', text: 'x', align: 'left', bold: false, size: 'normal' },
      { kind: 'text', text: '', align: 'left', bold: false, size: 'normal' },
      { kind: 'text', text: '', align: 'left', bold: false, size: 'normal' },
      { kind: 'drawer-kick', pin: 2, onMs: 500, offMs: 500 },
      { kind: 'cut', mode: 'full' },
      { kind: 'cut', mode: 'partial' },
      { kind: 'qr', data: 'AB', moduleSize: 3, errorCorrection: 'H' },
      { kind: 'barcode', symbology: 'code128', data: '1234{' },
      { kind: 'barcode', symbology: 'other', data: '4901234567894' },
    ]);
    expect(stats.unknownCommands).toBe(0);
  });

  it('ignores ESC a in the middle of a line, as a printer does', () => {
    const bytes = [
      ...ascii('ab'),
      0x1b,
      0x61,
      0x02,
      ...ascii('c'),
      0x0a,
      0x1b,
      0x61,
      0x32,
      ...ascii('d'),
      0x0a,
    ];
    const { items } = decodeEscPos(Uint8Array.from(bytes));
    expect(items.map((i) => (i.kind === 'text' ? `${i.align}:${i.text}` : i.kind))).toEqual([
      'left:abc',
      'right:d',
    ]);
  });

  it('reports DLE EOT requests and GS a settings', () => {
    const { items } = decodeEscPos(Uint8Array.from([0x10, 0x04, 0x01, 0x10, 0x04, 0x04, 0x1d, 0x61, 0x0f]));
    expect(items).toEqual([
      { kind: 'status-request', n: 1 },
      { kind: 'status-request', n: 4 },
      { kind: 'asb-setting', mask: 15 },
    ]);
  });
});

describe('hostile bytes', () => {
  it('skips and counts unknown commands and control bytes, and keeps the text around them', () => {
    // BEL, ESC 0xFE, GS 0xFE, FS 0xFE are dropped whole; a lone DLE is dropped and the 'x' after it prints.
    const bytes = [...ascii('ok'), 0x07, 0x1b, 0xfe, 0x1d, 0xfe, 0x1c, 0xfe, 0x10, ...ascii('x!'), 0x0a];
    const { items, stats } = decodeEscPos(Uint8Array.from(bytes));
    expect(items).toEqual([{ kind: 'text', text: 'okx!', align: 'left', bold: false, size: 'normal' }]);
    expect(stats.unknownCommands).toBe(5);
  });

  it('marks invalid GB18030 as U+FFFD and counts it', () => {
    const bytes = [0x1c, 0x26, 0xcd, 0xcb, 0x81, 0x1c, 0x2e, 0x0a]; // 退 then a lone lead byte
    const { items, stats } = decodeEscPos(Uint8Array.from(bytes));
    expect(items[0]).toMatchObject({ kind: 'text', text: '退\ufffd' });
    expect(stats.invalidCharacters).toBe(1);
  });

  it('counts a command cut off at the end and returns text that never got its LF', () => {
    const result = decodeEscPos(Uint8Array.from([...ascii('tail'), 0x1d, 0x28, 0x6b, 0x10, 0x00, 0x31]));
    expect(result.items).toEqual([]);
    expect(result.pendingText).toBe('tail');
    expect(result.stats.truncatedBytes).toBe(6);
  });

  it('does not wait for an absurd raster image length', () => {
    // GS v 0 with 65535 × 65535 bytes declared: GS v is dropped as garbage (1), the NUL after '0' too (2);
    // the text after it still decodes.
    const bytes = [0x1d, 0x76, 0x30, 0x00, 0xff, 0xff, 0xff, 0xff, ...ascii('after'), 0x0a];
    const { items, stats } = decodeEscPos(Uint8Array.from(bytes));
    expect(stats.unknownCommands).toBe(2);
    expect(items.at(-1)).toMatchObject({ kind: 'text' });
    expect((items.at(-1) as { text: string }).text.endsWith('after')).toBe(true);
  });

  it('never throws on random bytes, whole or chunked, and chunking changes nothing', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), fc.integer({ min: 1, max: 64 }), (bytes, size) => {
        const whole = decodeEscPos(bytes);
        const decoder = new EscPosStreamDecoder();
        const items: DecodedItem[] = [];
        for (let i = 0; i < bytes.length; i += size) items.push(...decoder.push(bytes.subarray(i, i + size)));
        const end = decoder.end();
        expect([...items, ...end.items]).toEqual(whole.items);
        expect(end.pendingText).toBe(whole.pendingText);
        expect(decoder.stats).toEqual(whole.stats);
      }),
      { seed: 424242, numRuns: 400 },
    );
  });
});
