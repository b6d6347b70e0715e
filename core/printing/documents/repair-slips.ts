/**
 * The three repair documents as receipt layouts (shared/domain/receipt): the intake receipt for the
 * customer, the shelf tag that stays with the device, and the pickup slip with the test results
 * summary. Each carries the job number as a QR code (scanning it opens the job on the Bench).
 * Pure: the same data gives the same document, so the screen preview and the paper agree.
 */
import { moneyMessages } from '../../../shared/i18n/areas/money';
import { lookup } from '../../../shared/i18n/translate';
import type { Locale } from '../../../shared/i18n/types';
import { formatMoney } from '../../../shared/domain/money/format';
import type { CurrencyCode } from '../../../shared/domain/money/currency';
import type { ReceiptBlock, ReceiptDocument } from '../../../shared/domain/receipt/layout';
import { localParts } from '../../../shared/domain/time/business-day';
import type { ConditionState } from '../../../shared/domain/repairs/categories';
import { repairText, warrantyReasonText } from '../../../shared/domain/repairs/texts';
import type { RepeatInfo, WarrantyKind, WarrantyReason } from '../../../shared/domain/repairs/warranty';

export interface SlipStore {
  name: string;
  timeZone: string;
  locale: Locale;
  paper: 58 | 80;
  currency: CurrencyCode;
}

export interface SlipCustomer {
  name: string;
  phone: string | null;
}

export interface SlipDevice {
  categoryName: string;
  brand: string;
  model: string;
  serial: string | null;
}

export interface IntakeSlipData {
  jobId: string;
  createdAt: number;
  customer: SlipCustomer | null;
  device: SlipDevice;
  faultCode: string;
  faultText: string;
  condition: readonly { item: string; state: ConditionState; note: string }[];
  accessories: readonly { code: string; left: boolean }[];
  accessoriesNote: string;
  passcodePolicy: string;
  warrantyKind: WarrantyKind;
  warrantyReasons: readonly WarrantyReason[];
  repeat: RepeatInfo | null;
  estimateMinor: number;
  depositMinor: number;
  promisedDay: string;
}

export interface PickupSlipData {
  jobId: string;
  pickedUpAt: number;
  customer: SlipCustomer | null;
  device: SlipDevice;
  faultCode: string;
  parts: readonly { name: string; qty: number; unitPriceMinor: number }[];
  tests: readonly { label: string; display: string; verdict: 'pass' | 'fail'; manual: boolean }[];
  qcByName: string | null;
  warrantyKind: WarrantyKind;
  chargeMinor: number;
  depositMinor: number;
  paidMinor: number;
  tender: string | null;
  refundMinor: number;
  repairWarrantyUntil: string;
}

/** 13912345678 → 139****5678; short numbers keep only their last 4 digits visible. */
export function maskPhone(phone: string | null): string {
  if (!phone) return '';
  const digits = phone.replace(/\D/g, '');
  if (digits.length >= 11) return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
  return digits.length > 4 ? `${'*'.repeat(digits.length - 4)}${digits.slice(-4)}` : digits;
}

/** `YYYY-MM-DD HH:mm` in the store's zone. */
export function localDateTime(at: number, timeZone: string): string {
  const p = localParts(at, timeZone);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}`;
}

const colon = (locale: Locale): string => (locale === 'zh-CN' ? '：' : ': ');

const row = (label: string, value: string): ReceiptBlock => ({
  kind: 'columns',
  cells: [
    { text: label, weight: 2 },
    { text: value, weight: 5 },
  ],
});

function deviceText(d: SlipDevice): string {
  return [d.categoryName, d.brand, d.model].filter((s) => s.trim() !== '').join(' ');
}

function header(store: SlipStore, titleKey: string, jobId: string): ReceiptBlock[] {
  const t = (k: string): string => repairText(store.locale, k);
  return [
    { kind: 'text', text: store.name, align: 'center', bold: true },
    { kind: 'text', text: t(titleKey), align: 'center', size: 'double-height' },
    { kind: 'text', text: jobId, align: 'center', bold: true, size: 'double-width' },
    { kind: 'separator' },
  ];
}

function qrFooter(store: SlipStore, jobId: string): ReceiptBlock[] {
  return [
    { kind: 'qr', data: jobId, align: 'center', moduleSize: 6 },
    { kind: 'text', text: repairText(store.locale, 'repairs.slip.scanToOpen'), align: 'center' },
  ];
}

/** The tender's name in the locale (money area), the code itself when unknown. */
function tenderName(locale: Locale, tender: string): string {
  return lookup(moneyMessages[locale], `money.tender.${tender}`) ?? tender;
}

function money(store: SlipStore, minor: number): string {
  return formatMoney(minor, store.currency, store.locale);
}

/** The customer's intake receipt: device, fault, condition, accessories, warranty, estimate, terms, QR. */
export function intakeReceipt(store: SlipStore, d: IntakeSlipData): ReceiptDocument {
  const L = store.locale;
  const t = (k: string, p: Record<string, unknown> = {}): string => repairText(L, k, p);
  const blocks: ReceiptBlock[] = [
    ...header(store, 'repairs.slip.intakeTitle', d.jobId),
    row(t('repairs.slip.date'), localDateTime(d.createdAt, store.timeZone)),
  ];
  if (d.customer) {
    blocks.push(row(t('repairs.slip.customer'), d.customer.name));
    blocks.push(row(t('repairs.slip.phone'), maskPhone(d.customer.phone)));
  }
  blocks.push(row(t('repairs.slip.device'), deviceText(d.device)));
  if (d.device.serial) blocks.push(row(t('repairs.slip.serial'), d.device.serial));
  const fault = t(`repairs.fault.${d.faultCode}`);
  blocks.push(row(t('repairs.slip.fault'), d.faultText ? `${fault}${colon(L)}${d.faultText}` : fault));
  blocks.push({ kind: 'separator' }, { kind: 'text', text: t('repairs.slip.condition'), bold: true });
  for (const c of d.condition) {
    const state = t(`repairs.conditionState.${c.state}`);
    blocks.push(row(t(`repairs.condition.${c.item}`), c.note ? `${state}${colon(L)}${c.note}` : state));
  }
  blocks.push({ kind: 'text', text: t('repairs.slip.accessories'), bold: true });
  for (const a of d.accessories) {
    // √ and × are in GBK (A1CC, A1C1); ✓/✗ are not, so some printers could not print them.
    const mark = a.left ? `√ ${t('repairs.slip.left')}` : `× ${t('repairs.slip.notLeft')}`;
    blocks.push(row(t(`repairs.accessory.${a.code}`), mark));
  }
  if (d.accessoriesNote) blocks.push({ kind: 'text', text: d.accessoriesNote });
  blocks.push(
    { kind: 'separator' },
    row(t('repairs.slip.passcode'), t(`repairs.passcodePolicy.${d.passcodePolicy}`)),
    row(t('repairs.slip.warranty'), t(`repairs.warrantyKind.${d.warrantyKind}`)),
  );
  for (const r of d.warrantyReasons.slice(0, 2))
    blocks.push({ kind: 'text', text: warrantyReasonText(L, r) });
  if (d.repeat) blocks.push({ kind: 'text', text: warrantyReasonText(L, d.repeat.reason), bold: true });
  blocks.push(
    row(t('repairs.slip.estimate'), money(store, d.estimateMinor)),
    row(t('repairs.slip.deposit'), money(store, d.depositMinor)),
    row(t('repairs.slip.promised'), d.promisedDay),
    { kind: 'separator' },
    { kind: 'text', text: t('repairs.slip.terms') },
    { kind: 'text', text: t('repairs.slip.signed') },
    ...qrFooter(store, d.jobId),
    { kind: 'cut', mode: 'partial' },
  );
  return { paper: store.paper, locale: L, blocks };
}

/** The shelf tag: job number large, QR, customer, device, fault, promised day, accessories left. */
export function shelfTag(store: SlipStore, d: IntakeSlipData): ReceiptDocument {
  const L = store.locale;
  const t = (k: string): string => repairText(L, k);
  const left = d.accessories.filter((a) => a.left).map((a) => t(`repairs.accessory.${a.code}`));
  const blocks: ReceiptBlock[] = [
    { kind: 'text', text: t('repairs.slip.tagTitle'), align: 'center' },
    { kind: 'text', text: d.jobId, align: 'center', bold: true, size: 'double' },
    { kind: 'qr', data: d.jobId, align: 'center', moduleSize: 8 },
  ];
  if (d.customer) {
    blocks.push(row(t('repairs.slip.customer'), `${d.customer.name} ${maskPhone(d.customer.phone)}`.trim()));
  }
  blocks.push(
    row(t('repairs.slip.device'), deviceText(d.device)),
    row(t('repairs.slip.fault'), t(`repairs.fault.${d.faultCode}`)),
    row(t('repairs.slip.promised'), d.promisedDay),
    row(t('repairs.slip.warranty'), t(`repairs.warrantyKind.${d.warrantyKind}`)),
    row(t('repairs.slip.accessories'), left.length > 0 ? left.join('、') : '—'),
    { kind: 'cut', mode: 'full' },
  );
  return { paper: store.paper, locale: L, blocks };
}

/** The pickup slip: work done, test results summary, QC, money, the repair's warranty, QR. */
export function pickupSlip(store: SlipStore, d: PickupSlipData): ReceiptDocument {
  const L = store.locale;
  const t = (k: string): string => repairText(L, k);
  const blocks: ReceiptBlock[] = [
    ...header(store, 'repairs.slip.pickupTitle', d.jobId),
    row(t('repairs.slip.date'), localDateTime(d.pickedUpAt, store.timeZone)),
  ];
  if (d.customer) blocks.push(row(t('repairs.slip.customer'), d.customer.name));
  blocks.push(row(t('repairs.slip.device'), deviceText(d.device)));
  if (d.device.serial) blocks.push(row(t('repairs.slip.serial'), d.device.serial));
  blocks.push(row(t('repairs.slip.fault'), t(`repairs.fault.${d.faultCode}`)), { kind: 'separator' });
  blocks.push({ kind: 'text', text: t('repairs.slip.parts'), bold: true });
  if (d.parts.length === 0) blocks.push({ kind: 'text', text: t('repairs.slip.noParts') });
  for (const p of d.parts) {
    blocks.push({
      kind: 'columns',
      cells: [
        { text: p.name, weight: 4 },
        { text: `×${p.qty}`, cols: 4, align: 'right' },
        { text: money(store, p.unitPriceMinor * p.qty), weight: 2, align: 'right' },
      ],
    });
  }
  blocks.push({ kind: 'text', text: t('repairs.slip.tests'), bold: true });
  if (d.tests.length === 0) blocks.push({ kind: 'text', text: t('repairs.slip.noTests') });
  for (const r of d.tests) {
    const verdict = r.verdict === 'pass' ? t('repairs.slip.pass') : t('repairs.slip.fail');
    blocks.push({
      kind: 'columns',
      cells: [
        { text: r.label, weight: 4 },
        {
          text: r.manual ? `${r.display} (${t('repairs.slip.manual')})` : r.display,
          weight: 2,
          align: 'right',
        },
        { text: verdict, cols: 6, align: 'right' },
      ],
    });
  }
  if (d.qcByName) blocks.push(row(t('repairs.slip.qcBy'), d.qcByName));
  blocks.push(
    { kind: 'separator' },
    row(t('repairs.slip.warranty'), t(`repairs.warrantyKind.${d.warrantyKind}`)),
    row(t('repairs.slip.charge'), money(store, d.chargeMinor)),
    row(t('repairs.slip.deposit'), money(store, d.depositMinor)),
    row(
      t('repairs.slip.paid'),
      d.tender ? `${money(store, d.paidMinor)} (${tenderName(L, d.tender)})` : money(store, d.paidMinor),
    ),
  );
  if (d.refundMinor > 0) blocks.push(row(t('repairs.slip.refund'), money(store, d.refundMinor)));
  blocks.push(
    row(t('repairs.slip.repairWarrantyUntil'), d.repairWarrantyUntil),
    { kind: 'text', text: t('repairs.slip.signed') },
    { kind: 'text', text: t('repairs.slip.thanks'), align: 'center' },
    ...qrFooter(store, d.jobId),
    { kind: 'cut', mode: 'partial' },
  );
  return { paper: store.paper, locale: L, blocks };
}

/** A customer message printed for the offline "show / copy / print" channel. */
export function noticeSlip(store: SlipStore, jobId: string | null, text: string): ReceiptDocument {
  const blocks: ReceiptBlock[] = [
    { kind: 'text', text: store.name, align: 'center', bold: true },
    { kind: 'text', text: repairText(store.locale, 'repairs.slip.noticeTitle'), align: 'center' },
    { kind: 'separator' },
    { kind: 'text', text },
  ];
  if (jobId) blocks.push(...qrFooter(store, jobId));
  blocks.push({ kind: 'cut', mode: 'partial' });
  return { paper: store.paper, locale: store.locale, blocks };
}
