/**
 * A queued job → what goes on paper: the layout on the store's paper width, repeated per copy
 * (each copy ends with a cut), with a cash drawer kick at the start when the job opens the
 * drawer. The same composition feeds the ESC/POS encoder and the HTML preview, so the preview
 * shows exactly what prints.
 */
import type { PaperWidth, ReceiptBlock, ReceiptDocument } from '../../shared/domain/receipt/layout';
import { renderHtmlFromLines } from '../../shared/domain/receipt/render-html';
import { renderLines, type RenderedReceipt } from '../../shared/domain/receipt/render-lines';
import { encodeRenderedReceipt } from '../hardware/printers/escpos-encoder';

export interface JobShape {
  paper: PaperWidth;
  copies: number;
  openDrawer: boolean;
}

/** One document per copy: the layout on `paper`, a cut at the end of each copy, the kick in the first. */
export function jobDocuments(layout: ReceiptDocument, shape: JobShape): ReceiptDocument[] {
  const endsWithCut = layout.blocks.at(-1)?.kind === 'cut';
  const hasKick = layout.blocks.some((b) => b.kind === 'drawer-kick');
  const docs: ReceiptDocument[] = [];
  for (let copy = 0; copy < Math.max(1, shape.copies); copy++) {
    const blocks: ReceiptBlock[] = [];
    if (copy === 0 && shape.openDrawer && !hasKick) blocks.push({ kind: 'drawer-kick', pin: 2 });
    blocks.push(...layout.blocks);
    if (!endsWithCut) blocks.push({ kind: 'feed', lines: 3 }, { kind: 'cut', mode: 'partial' });
    docs.push({ ...layout, paper: shape.paper, blocks });
  }
  return docs;
}

/** The rendered lines of every copy, one after another (validates the layout: RECEIPT_INVALID). */
export function renderJob(layout: ReceiptDocument, shape: JobShape): RenderedReceipt {
  const rendered = jobDocuments(layout, shape).map((d) => renderLines(d));
  const first = rendered[0] as RenderedReceipt;
  return { ...first, lines: rendered.flatMap((r) => r.lines) };
}

/** The job's ESC/POS bytes (GB18030 for Chinese text), one ESC @ per copy. */
export function encodeJob(layout: ReceiptDocument, shape: JobShape): Uint8Array {
  const parts = jobDocuments(layout, shape).map((d) => encodeRenderedReceipt(renderLines(d)));
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

/** The job as a self-contained HTML preview. */
export function previewJob(layout: ReceiptDocument, shape: JobShape): Promise<string> {
  return renderHtmlFromLines(renderJob(layout, shape));
}
