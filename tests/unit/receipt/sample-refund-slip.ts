/** A refund slip as journey 1 prints it (store copy + customer copy), for tests and the preview screenshot. */
import type { PaperWidth, ReceiptBlock, ReceiptDocument } from '../../../shared/domain/receipt/layout';

function copyBlocks(copy: 'store' | 'customer'): ReceiptBlock[] {
  return [
    { kind: 'text', text: '城东电器 售后服务台', align: 'center', bold: true, size: 'double-height' },
    { kind: 'text', text: '退货单', align: 'center', size: 'double' },
    { kind: 'copy-label', copy },
    { kind: 'separator', char: '=' },
    { kind: 'columns', cells: [{ text: '单号' }, { text: 'R-20261123-0007', align: 'right', weight: 3 }] },
    { kind: 'columns', cells: [{ text: '时间' }, { text: '2026-11-23 15:42', align: 'right', weight: 3 }] },
    { kind: 'columns', cells: [{ text: '经办' }, { text: '小王 (工号 0012)', align: 'right', weight: 3 }] },
    { kind: 'separator' },
    {
      kind: 'columns',
      bold: true,
      cells: [
        { text: '商品', weight: 3 },
        { text: '数量', cols: 4, align: 'right' },
        { text: '金额', cols: 10, align: 'right' },
      ],
    },
    {
      kind: 'columns',
      cells: [
        { text: 'JBL Flip 6 蓝牙音箱 黑色', weight: 3 },
        { text: '1', cols: 4, align: 'right' },
        { text: '¥399.00', cols: 10, align: 'right' },
      ],
    },
    {
      kind: 'columns',
      cells: [
        { text: '  优惠券分摊', weight: 3 },
        { text: '', cols: 4 },
        { text: '-¥39.90', cols: 10, align: 'right' },
      ],
    },
    { kind: 'separator' },
    {
      kind: 'columns',
      bold: true,
      cells: [{ text: '退款合计' }, { text: '¥359.10', align: 'right' }],
    },
    { kind: 'columns', cells: [{ text: '退回 微信支付' }, { text: '¥359.10', align: 'right' }] },
    { kind: 'feed' },
    { kind: 'text', text: '原因：性能故障（有杂音），三包7日内退货。检验：A-缺陷，退供应商。' },
    { kind: 'feed' },
    { kind: 'qr', data: 'R-20261123-0007', moduleSize: 6 },
    { kind: 'text', text: 'R-20261123-0007', align: 'center' },
    ...(copy === 'customer'
      ? ([{ kind: 'text', text: '顾客签名：________________' }] satisfies ReceiptBlock[])
      : []),
    { kind: 'feed', lines: 2 },
    { kind: 'cut', mode: 'partial' },
  ];
}

/** The two-copy refund slip of journey 1 on the given paper. */
export function sampleRefundSlip(paper: PaperWidth = 80): ReceiptDocument {
  return { paper, locale: 'zh-CN', blocks: [...copyBlocks('store'), ...copyBlocks('customer')] };
}
