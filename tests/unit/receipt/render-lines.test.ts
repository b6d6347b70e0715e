import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/contract/errors';
import type { ReceiptDocument } from '../../../shared/domain/receipt/layout';
import { printableText } from '../../../shared/domain/receipt/printable-text';
import {
  columnWidths,
  renderLines,
  renderPlainText,
  type RenderedText,
} from '../../../shared/domain/receipt/render-lines';
import { textWidth } from '../../../shared/domain/receipt/text-width';
import { sampleRefundSlip } from './sample-refund-slip';

const itemRows = (paper: 58 | 80): ReceiptDocument => ({
  paper,
  blocks: [
    ['商品', '数量', '金额'],
    ['JBL Flip 6 蓝牙音箱', '1', '¥399.00'],
    ['USB-C 数据线 1m', '2', '¥118.00'],
    ['电水壶', '1', '¥89.90'],
    ['Phone case', '10', '¥1,299.00'],
  ].map(([name = '', qty = '', amount = '']) => ({
    kind: 'columns' as const,
    cells: [
      { text: name, weight: 1, overflow: 'truncate' as const },
      { text: qty, cols: 4, align: 'right' as const },
      { text: amount, cols: 10, align: 'right' as const },
    ],
  })),
});

/** Column (in printer cells) where `needle` starts in `line`. */
function columnOf(line: string, needle: string): number {
  const i = line.indexOf(needle);
  if (i < 0) throw new Error(`${needle} not in ${line}`);
  return textWidth(line.slice(0, i));
}

describe('paper widths', () => {
  it.each([
    [58, 32],
    [80, 48],
  ] as const)(
    '%i mm paper prints %i columns: every normal text line is exactly that wide',
    (paper, columns) => {
      const receipt = renderLines(sampleRefundSlip(paper));
      expect(receipt.columns).toBe(columns);
      const normal = receipt.lines.filter(
        (l): l is RenderedText => l.kind === 'text' && l.size !== 'double-width' && l.size !== 'double',
      );
      for (const line of renderPlainText({ ...receipt, lines: normal }))
        expect(textWidth(line)).toBe(columns);
    },
  );

  it.each([58, 80] as const)(
    'amounts and quantities line up on %i mm in mixed Chinese/ASCII rows',
    (paper) => {
      const columns = paper === 58 ? 32 : 48;
      const lines = renderPlainText(renderLines(itemRows(paper)));
      // Every amount ends in the last column, every quantity ends 11 columns before it.
      for (const line of lines) {
        expect(textWidth(line)).toBe(columns);
        expect(line.endsWith(' ')).toBe(false);
      }
      expect(columnOf(lines[1] ?? '', '￥399.00')).toBe(columns - 8);
      expect(columnOf(lines[2] ?? '', '￥118.00')).toBe(columns - 8);
      expect(columnOf(lines[3] ?? '', '￥89.90')).toBe(columns - 7);
      expect(columnOf(lines[4] ?? '', '￥1,299.00')).toBe(columns - 10);
      expect(columnOf(lines[1] ?? '', '1 ')).toBe(columns - 12);
      expect(columnOf(lines[4] ?? '', '10 ')).toBe(columns - 13);
    },
  );

  it('renders the 58 mm item row as a person would check it', () => {
    const lines = renderPlainText(renderLines(itemRows(58)));
    expect(lines[1]).toBe('JBL Flip 6 蓝牙     1   ￥399.00');
    // 16-cell name (电水壶 is 6 + 10 spaces), gap, 4-cell quantity, gap, 10-cell amount.
    expect(lines[3]).toBe(`电水壶${' '.repeat(10)} ${'   1'} ${'   ￥89.90'}`);
  });
});

describe('blocks', () => {
  it('wraps long cells onto extra lines and keeps the other cells on the first line', () => {
    const receipt = renderLines({
      paper: 58,
      blocks: [
        {
          kind: 'columns',
          cells: [
            { text: '飞利浦电动牙刷 HX6730 替换刷头', weight: 1 },
            { text: '¥59.00', cols: 8, align: 'right' },
          ],
        },
      ],
    });
    expect(renderPlainText(receipt)).toEqual([
      '飞利浦电动牙刷 HX6730    ￥59.00',
      '替换刷头                        ',
    ]);
  });

  it('shares free width by weight with fixed columns first', () => {
    const widths = columnWidths(
      {
        kind: 'columns',
        cells: [
          { text: '', weight: 2 },
          { text: '', weight: 1 },
          { text: '', cols: 10 },
        ],
      },
      48,
    );
    // 48 − 2 gaps − 10 fixed = 36 shared 2:1.
    expect(widths).toEqual([24, 12, 10]);
  });

  it('gives double-width text half the columns, aligned within them', () => {
    const receipt = renderLines({
      paper: 58,
      blocks: [{ kind: 'text', text: '退货单', size: 'double', align: 'center' }],
    });
    expect(renderPlainText(receipt)).toEqual(['     退货单     ']); // 16 cells
  });

  it('draws separators, feeds and copy labels in the document locale', () => {
    const zh = renderPlainText(
      renderLines({
        paper: 58,
        blocks: [
          { kind: 'separator', char: '=' },
          { kind: 'feed', lines: 2 },
          { kind: 'copy-label', copy: 'store' },
        ],
      }),
    );
    expect(zh).toEqual(['='.repeat(32), ' '.repeat(32), ' '.repeat(32), '         *** 门店联 ***         ']);
    const en = renderLines({
      paper: 80,
      locale: 'en-US',
      blocks: [{ kind: 'copy-label', copy: 'customer' }],
    });
    expect(en.lines[0]).toMatchObject({
      kind: 'text',
      text: '*** CUSTOMER COPY ***',
      align: 'center',
      bold: true,
    });
  });

  it('passes QR codes, barcodes, cuts and drawer kicks through with their defaults', () => {
    const receipt = renderLines({
      paper: 80,
      blocks: [
        { kind: 'qr', data: 'R-20261123-0007' },
        { kind: 'barcode', symbology: 'ean13', data: '6901234567892' },
        { kind: 'drawer-kick' },
        { kind: 'cut' },
      ],
    });
    expect(receipt.lines).toEqual([
      { kind: 'qr', data: 'R-20261123-0007', moduleSize: 6, align: 'center' },
      { kind: 'barcode', symbology: 'ean13', data: '6901234567892', height: 80, hri: true, align: 'center' },
      { kind: 'drawer-kick', pin: 2 },
      { kind: 'cut', mode: 'partial' },
    ]);
  });
});

describe('hostile and invalid content', () => {
  it('removes printer control bytes from text so a name cannot kick the drawer or cut', () => {
    const name = 'Bob\x1bp\x00\x19\xfa\x1dVB\x00\x10\x04\x01';
    const receipt = renderLines({ paper: 58, blocks: [{ kind: 'text', text: `顾客 ${name}` }] });
    const text = receipt.lines.map((l) => (l.kind === 'text' ? l.text : '')).join('');
    expect(text).toBe('顾客 Bobp\u00faVB');
    expect([...text].some((c) => (c.codePointAt(0) ?? 0) < 0x20)).toBe(false);
  });

  it('prints the half-width yen as the fullwidth ￥ every GB font has, and drops zero-width characters', () => {
    expect(printableText('¥12\u200b.00\tok\u00a0!')).toBe('￥12.00 ok !');
    expect(printableText('e\u0301')).toBe('é');
    expect(printableText('ok 😀')).toBe('ok ?');
  });

  it('rejects a document that is not valid with AppError RECEIPT_INVALID', () => {
    const bad = { paper: 76, blocks: [] } as unknown as ReceiptDocument;
    expect(() => renderLines(bad)).toThrow(AppError);
    try {
      renderLines({ paper: 58, blocks: [{ kind: 'qr', data: 'x'.repeat(3000) }] });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).code).toBe('RECEIPT_INVALID');
      expect((e as AppError).details.path).toBe('blocks.0.data');
    }
  });
});
