/**
 * The printer test page: title, which device and connection, Chinese text (GB18030 in Chinese
 * mode), bold and double-size samples, a 32-column and a 48-column ruler (on 58 mm paper the
 * 48-column one wraps: the page shows which paper the printer has), a QR code, and a cut.
 */
import type { ReceiptBlock, ReceiptDocument } from '../../../shared/domain/receipt/layout';
import { localParts } from '../../../shared/domain/time/business-day';
import { resources } from '../../../shared/i18n';
import { makeTranslator } from '../../../shared/i18n/translate';
import type { Locale } from '../../../shared/i18n/types';

/** `....+....1....+....2...` — a column ruler `columns` wide (a `+` every 5, the tens digit every 10). */
export function columnRuler(columns: number): string {
  let s = '';
  for (let i = 1; i <= columns; i++) s += i % 10 === 0 ? String((i / 10) % 10) : i % 5 === 0 ? '+' : '.';
  return s;
}

export interface TestPageInput {
  deviceName: string;
  connection: string;
  storeName: string;
  timeZone: string;
  locale: Locale;
  now: number;
}

/** The test page document (paper 80; the print queue sets the store's paper width at print time). */
export function testPageLayout(input: TestPageInput): ReceiptDocument {
  const t = makeTranslator(resources, input.locale);
  const p = localParts(input.now, input.timeZone);
  const two = (n: number): string => String(n).padStart(2, '0');
  const when = `${p.year}-${two(p.month)}-${two(p.day)} ${two(p.hour)}:${two(p.minute)}:${two(p.second)}`;
  const row = (label: string, value: string): ReceiptBlock => ({
    kind: 'columns',
    cells: [
      { text: label, weight: 1 },
      { text: value, weight: 3, align: 'right' },
    ],
  });
  return {
    paper: 80,
    locale: input.locale,
    blocks: [
      { kind: 'text', text: t('devices.testPage.title'), align: 'center', bold: true, size: 'double-height' },
      { kind: 'text', text: input.storeName, align: 'center' },
      { kind: 'separator', char: '=' },
      row(t('devices.testPage.device'), input.deviceName),
      row(t('devices.testPage.connection'), input.connection),
      row(t('devices.testPage.time'), when),
      { kind: 'separator' },
      { kind: 'text', text: t('devices.testPage.chineseSample') },
      { kind: 'text', text: 'ASCII: ABCDEFGHIJKLM abcdefghijklm 0123456789' },
      { kind: 'text', text: t('devices.testPage.boldSample'), bold: true },
      { kind: 'text', text: t('devices.testPage.bigSample'), size: 'double' },
      { kind: 'separator' },
      { kind: 'text', text: t('devices.testPage.ruler', { mm: 58, columns: 32 }) },
      { kind: 'text', text: columnRuler(32) },
      { kind: 'text', text: t('devices.testPage.ruler', { mm: 80, columns: 48 }) },
      { kind: 'text', text: columnRuler(48) },
      { kind: 'separator' },
      { kind: 'qr', data: `COUNTERDESK-TEST ${when}`, align: 'center', moduleSize: 6 },
      { kind: 'text', text: t('devices.testPage.qrCaption'), align: 'center' },
      { kind: 'feed', lines: 2 },
      { kind: 'text', text: t('devices.testPage.footer'), align: 'center' },
      { kind: 'feed', lines: 3 },
      { kind: 'cut', mode: 'partial' },
    ],
  };
}
