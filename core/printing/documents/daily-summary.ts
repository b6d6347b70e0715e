/**
 * The daily summary on the receipt printer (58 or 80 mm), in the store's language. A reprint is marked
 * under the title by core/printing/reprint-mark.ts, like every other kind.
 */
import type { DailySummary } from '../../../shared/contract/methods/reports';
import type { ReceiptBlock, ReceiptDocument } from '../../../shared/domain/receipt/layout';
import { localParts } from '../../../shared/domain/time/business-day';
import type { Locale } from '../../../shared/i18n';
import { reportTranslator, summarySections } from '../../services/reports/summary-rows';

const two = (n: number) => String(n).padStart(2, '0');

/** The slip of `s`; `printedAt` is shown in the store's zone. */
export function summaryReceipt(
  s: DailySummary,
  opts: { storeName: string; locale: Locale; paper: 58 | 80; printedAt: number },
): ReceiptDocument {
  const t = reportTranslator(opts.locale);
  const p = localParts(opts.printedAt, s.timeZone);
  const blocks: ReceiptBlock[] = [
    { kind: 'text', text: opts.storeName, align: 'center', bold: true },
    { kind: 'text', text: t('report.dailyTitle'), align: 'center', bold: true, size: 'double-height' },
  ];
  blocks.push(
    {
      kind: 'columns',
      cells: [
        { text: t('report.day'), weight: 2 },
        { text: s.day, weight: 3, align: 'right' },
      ],
    },
    {
      kind: 'columns',
      cells: [
        { text: t('report.printedAt'), weight: 2 },
        {
          text: `${p.year}-${two(p.month)}-${two(p.day)} ${two(p.hour)}:${two(p.minute)}`,
          weight: 3,
          align: 'right',
        },
      ],
    },
  );
  for (const section of summarySections(s, opts.locale)) {
    if (section.rows.length === 0) continue;
    blocks.push({ kind: 'separator' }, { kind: 'text', text: section.title, bold: true });
    for (const r of section.rows)
      blocks.push({
        kind: 'columns',
        cells: [
          { text: r.label, weight: 3 },
          { text: r.value, weight: 2, align: 'right' },
        ],
      });
  }
  blocks.push({ kind: 'separator' }, { kind: 'feed', lines: 3 }, { kind: 'cut', mode: 'partial' });
  return { paper: opts.paper, locale: opts.locale, blocks };
}
