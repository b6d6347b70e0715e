/**
 * Repair documents and customer messages: the intake receipt, shelf tag and pickup slip render on
 * 58 and 80 mm paper with the job's QR, masked phone, accessories left / not left, warranty and
 * test results; every message template exists in both locales and fills all its placeholders.
 */
import { describe, expect, it } from 'vitest';
import { renderLines, renderPlainText } from '../../../shared/domain/receipt/render-lines';
import {
  NOTIFICATION_TEMPLATES,
  NOTIFICATION_TEMPLATE_NAMES,
  renderNotification,
  templateForStatus,
} from '../../../shared/domain/repairs/notification-templates';
import {
  intakeReceipt,
  maskPhone,
  pickupSlip,
  shelfTag,
  type IntakeSlipData,
  type PickupSlipData,
  type SlipStore,
} from '../../../core/printing/documents/repair-slips';
import { REPAIR_STATUSES } from '../../../shared/domain/repairs/statuses';
import { LOCALES } from '../../../shared/i18n/types';

const store = (paper: 58 | 80, locale: 'zh-CN' | 'en-US' = 'zh-CN'): SlipStore => ({
  name: '演示门店',
  timeZone: 'Asia/Shanghai',
  locale,
  paper,
  currency: 'CNY',
});

const intake: IntakeSlipData = {
  jobId: 'J-20261123-0007',
  createdAt: Date.UTC(2026, 10, 23, 6, 5),
  customer: { name: '刘洋', phone: '18800002222' },
  device: { categoryName: '笔记本电脑', brand: '联想', model: '小新 Pro 14', serial: 'PF4XK2AB' },
  faultCode: 'not_charging',
  faultText: '插上充电器不充电',
  condition: [
    { item: 'casing', state: 'issue', note: 'A 面划痕' },
    { item: 'screen', state: 'ok', note: '' },
  ],
  accessories: [
    { code: 'charger', left: true },
    { code: 'bag', left: false },
  ],
  accessoriesNote: '',
  passcodePolicy: 'customer_removed',
  warrantyKind: 'sanbao',
  warrantyReasons: [
    {
      key: 'policy.reason.sanbao.warrantyRepair',
      params: {
        purchasedOn: '2026-03-23',
        days: 245,
        windowEnd: '2027-03-23',
        exchangeDays: 15,
        today: '2026-11-23',
        windowDays: 365,
      },
    },
  ],
  repeat: {
    previousJobIds: ['J-20260626-0001'],
    repairNo: 2,
    maxFailedRepairs: 2,
    rule: 'next_failure_replacement',
    reason: {
      key: 'repairs.repeat.next_failure_replacement',
      params: { repairNo: 2, maxFailedRepairs: 2, previousJobId: 'J-20260626-0001' },
    },
  },
  estimateMinor: 0,
  depositMinor: 0,
  promisedDay: '2026-11-30',
};

const pickup: PickupSlipData = {
  jobId: 'J-20261123-0007',
  pickedUpAt: Date.UTC(2026, 10, 27, 8, 0),
  customer: { name: '刘洋', phone: '18800002222' },
  device: intake.device,
  faultCode: 'not_charging',
  parts: [{ name: '笔记本 DC 电源接口', qty: 1, unitPriceMinor: 0 }],
  tests: [
    { label: 'DC output, no load: 19.5 V ±5 %', display: '19.470 V', verdict: 'pass', manual: false },
    { label: 'Ripple (AC) < 0.2 V', display: '0.052 V', verdict: 'pass', manual: false },
  ],
  qcByName: '小赵',
  warrantyKind: 'sanbao',
  chargeMinor: 0,
  depositMinor: 0,
  paidMinor: 0,
  tender: null,
  refundMinor: 0,
  repairWarrantyUntil: '2027-02-25',
};

const text = (lines: string[]): string => lines.join('\n');

describe('repair documents', () => {
  it('the intake receipt carries the job number, QR, masked phone, fault, accessories and warranty', () => {
    for (const paper of [58, 80] as const) {
      const out = renderPlainText(renderLines(intakeReceipt(store(paper), intake)));
      const all = text(out);
      expect(out).toContain('[QR J-20261123-0007]');
      expect(all).toContain('188****2222');
      expect(all).not.toContain('18800002222');
      expect(all).toContain('不能充电');
      expect(all).toContain('√ 已留');
      expect(all).toContain('× 未留');
      expect(all).toContain('三包保修');
      expect(all).toContain('2026-11-30');
      expect(all.replace(/\s+/g, '')).toContain('若再次出现故障→换货');
    }
  });

  it('the shelf tag is the job number big, its QR, the device and the promise', () => {
    const doc = shelfTag(store(58), intake);
    expect(doc.blocks).toContainEqual({
      kind: 'text',
      text: 'J-20261123-0007',
      align: 'center',
      bold: true,
      size: 'double',
    });
    const out = renderPlainText(renderLines(doc));
    expect(out).toContain('[QR J-20261123-0007]');
    expect(text(out)).toContain('2026-11-30');
  });

  it('the pickup slip lists the test results, the QC inspector and the repair warranty date (en-US)', () => {
    const all = text(renderPlainText(renderLines(pickupSlip(store(80, 'en-US'), pickup))));
    expect(all).toContain('19.470 V');
    expect(all).toContain('PASS');
    expect(all).toContain('小赵');
    expect(all).toContain('Covered until');
    expect(all).toContain('2027-02-25');
    expect(all).toContain('[QR J-20261123-0007]');
  });

  it('masks phone numbers, keeping the last four digits', () => {
    expect(maskPhone('13912345678')).toBe('139****5678');
    expect(maskPhone('+86 139 1234 5678')).toBe('861****5678');
    expect(maskPhone('55501234')).toBe('****1234');
    expect(maskPhone(null)).toBe('');
  });
});

describe('customer messages', () => {
  const params = {
    storeName: '演示门店',
    jobId: 'J-1',
    device: '联想 小新',
    promisedDay: '2026-11-30',
    amount: '¥85.00',
    until: '2027-02-25',
  };
  it('every template exists in every locale and leaves no placeholder unfilled', () => {
    for (const name of NOTIFICATION_TEMPLATE_NAMES) {
      for (const locale of LOCALES) {
        expect(NOTIFICATION_TEMPLATES[name][locale].length, `${name} ${locale}`).toBeGreaterThan(10);
        const out = renderNotification(name, locale, params);
        expect(out, `${name} ${locale}`).not.toMatch(/\{\{|\}\}/);
        expect(out).toContain('J-1');
      }
    }
    expect(renderNotification('ready', 'zh-CN', params)).toContain('¥85.00');
  });
  it('milestones: received, quote, waiting for parts, ready, picked up, handed back, cancelled', () => {
    const withMessage = REPAIR_STATUSES.filter((s) => templateForStatus(s) !== null);
    expect(withMessage).toEqual([
      'received',
      'awaiting_approval',
      'awaiting_parts',
      'ready',
      'picked_up',
      'cancelled',
      'returned_unrepaired',
    ]);
    expect(templateForStatus('awaiting_approval')).toBe('quote');
  });
});
