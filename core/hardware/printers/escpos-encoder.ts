/**
 * Receipt layout → ESC/POS bytes. Starts from the same rendered lines as the HTML preview.
 *
 * A job is: ESC @, then per text line only the mode changes it needs (ESC a, ESC E, GS !),
 * the text and LF. Lines with any non-ASCII character are sent as FS & + GB18030 bytes + FS .;
 * ASCII-only lines stay plain bytes. QR codes use GS ( k (model 2, error correction M) with the
 * data as UTF-8; cuts GS V 65/66 0; drawer kicks ESC p 0|1 25 250.
 */
import iconv from 'iconv-lite';
import type { ReceiptDocument } from '../../../shared/domain/receipt/layout';
import { renderLines, type RenderedReceipt } from '../../../shared/domain/receipt/render-lines';
import {
  LF,
  cmdAlign,
  cmdBarcode,
  cmdBold,
  cmdChineseOff,
  cmdChineseOn,
  cmdCut,
  cmdDrawerKick,
  cmdInit,
  cmdQr,
  cmdSize,
  type EscPosAlign,
  type EscPosSize,
} from './escpos-commands';

/** GB18030 bytes of a string (ASCII stays single bytes; ￥ is A3 A4; 退 is CD CB). */
export function encodeGb18030(text: string): Uint8Array {
  return new Uint8Array(iconv.encode(text, 'gb18030'));
}

/** Bytes of one line's text: plain ASCII, or FS & + GB18030 + FS . when it has any non-ASCII character. */
export function encodePrinterText(text: string): number[] {
  let ascii = true;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) > 0x7f) {
      ascii = false;
      break;
    }
  }
  if (ascii) return Array.from(text, (c) => c.charCodeAt(0));
  return [...cmdChineseOn(), ...encodeGb18030(text), ...cmdChineseOff()];
}

/** Encodes rendered receipt lines as one ESC/POS job (starting with ESC @). */
export function encodeRenderedReceipt(receipt: RenderedReceipt): Uint8Array {
  const out: number[] = [...cmdInit()];
  // Modes after ESC @: left, not bold, normal size.
  let align: EscPosAlign = 'left';
  let bold = false;
  let size: EscPosSize = 'normal';
  const setAlign = (a: EscPosAlign): void => {
    if (a !== align) out.push(...cmdAlign(a));
    align = a;
  };
  for (const line of receipt.lines) {
    switch (line.kind) {
      case 'text':
        setAlign(line.align);
        if (line.bold !== bold) out.push(...cmdBold(line.bold));
        if (line.size !== size) out.push(...cmdSize(line.size));
        bold = line.bold;
        size = line.size;
        out.push(...encodePrinterText(line.text), LF);
        break;
      case 'qr':
        setAlign(line.align);
        out.push(...cmdQr(new TextEncoder().encode(line.data), line.moduleSize, 'M'));
        break;
      case 'barcode':
        setAlign(line.align);
        out.push(...cmdBarcode(line.symbology, line.data, line.height, line.hri));
        break;
      case 'cut':
        out.push(...cmdCut(line.mode));
        break;
      case 'drawer-kick':
        out.push(...cmdDrawerKick(line.pin));
        break;
    }
  }
  return Uint8Array.from(out);
}

/** Encodes a receipt document as one ESC/POS job (validates it; AppError RECEIPT_INVALID if not valid). */
export function encodeReceipt(doc: ReceiptDocument): Uint8Array {
  return encodeRenderedReceipt(renderLines(doc));
}
