/** The daily summary as CSV: UTF-8 with a BOM (Excel opens Chinese correctly), one row per figure: section, item, shown value, raw number. */
import type { DailySummary } from '../../../shared/contract/methods/reports';
import type { Locale } from '../../../shared/i18n';
import { csvDocument } from '../../../shared/domain/csv/csv';
import { reportTranslator, summarySections } from './summary-rows';

/** The CSV bytes of `s`. */
export function summaryCsv(s: DailySummary, locale: Locale): Buffer {
  const t = reportTranslator(locale);
  const lines = [
    [t('report.day'), s.day, '', ''],
    [t('report.section'), t('report.key'), t('report.value'), 'raw'],
  ];
  for (const sec of summarySections(s, locale))
    for (const r of sec.rows) lines.push([sec.title, r.label, r.value, r.raw === null ? '' : String(r.raw)]);
  return Buffer.from(csvDocument(lines), 'utf8');
}
