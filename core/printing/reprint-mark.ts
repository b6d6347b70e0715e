/**
 * The one way a reprint is marked on paper, for every kind: the words "*** 重印 ***" /
 * "*** REPRINT ***" (printer.receipt.reprint, in the document's language), bold and centred,
 * under each copy label, or under the title of a document without copy labels (the first
 * double-size text), or at the top. Marking an already marked document changes nothing.
 */
import type { ReceiptBlock, ReceiptDocument } from '../../shared/domain/receipt/layout';
import { resources } from '../../shared/i18n';
import { makeTranslator } from '../../shared/i18n/translate';

function reprintLine(doc: ReceiptDocument): Extract<ReceiptBlock, { kind: 'text' }> {
  const t = makeTranslator(resources, doc.locale ?? 'zh-CN');
  return { kind: 'text', text: t('printer.receipt.reprint'), align: 'center', bold: true };
}

function isMark(b: ReceiptBlock | undefined, mark: { text: string }): boolean {
  return b?.kind === 'text' && b.text === mark.text;
}

/** Where the marking goes: after these block indexes. */
function anchors(blocks: readonly ReceiptBlock[]): number[] {
  const labels = blocks.flatMap((b, i) => (b.kind === 'copy-label' ? [i] : []));
  if (labels.length > 0) return labels;
  const title = blocks.findIndex((b) => b.kind === 'text' && b.size !== undefined && b.size !== 'normal');
  return [title];
}

/** `doc` marked as a reprint (see the file comment). */
export function markReprint(doc: ReceiptDocument): ReceiptDocument {
  const mark = reprintLine(doc);
  const after = new Set(anchors(doc.blocks));
  if ([...after].every((i) => isMark(doc.blocks[i + 1], mark))) return doc;
  const blocks: ReceiptBlock[] = after.has(-1) ? [mark] : [];
  doc.blocks.forEach((b, i) => {
    blocks.push(b);
    if (after.has(i)) blocks.push(mark);
  });
  return { ...doc, blocks };
}

/** Whether `doc` carries the reprint marking. */
export function isMarkedReprint(doc: ReceiptDocument): boolean {
  const mark = reprintLine(doc);
  return doc.blocks.some((b) => isMark(b, mark));
}
