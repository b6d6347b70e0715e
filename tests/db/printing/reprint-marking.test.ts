/**
 * One meaning of "reprint": whatever the kind, a reprint is a job with `reprint_of` set whose paper
 * carries the same marking ("*** 重印 ***" / "*** REPRINT ***", bold, centred) under each copy
 * label, or under the title of a document without copy labels — applied once, by core/printing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dailySummary } from '../../../core/services/reports/daily-summary';
import { summaryReceipt } from '../../../core/printing/documents/daily-summary';
import {
  intakeReceipt,
  noticeSlip,
  pickupSlip,
  shelfTag,
  type IntakeSlipData,
  type PickupSlipData,
  type SlipStore,
} from '../../../core/printing/documents/repair-slips';
import { buildReturnSlip, type SlipSource } from '../../../core/printing/documents/return-slip';
import { testPageLayout } from '../../../core/printing/documents/test-page';
import { enqueuePrintJob } from '../../../core/printing/enqueue';
import { reprintPrintJob } from '../../../core/printing/job-actions';
import { PRINT_KINDS, type PrintKind } from '../../../core/printing/kinds';
import { isMarkedReprint, markReprint } from '../../../core/printing/reprint-mark';
import { receiptDocumentSchema, type ReceiptDocument } from '../../../shared/domain/receipt/layout';
import { renderLines, renderPlainText } from '../../../shared/domain/receipt/render-lines';
import type { Locale } from '../../../shared/i18n/types';
import { makeCore, type CoreFixture } from '../../helpers/core-fixture';

const AT = Date.UTC(2026, 10, 23, 6, 5);
const MARK: Record<Locale, string> = { 'zh-CN': '*** 重印 ***', 'en-US': '*** REPRINT ***' };

const store = (locale: Locale): SlipStore => ({
  name: '演示门店',
  timeZone: 'Asia/Shanghai',
  locale,
  paper: 80,
  currency: 'CNY',
});

const intake: IntakeSlipData = {
  jobId: 'J-20261123-0007',
  createdAt: AT,
  customer: { name: '刘洋', phone: '18800002222' },
  device: { categoryName: '笔记本电脑', brand: '联想', model: '小新 Pro 14', serial: 'PF4XK2AB' },
  faultCode: 'not_charging',
  faultText: '插上充电器不充电',
  condition: [{ item: 'casing', state: 'issue', note: 'A 面划痕' }],
  accessories: [{ code: 'charger', left: true }],
  accessoriesNote: '',
  passcodePolicy: 'customer_removed',
  warrantyKind: 'none',
  warrantyReasons: [],
  repeat: null,
  estimateMinor: 12_000,
  depositMinor: 5_000,
  promisedDay: '2026-11-30',
};

const pickup: PickupSlipData = {
  jobId: 'J-20261123-0007',
  pickedUpAt: AT,
  customer: intake.customer,
  device: intake.device,
  faultCode: 'not_charging',
  parts: [{ name: '笔记本 DC 电源接口', qty: 1, unitPriceMinor: 8_000 }],
  tests: [{ label: 'DC output 19.5 V', display: '19.470 V', verdict: 'pass', manual: false }],
  qcByName: '小赵',
  warrantyKind: 'none',
  chargeMinor: 12_000,
  depositMinor: 5_000,
  paidMinor: 7_000,
  tender: 'cash',
  refundMinor: 0,
  repairWarrantyUntil: '2027-02-25',
};

const returnSlip = (locale: Locale, kind: SlipSource['kind']): ReceiptDocument =>
  buildReturnSlip({
    returnId: 'R-20261123-0001',
    kind,
    createdAt: AT,
    timeZone: 'Asia/Shanghai',
    locale,
    paper: 80,
    currency: 'CNY',
    storeName: '演示门店',
    clerkName: '小王',
    receiptNo: 'S-20261118-0007',
    customerName: null,
    idDocumentMasked: null,
    lines: [
      {
        name: '漫步者 M330',
        qty: 1,
        unitPriceMinor: 39_900,
        discountShareMinor: 3_990,
        taxMinor: 4_131,
        restockingFeeComputedMinor: 0,
        restockingFeeWaived: false,
        restockingFeeMinor: 0,
        refundMinor: 35_910,
        serial: null,
      },
    ],
    exchangeItems:
      kind === 'exchange'
        ? [{ name: '漫步者 M330 白', qty: 1, unitPriceMinor: 35_910, totalMinor: 35_910 }]
        : [],
    refundTotalMinor: 35_910,
    exchangeDifferenceMinor: kind === 'exchange' ? 0 : null,
    tenders: [{ tender: 'wechat', amountMinor: kind === 'exchange' ? 0 : 35_910 }],
    storeCreditCode: null,
    override: null,
  });

let f: CoreFixture;
beforeAll(() => {
  f = makeCore({ now: AT });
});
afterAll(() => f.close());

/** One document per kind, built by that kind's one builder. */
function documentOf(kind: PrintKind, locale: Locale): ReceiptDocument {
  switch (kind) {
    case 'return_slip':
      return returnSlip(locale, 'refund');
    case 'exchange_slip':
      return returnSlip(locale, 'exchange');
    case 'repair_intake':
      return intakeReceipt(store(locale), intake);
    case 'shelf_tag':
      return shelfTag(store(locale), intake);
    case 'pickup':
      return pickupSlip(store(locale), pickup);
    case 'notification':
      return noticeSlip(store(locale), intake.jobId, '您的设备已修好，请来店取机。');
    case 'daily_report':
      return summaryReceipt(dailySummary(f.core.ctx.db, f.core.ctx.storeId, '2026-11-23'), {
        storeName: '演示门店',
        locale,
        paper: 80,
        printedAt: AT,
      });
    case 'test':
      return testPageLayout({
        deviceName: '收银小票机',
        connection: 'tcp:10.0.0.5:9100',
        storeName: '演示门店',
        timeZone: 'Asia/Shanghai',
        locale,
        now: AT,
      });
  }
}

function storedLayout(id: number): ReceiptDocument {
  const row = f.core.ctx.db.sqlite.prepare('SELECT layout FROM print_jobs WHERE id = ?').get(id) as {
    layout: string;
  };
  return receiptDocumentSchema.parse(JSON.parse(row.layout));
}

const marks = (doc: ReceiptDocument, locale: Locale) =>
  doc.blocks.filter((b) => b.kind === 'text' && b.text === MARK[locale]);

describe('one reprint marking for every kind', () => {
  for (const locale of ['zh-CN', 'en-US'] as const) {
    it.each([...PRINT_KINDS])(`%s (${locale}): marked on a reprint, never on the first print`, (kind) => {
      const { db } = f.core.ctx;
      const document = documentOf(kind, locale);
      const first = db.transaction(() => enqueuePrintJob(db, { kind, docRef: 'D-1', document }, AT));
      const again = db.transaction(() =>
        enqueuePrintJob(
          db,
          { kind, docRef: 'D-1', document, openDrawer: true, reprint: { of: first.id } },
          AT,
        ),
      );
      expect(marks(storedLayout(first.id), locale)).toEqual([]);
      const marked = storedLayout(again.id);
      const labels = document.blocks.filter((b) => b.kind === 'copy-label').length;
      expect(marks(marked, locale)).toEqual(
        Array.from({ length: Math.max(1, labels) }, () => ({
          kind: 'text',
          text: MARK[locale],
          align: 'center',
          bold: true,
        })),
      );
      // The marking sits right under each copy label, or under the title.
      marked.blocks.forEach((b, i) => {
        if (b.kind === 'copy-label') expect(marked.blocks[i + 1]).toMatchObject({ text: MARK[locale] });
      });
      expect(renderPlainText(renderLines(marked)).some((l) => l.includes(MARK[locale]))).toBe(true);
      expect(
        db.sqlite.prepare('SELECT reprint_of, open_drawer FROM print_jobs WHERE id = ?').get(again.id),
      ).toEqual({ reprint_of: first.id, open_drawer: 0 });
    });
  }

  it('a reprint of a reprint carries the marking once', () => {
    const { db } = f.core.ctx;
    const document = documentOf('return_slip', 'zh-CN');
    expect(markReprint(markReprint(document))).toEqual(markReprint(document));
    expect(isMarkedReprint(document)).toBe(false);
    const first = db.transaction(() =>
      enqueuePrintJob(db, { kind: 'return_slip', docRef: 'R-2', document }, AT),
    );
    db.sqlite.prepare(`UPDATE print_jobs SET status = 'done' WHERE id = ?`).run(first.id);
    const second = reprintPrintJob(db, first.id, { storeId: f.core.ctx.storeId, staffId: 1 }, AT);
    db.sqlite.prepare(`UPDATE print_jobs SET status = 'done' WHERE id = ?`).run(second.id);
    const third = reprintPrintJob(db, second.id, { storeId: f.core.ctx.storeId, staffId: 1 }, AT);
    expect(marks(storedLayout(second.id), 'zh-CN')).toHaveLength(2);
    expect(storedLayout(third.id)).toEqual(storedLayout(second.id));
  });
});
