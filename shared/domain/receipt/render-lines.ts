/**
 * Receipt layout → the lines that physically print. Both the ESC/POS encoder and the HTML
 * preview start from this, so paper and preview cannot disagree.
 *
 * Widths use the `printer` width model (text-width.ts): printable ASCII is 1 column, every other
 * character 2 — what a printer in Chinese mode does. Amount columns therefore line up in mixed
 * Chinese/ASCII rows. Text is cleaned with printableText first (no control bytes reach the printer).
 */
import { AppError } from '../../contract/errors';
import type { Locale, MessageTree } from '../../i18n/types';
import { DEFAULT_LOCALE } from '../../i18n/types';
import { printerMessages } from '../../i18n/areas/printer';
import {
  paperColumns,
  receiptDocumentSchema,
  type Align,
  type ColumnsBlock,
  type CopyKind,
  type PaperWidth,
  type ReceiptBlock,
  type ReceiptDocument,
  type TextSize,
} from './layout';
import { printableLine, printableText } from './printable-text';
import { padToWidth, textWidth, truncateToWidth, wrapToWidth } from './text-width';

/** A line of text: `text` fits the line's cells (see cellsFor) and has no trailing spaces. */
export interface RenderedText {
  kind: 'text';
  text: string;
  align: Align;
  bold: boolean;
  size: TextSize;
}
export interface RenderedQr {
  kind: 'qr';
  data: string;
  moduleSize: number;
  align: Align;
}
export interface RenderedBarcode {
  kind: 'barcode';
  symbology: 'code128' | 'ean13';
  data: string;
  height: number;
  hri: boolean;
  align: Align;
}
export interface RenderedCut {
  kind: 'cut';
  mode: 'full' | 'partial';
}
export interface RenderedDrawerKick {
  kind: 'drawer-kick';
  pin: 2 | 5;
}
export type RenderedLine = RenderedText | RenderedQr | RenderedBarcode | RenderedCut | RenderedDrawerKick;

export interface RenderedReceipt {
  paper: PaperWidth;
  columns: number;
  locale: Locale;
  lines: RenderedLine[];
}

export const DEFAULT_QR_MODULE_SIZE = 6;
export const DEFAULT_BARCODE_HEIGHT = 80;

/** Looks up a string leaf in a message tree by dotted path; returns the path when it is missing. */
export function messageAt(tree: MessageTree | undefined, path: string): string {
  let node: MessageTree | string | undefined = tree;
  for (const key of path.split('.')) {
    if (node === undefined || typeof node === 'string') return path;
    node = node[key];
  }
  return typeof node === 'string' ? node : path;
}

/** The copy label ("门店联" / "CUSTOMER COPY") in a locale. */
export function copyLabelText(copy: CopyKind, locale: Locale): string {
  return messageAt(printerMessages[locale], `printer.receipt.copy.${copy}`);
}

/** Cells a line of this size has: double-width text gets half the columns. */
export function cellsFor(columns: number, size: TextSize): number {
  return size === 'double-width' || size === 'double' ? Math.floor(columns / 2) : columns;
}

/** The full fixed-width string of a text line: `text` aligned within its cells. */
export function physicalLine(line: Pick<RenderedText, 'text' | 'align' | 'size'>, columns: number): string {
  return padToWidth(line.text, cellsFor(columns, line.size), line.align);
}

function textLine(
  text: string,
  align: Align = 'left',
  bold = false,
  size: TextSize = 'normal',
): RenderedText {
  return { kind: 'text', text: text.replace(/ +$/, ''), align, bold, size };
}

/** Splits `total` by integer weights with the largest-remainder method (ties go to the earlier cell). */
function shareByWeight(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0 || total <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (total * w) / sum);
  const out = exact.map((x) => Math.floor(x));
  let rest = total - out.reduce((a, b) => a + b, 0);
  const order = exact
    .map((x, i) => ({ i, frac: x - Math.floor(x) }))
    .sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (const { i } of order) {
    if (rest <= 0) break;
    out[i] = (out[i] ?? 0) + 1;
    rest -= 1;
  }
  return out;
}

/** Column widths of a columns row on a line of `columns` cells (fixed widths first, then weights). */
export function columnWidths(block: ColumnsBlock, columns: number): number[] {
  const gap = block.gap ?? 1;
  let free = Math.max(0, columns - gap * (block.cells.length - 1));
  const widths = block.cells.map((cell) => {
    if (cell.cols === undefined) return 0;
    const w = Math.min(cell.cols, free);
    free -= w;
    return w;
  });
  const flexIndexes = block.cells.map((c, i) => (c.cols === undefined ? i : -1)).filter((i) => i >= 0);
  const shares = shareByWeight(
    free,
    flexIndexes.map((i) => block.cells[i]?.weight ?? 1),
  );
  flexIndexes.forEach((cellIndex, k) => {
    widths[cellIndex] = shares[k] ?? 0;
  });
  return widths;
}

function renderColumns(block: ColumnsBlock, columns: number): RenderedText[] {
  const gap = ' '.repeat(block.gap ?? 1);
  const widths = columnWidths(block, columns);
  const cellLines = block.cells.map((cell, i) => {
    const width = widths[i] ?? 0;
    if (width <= 0) return [''];
    const text = printableText(cell.text);
    if (cell.overflow === 'truncate') return [truncateToWidth(text.replace(/\n/g, ' '), width)];
    return wrapToWidth(text, width);
  });
  const height = Math.max(...cellLines.map((l) => l.length));
  const rows: RenderedText[] = [];
  for (let r = 0; r < height; r++) {
    const parts = block.cells.map((cell, i) =>
      padToWidth(cellLines[i]?.[r] ?? '', widths[i] ?? 0, cell.align ?? 'left'),
    );
    rows.push(textLine(parts.join(gap), 'left', block.bold ?? false));
  }
  return rows;
}

function renderBlock(block: ReceiptBlock, columns: number, locale: Locale): RenderedLine[] {
  switch (block.kind) {
    case 'text': {
      const size = block.size ?? 'normal';
      const cells = cellsFor(columns, size);
      return wrapToWidth(printableText(block.text), cells).map((t) =>
        textLine(t, block.align ?? 'left', block.bold ?? false, size),
      );
    }
    case 'columns':
      return renderColumns(block, columns);
    case 'separator':
      return [textLine((block.char ?? '-').repeat(columns))];
    case 'feed':
      return Array.from({ length: block.lines ?? 1 }, () => textLine(''));
    case 'qr':
      return [
        {
          kind: 'qr',
          data: block.data,
          moduleSize: block.moduleSize ?? DEFAULT_QR_MODULE_SIZE,
          align: block.align ?? 'center',
        },
      ];
    case 'barcode':
      return [
        {
          kind: 'barcode',
          symbology: block.symbology,
          data: block.data,
          height: block.height ?? DEFAULT_BARCODE_HEIGHT,
          hri: block.hri ?? true,
          align: block.align ?? 'center',
        },
      ];
    case 'cut':
      return [{ kind: 'cut', mode: block.mode ?? 'partial' }];
    case 'drawer-kick':
      return [{ kind: 'drawer-kick', pin: block.pin ?? 2 }];
    case 'copy-label': {
      const label = printableLine(copyLabelText(block.copy, locale));
      const decorated = `*** ${label} ***`;
      const text = textWidth(decorated) <= columns ? decorated : truncateToWidth(label, columns);
      return [textLine(text, 'center', true, 'normal')];
    }
  }
}

/** Checks a document against the layout schema; throws AppError RECEIPT_INVALID with the first issue. */
export function assertReceiptDocument(doc: unknown): ReceiptDocument {
  const parsed = receiptDocumentSchema.safeParse(doc);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError('RECEIPT_INVALID', {
      path: issue ? issue.path.join('.') : '',
      issue: issue ? issue.message : 'invalid',
    });
  }
  return parsed.data;
}

/** Renders a receipt document to the lines that will print (validates it first). */
export function renderLines(doc: ReceiptDocument): RenderedReceipt {
  const valid = assertReceiptDocument(doc);
  const columns = paperColumns(valid.paper);
  const locale = valid.locale ?? DEFAULT_LOCALE;
  const lines = valid.blocks.flatMap((block) => renderBlock(block, columns, locale));
  return { paper: valid.paper, columns, locale, lines };
}

/**
 * A plain-text picture of the rendered receipt, one string per printed line, each exactly
 * `columns` wide for normal text (double-width lines hold half as many cells). Non-text lines
 * become markers: `[QR <data>]`, `[BARCODE <data>]`, `[CUT partial]`, `[DRAWER pin 2]`.
 */
export function renderPlainText(receipt: RenderedReceipt): string[] {
  return receipt.lines.map((line) => {
    switch (line.kind) {
      case 'text':
        return physicalLine(line, receipt.columns);
      case 'qr':
        return `[QR ${line.data}]`;
      case 'barcode':
        return `[BARCODE ${line.data}]`;
      case 'cut':
        return `[CUT ${line.mode}]`;
      case 'drawer-kick':
        return `[DRAWER pin ${line.pin}]`;
    }
  });
}
