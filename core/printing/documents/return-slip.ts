/**
 * The return / exchange slip as a receipt layout document (shared/domain/receipt/layout): a store
 * copy (with the customer's signature line) and a customer copy, each with the QR of the return
 * number, one cut after each. The print job stores this JSON; the drawer kick comes from the job's
 * open_drawer flag, not from the layout, so a reprint never opens the drawer; a reprint is marked by
 * core/printing/reprint-mark.ts like every other kind.
 */
import { formatMoney } from '../../../shared/domain/money/format';
import type { CurrencyCode } from '../../../shared/domain/money/currency';
import type { ReceiptBlock, ReceiptDocument } from '../../../shared/domain/receipt/layout';
import { localParts } from '../../../shared/domain/time/business-day';
import { resources } from '../../../shared/i18n';
import { makeTranslator } from '../../../shared/i18n/translate';
import type { Locale } from '../../../shared/i18n/types';

export interface SlipLine {
  name: string;
  qty: number;
  unitPriceMinor: number;
  discountShareMinor: number;
  taxMinor: number;
  restockingFeeComputedMinor: number;
  restockingFeeWaived: boolean;
  restockingFeeMinor: number;
  refundMinor: number;
  serial: string | null;
}

export interface SlipSource {
  returnId: string;
  kind: 'refund' | 'exchange' | 'store_credit';
  createdAt: number;
  timeZone: string;
  locale: Locale;
  paper: 58 | 80;
  currency: CurrencyCode;
  storeName: string;
  clerkName: string;
  receiptNo: string | null;
  customerName: string | null;
  idDocumentMasked: string | null;
  lines: SlipLine[];
  exchangeItems: { name: string; qty: number; unitPriceMinor: number; totalMinor: number }[];
  refundTotalMinor: number;
  /** newTotal − credit (exchanges only). */
  exchangeDifferenceMinor: number | null;
  tenders: { tender: string; amountMinor: number }[];
  storeCreditCode: string | null;
  override: { managerName: string; reasonCode: string } | null;
}

function localTime(ms: number, timeZone: string): string {
  const p = localParts(ms, timeZone);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}`;
}

/** The slip document for a committed return (store copy, then customer copy). */
/** The override reason as the customer reads it (the dialog's label), else the stored code. */
function reasonLabel(t: (key: string, params?: Record<string, unknown>) => string, code: string): string {
  const key = `returnsUi.override.reasons.${code}`;
  const label = t(key);
  return label === key ? code : label;
}

export function buildReturnSlip(src: SlipSource): ReceiptDocument {
  const t = makeTranslator(resources, src.locale);
  const money = (m: number) => formatMoney(m, src.currency, src.locale);
  const row = (left: string, right: string, bold = false): ReceiptBlock => ({
    kind: 'columns',
    cells: [
      { text: left, weight: 3 },
      { text: right, align: 'right', weight: 1, overflow: 'truncate' },
    ],
    ...(bold ? { bold: true } : {}),
  });
  const text = (s: string, extra: Partial<Extract<ReceiptBlock, { kind: 'text' }>> = {}): ReceiptBlock => ({
    kind: 'text',
    text: s,
    ...extra,
  });
  const tenderName = (tender: string) => t(`money.tender.${tender}`);
  const title =
    src.kind === 'exchange'
      ? t('returns.slip.titleExchange')
      : src.kind === 'store_credit'
        ? t('returns.slip.titleStoreCredit')
        : t('returns.slip.titleReturn');

  const body: ReceiptBlock[] = [
    text(src.storeName, { align: 'center', bold: true }),
    text(title, { align: 'center', bold: true, size: 'double-height' }),
    text(t('returns.slip.returnNo', { id: src.returnId })),
    text(t('returns.slip.time', { time: localTime(src.createdAt, src.timeZone) })),
    text(t('returns.slip.clerk', { name: src.clerkName })),
    text(
      src.receiptNo ? t('returns.slip.receipt', { receiptNo: src.receiptNo }) : t('returns.slip.noReceipt'),
    ),
  ];
  if (src.customerName) body.push(text(t('returns.slip.customer', { name: src.customerName })));
  if (src.idDocumentMasked) body.push(text(t('returns.slip.idDocument', { id: src.idDocumentMasked })));
  body.push({ kind: 'separator' }, text(t('returns.slip.returned'), { bold: true }));
  for (const l of src.lines) {
    body.push(text(l.name));
    if (l.serial) body.push(text(t('returns.slip.serial', { serial: l.serial })));
    body.push(
      row(
        t('returns.slip.qtyPrice', { qty: l.qty, price: money(l.unitPriceMinor) }),
        money(l.unitPriceMinor * l.qty),
      ),
    );
    if (l.discountShareMinor > 0) body.push(row(t('returns.slip.discount'), money(-l.discountShareMinor)));
    if (l.restockingFeeComputedMinor > 0) {
      body.push(
        l.restockingFeeWaived
          ? row(t('returns.slip.feeWaived'), money(0))
          : row(t('returns.slip.fee'), money(-l.restockingFeeMinor)),
      );
    }
    body.push(row(t('returns.slip.tax'), money(l.taxMinor)));
    body.push(row(t('returns.slip.refundLine'), money(l.refundMinor)));
  }
  body.push({ kind: 'separator' });
  if (src.kind === 'exchange') {
    body.push(row(t('returns.slip.credit'), money(src.refundTotalMinor), true));
    body.push(text(t('returns.slip.newItems'), { bold: true }));
    for (const x of src.exchangeItems) {
      body.push(text(x.name));
      body.push(
        row(t('returns.slip.qtyPrice', { qty: x.qty, price: money(x.unitPriceMinor) }), money(x.totalMinor)),
      );
    }
    body.push({ kind: 'separator' });
    const newTotal = src.exchangeItems.reduce((s, x) => s + x.totalMinor, 0);
    body.push(row(t('returns.slip.newTotal'), money(newTotal), true));
  } else {
    body.push(row(t('returns.slip.refundTotal'), money(src.refundTotalMinor), true));
  }
  for (const tender of src.tenders) {
    if (tender.tender === 'exchange_goods') {
      // The part of the return's value that went into the new items (their total), in words.
      body.push(row(t('returns.slip.appliedToNewItems'), money(tender.amountMinor), true));
    } else if (tender.amountMinor < 0) {
      body.push(
        row(
          t('returns.slip.customerPays', { tender: tenderName(tender.tender) }),
          money(-tender.amountMinor),
          true,
        ),
      );
    } else if (tender.amountMinor > 0) {
      body.push(
        row(
          t('returns.slip.refundTo', { tender: tenderName(tender.tender) }),
          money(tender.amountMinor),
          true,
        ),
      );
    }
  }
  if (src.storeCreditCode) body.push(text(t('returns.slip.storeCredit', { code: src.storeCreditCode })));
  if (src.override) {
    body.push(
      text(
        t('returns.slip.override', {
          manager: src.override.managerName,
          reason: reasonLabel(t, src.override.reasonCode),
        }),
      ),
    );
  }
  body.push(
    { kind: 'feed', lines: 1 },
    { kind: 'qr', data: src.returnId, align: 'center' },
    text(src.returnId, { align: 'center' }),
  );

  const copy = (which: 'store' | 'customer'): ReceiptBlock[] => [
    { kind: 'copy-label', copy: which },
    ...body,
    ...(which === 'store'
      ? [
          { kind: 'feed', lines: 2 } as const,
          text(t('returns.slip.signature')),
          { kind: 'feed', lines: 2 } as const,
        ]
      : [text(t('returns.slip.thanks'), { align: 'center' })]),
    { kind: 'feed', lines: 3 },
    { kind: 'cut', mode: 'partial' },
  ];
  return { paper: src.paper, locale: src.locale, blocks: [...copy('store'), ...copy('customer')] };
}
