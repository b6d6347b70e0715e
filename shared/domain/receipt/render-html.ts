/**
 * Receipt layout → a self-contained HTML preview (no external resources, no scripts).
 *
 * The preview draws exactly the lines render-lines produces, on a grid of cells: every ASCII
 * character sits in one 9 px cell (one 12-dot printer column at 0.75 px per dot), every other
 * character in two — so columns line up the way they do on paper whatever font the browser picks.
 * QR codes are inline SVG from the `qrcode` package (works in the browser and in Node), sized in
 * printer dots. Barcodes are drawn as a labelled placeholder. A cut starts a new slip; a drawer
 * kick is shown as a marker that is not part of the paper. All text is HTML-escaped.
 */
import { create as createQr, toString as qrToString } from 'qrcode';
import { printerMessages } from '../../i18n/areas/printer';
import type { Locale } from '../../i18n/types';
import type { Align, ReceiptDocument } from './layout';
import {
  messageAt,
  physicalLine,
  renderLines,
  type RenderedLine,
  type RenderedReceipt,
} from './render-lines';
import { charWidth } from './text-width';

/** Preview pixels per printer dot (12-dot columns → 9 px cells). */
export const PREVIEW_PX_PER_DOT = 0.75;
const CELL_PX = 12 * PREVIEW_PX_PER_DOT;

export interface ReceiptHtmlOptions {
  /** A `<div>` with its own `<style>` to embed in a page, instead of a whole document. */
  fragment?: boolean;
  /** Document title (defaults to the localized "receipt preview"). */
  title?: string;
}

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#39;',
  );
}

function t(locale: Locale, path: string, vars: Record<string, string> = {}): string {
  return messageAt(printerMessages[locale], path).replace(/\{\{(\w+)\}\}/g, (_, k: string) => vars[k] ?? '');
}

const CSS = `
.cdr-root{background:#e9ebee;padding:16px;display:flex;flex-direction:column;align-items:center;gap:0}
.cdr-paper{background:#fff;color:#111;box-shadow:0 1px 4px rgba(0,0,0,.25);padding:12px 10px 16px;
 font-family:"Noto Sans SC","DejaVu Sans Mono","Noto Sans Mono CJK SC","Noto Sans CJK SC","Microsoft YaHei",monospace;font-size:15px}
.cdr-line{display:flex;height:22px;line-height:22px;white-space:pre;overflow:visible}
.cdr-line.cdr-tall{height:40px;line-height:40px}
.cdr-p58{width:${32 * CELL_PX}px}.cdr-p80{width:${48 * CELL_PX}px}.cdr-gap{height:14px}
.cdr-b{font-weight:700}
.cdr-c{display:inline-block;flex:none;text-align:center;overflow:visible}
.cdr-w1{width:${CELL_PX}px}.cdr-w2{width:${CELL_PX * 2}px;font-size:1.15em}
.cdr-wide .cdr-w1{width:${CELL_PX * 2}px}.cdr-wide .cdr-w2{width:${CELL_PX * 4}px}
.cdr-c i{display:inline-block;font-style:normal}
.cdr-dh .cdr-c i{transform:scale(1,2)}.cdr-dw .cdr-c i{transform:scale(2,1)}.cdr-dd .cdr-c i{transform:scale(2,2)}
.cdr-block{display:flex;padding:4px 0}
.cdr-left{justify-content:flex-start}.cdr-center{justify-content:center}.cdr-right{justify-content:flex-end}
.cdr-qr svg{display:block}
.cdr-barcode{display:flex;flex-direction:column;align-items:center}
.cdr-bars{background:repeating-linear-gradient(90deg,#111 0 2px,#fff 2px 3px,#111 3px 4px,#fff 4px 7px)}
.cdr-hri{font-size:12px;line-height:16px}
.cdr-mark{font:12px/18px system-ui,sans-serif;color:#51607a;border:1px dashed #8a97ad;border-radius:3px;
 padding:0 6px;margin:4px 0;width:fit-content}
.cdr-cut{font:12px/18px system-ui,sans-serif;color:#51607a;padding:6px 0;width:100%;text-align:center;
 border-top:1px dashed #8a97ad;margin-top:6px}
`;

function sizeClass(line: Extract<RenderedLine, { kind: 'text' }>): string {
  switch (line.size) {
    case 'normal':
      return '';
    case 'double-height':
      return ' cdr-dh cdr-tall';
    case 'double-width':
      return ' cdr-dw cdr-wide';
    case 'double':
      return ' cdr-dd cdr-wide cdr-tall';
  }
}

function textLineHtml(line: Extract<RenderedLine, { kind: 'text' }>, columns: number): string {
  const scaled = line.size !== 'normal';
  let cells = '';
  for (const ch of physicalLine(line, columns)) {
    const w = charWidth(ch.codePointAt(0) ?? 0);
    if (w === 0) continue;
    const glyph = escapeHtml(ch);
    cells += `<span class="cdr-c cdr-w${w}">${scaled && ch !== ' ' ? `<i>${glyph}</i>` : glyph}</span>`;
  }
  return `<div class="cdr-line${line.bold ? ' cdr-b' : ''}${sizeClass(line)}">${cells}</div>`;
}

async function qrHtml(data: string, moduleSize: number, align: Align, locale: Locale): Promise<string> {
  const modules = createQr(data, { errorCorrectionLevel: 'M' }).modules.size;
  const px = Math.round(modules * moduleSize * PREVIEW_PX_PER_DOT);
  const svg = await qrToString(data, { type: 'svg', errorCorrectionLevel: 'M', margin: 0, width: px });
  const label = escapeHtml(t(locale, 'printer.receipt.preview.qr', { data }));
  return `<div class="cdr-block cdr-qr cdr-${align}" role="img" aria-label="${label}" title="${label}">${svg}</div>`;
}

function barcodeHtml(
  line: Extract<RenderedLine, { kind: 'barcode' }>,
  columns: number,
  locale: Locale,
): string {
  // Module counts: EAN-13 is 95 modules; Code 128 (set B) is 11 per symbol + start, check, stop (13).
  const modules = line.symbology === 'ean13' ? 95 : 11 * (line.data.length + 3) + 2;
  const maxPx = columns * CELL_PX;
  const width = Math.min(maxPx, Math.round(modules * 2 * PREVIEW_PX_PER_DOT));
  const height = Math.round(line.height * PREVIEW_PX_PER_DOT);
  const label = escapeHtml(t(locale, 'printer.receipt.preview.barcode', { data: line.data }));
  const hri = line.hri ? `<div class="cdr-hri">${escapeHtml(line.data)}</div>` : '';
  return (
    `<div class="cdr-block cdr-${line.align}" role="img" aria-label="${label}" title="${label}">` +
    `<div class="cdr-barcode"><svg width="${width}" height="${height}" class="cdr-bars"></svg>${hri}</div></div>`
  );
}

/** Renders already-rendered receipt lines to HTML (see the module comment). */
export async function renderHtmlFromLines(
  receipt: RenderedReceipt,
  options: ReceiptHtmlOptions = {},
): Promise<string> {
  const { columns, locale } = receipt;
  const paperOpen = `<div class="cdr-paper cdr-p${receipt.paper}">`;
  const slips: string[] = [];
  let body = '';
  for (const line of receipt.lines) {
    switch (line.kind) {
      case 'text':
        body += textLineHtml(line, columns);
        break;
      case 'qr':
        body += await qrHtml(line.data, line.moduleSize, line.align, locale);
        break;
      case 'barcode':
        body += barcodeHtml(line, columns, locale);
        break;
      case 'drawer-kick':
        body += `<div class="cdr-mark">${escapeHtml(t(locale, 'printer.receipt.preview.drawerKick'))}</div>`;
        break;
      case 'cut': {
        const label = t(
          locale,
          line.mode === 'full' ? 'printer.receipt.preview.cutFull' : 'printer.receipt.preview.cutPartial',
        );
        slips.push(`${paperOpen}${body}<div class="cdr-cut">\u2702 ${escapeHtml(label)}</div></div>`);
        body = '';
        break;
      }
    }
  }
  if (body || slips.length === 0) slips.push(`${paperOpen}${body}</div>`);
  const root = `<div class="cdr-root">${slips.join('<div class="cdr-gap"></div>')}</div>`;
  if (options.fragment) return `<div class="cdr-embed"><style>${CSS}</style>${root}</div>`;
  const title = escapeHtml(options.title ?? t(locale, 'printer.receipt.preview.title'));
  return (
    `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>${title}</title>` +
    `<style>body{margin:0}${CSS}</style></head><body>${root}</body></html>`
  );
}

/** Renders a receipt document to a self-contained HTML preview string. */
export async function renderReceiptHtml(
  doc: ReceiptDocument,
  options: ReceiptHtmlOptions = {},
): Promise<string> {
  return renderHtmlFromLines(renderLines(doc), options);
}
