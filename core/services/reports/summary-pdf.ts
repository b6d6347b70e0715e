/**
 * The daily summary as an A4 PDF for the area manager: the CJK font (Noto Sans SC, subset) embedded
 * so Chinese prints anywhere, the same rows as the slip and the CSV (summary-rows.ts), and two bar
 * charts drawn with PDF primitives: refunds by tender and the day's repair counts.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { DailySummary } from '../../../shared/contract/methods/reports';
import type { Locale } from '../../../shared/i18n';
import { reportTranslator, summarySections } from './summary-rows';

const require = createRequire(import.meta.url);

/** Path of a Noto Sans SC TTF from the installed font package. */
function fontPath(weight: '400Regular' | '700Bold'): string {
  const pkg = dirname(require.resolve('@expo-google-fonts/noto-sans-sc/package.json'));
  return join(pkg, weight, `NotoSansSC_${weight}.ttf`);
}

const COLORS = ['#1565c0', '#2e7d32', '#ef6c00', '#6a1b9a', '#00838f', '#c62828'];

function barChart(
  doc: PDFKit.PDFDocument,
  title: string,
  bars: { label: string; value: number; text: string }[],
  x: number,
  y: number,
  w: number,
): number {
  doc.font('bold').fontSize(11).fillColor('#000').text(title, x, y);
  let cy = y + 18;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const labelW = 110;
  bars.forEach((b, i) => {
    doc.font('regular').fontSize(9).fillColor('#000').text(b.label, x, cy + 1, { width: labelW - 6, lineBreak: false });
    const bw = Math.max(1, ((w - labelW - 80) * b.value) / max);
    doc.rect(x + labelW, cy, bw, 12).fill(COLORS[i % COLORS.length] ?? '#1565c0');
    doc.fillColor('#000').text(b.text, x + labelW + bw + 4, cy + 1, { lineBreak: false });
    cy += 18;
  });
  if (bars.length === 0) {
    doc.font('regular').fontSize(9).text('—', x, cy);
    cy += 14;
  }
  return cy + 8;
}

/**
 * The PDF bytes of `s`. pdfkit (with its font engine, ~0.2 s to load) is imported on the first
 * export, not when core starts: every start of the counter would otherwise pay for it.
 */
export async function summaryPdf(
  s: DailySummary,
  opts: { storeName: string; locale: Locale; printedAt: string; reprint: boolean },
): Promise<Buffer> {
  const { default: PDFDocument } = await import('pdfkit');
  const t = reportTranslator(opts.locale);
  const doc = new PDFDocument({ size: 'A4', margin: 48, info: { Title: `${t('report.dailyTitle')} ${s.day}` } });
  doc.registerFont('regular', fontPath('400Regular'));
  doc.registerFont('bold', fontPath('700Bold'));
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));

  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  doc.font('bold').fontSize(18).text(`${opts.storeName} · ${t('report.dailyTitle')}`);
  doc.font('regular').fontSize(10).fillColor('#444');
  doc.text(`${t('report.day')}: ${s.day}   ${t('report.timeZone')}: ${s.timeZone}   ${t('report.printedAt')}: ${opts.printedAt}`);
  if (opts.reprint) doc.font('bold').fillColor('#c62828').text(t('report.reprint'));
  doc.moveDown(0.5);

  const sections = summarySections(s, opts.locale);
  const tenders = sections[1]?.rows ?? [];
  let y = doc.y + 6;
  y = barChart(
    doc,
    t('report.chartTenders'),
    s.returns.byTender.map((b, i) => ({ label: tenders[i]?.label ?? b.key, value: b.amountMinor, text: tenders[i]?.value ?? '' })),
    left,
    y,
    width,
  );
  y = barChart(
    doc,
    t('report.chartRepairs'),
    [
      [t('report.received'), s.repairs.received],
      [t('report.completed'), s.repairs.completed],
      [t('report.pickedUp'), s.repairs.pickedUp],
      [t('report.overdueAtClose'), s.repairs.overdueAtClose],
    ].map(([label, value]) => ({ label: String(label), value: Number(value), text: String(value) })),
    left,
    y,
    width,
  );
  doc.y = y;
  for (const sec of sections) {
    if (sec.rows.length === 0) continue;
    if (doc.y > doc.page.height - 120) doc.addPage();
    doc.moveDown(0.4);
    doc.font('bold').fontSize(12).fillColor('#000').text(sec.title, left);
    doc.moveTo(left, doc.y + 1).lineTo(left + width, doc.y + 1).strokeColor('#999').stroke();
    doc.moveDown(0.2);
    for (const r of sec.rows) {
      if (doc.y > doc.page.height - 72) doc.addPage();
      const rowY = doc.y;
      doc.font('regular').fontSize(10).fillColor('#000').text(r.label, left, rowY, { width: width * 0.62 });
      const after = doc.y;
      doc.text(r.value, left + width * 0.62, rowY, { width: width * 0.38, align: 'right' });
      doc.y = Math.max(after, doc.y);
    }
  }
  doc.end();
  return done;
}
