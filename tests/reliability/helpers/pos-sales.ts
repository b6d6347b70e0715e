import { checklistFor } from '../../../shared/domain/returns/checklists';

/** POS sales as the JSON import reads them: `count` one-line accessory sales sold an hour ago. */
export function posSalesJson(prefix: string, count: number, now = Date.now()): string {
  return JSON.stringify(
    Array.from({ length: count }, (_, i) => ({
      saleId: `${prefix}-${i}`,
      receiptNo: `${prefix.toUpperCase()}-${i}`,
      soldAt: new Date(now - 3_600_000).toISOString(),
      customer: null,
      taxIncluded: true,
      orderDiscount: '0.00',
      total: '59.00',
      lines: [
        {
          lineNo: 1,
          sku: 'AC-CBL-UG-C15',
          name: '绿联 USB-C 快充数据线 1.5m',
          category: 'accessories',
          qty: 1,
          unitPrice: '59.00',
          lineDiscount: '0.00',
          taxRate: '13',
        },
      ],
      payments: [{ tender: 'wechat', amount: '59.00' }],
    })),
  );
}

/** A full refund of line 1 of an accessory sale (every checklist item ✓), as returns.quote takes it. */
export function accessoryReturnRequest(receiptNo: string) {
  return {
    receiptNo,
    resolution: 'refund' as const,
    lines: [
      {
        lineNo: 1,
        qty: 1,
        reason: 'no_reason' as const,
        inspection: {
          grade: 'A-new' as const,
          accessoriesComplete: true,
          packagingIntact: true,
          checklist: checklistFor('accessories').map((item) => ({ item, ok: true })),
        },
      },
    ],
  };
}
