/**
 * Printer area: `printer.status.*` (printer conditions), `printer.receipt.*` (copy labels, preview
 * markers) and `errors.*` of printers, receipts and the TCP / file transports.
 */
import type { AreaMessages } from '../types';

export const printerMessages: AreaMessages = {
  'zh-CN': {
    printer: {
      status: {
        ready: '就绪',
        online: '在线',
        offline: '离线',
        coverOpen: '打印机盖未关好',
        paperOut: '缺纸',
        paperNearEnd: '纸将用尽',
        drawerOpen: '钱箱已打开',
        drawerClosed: '钱箱已关闭',
        error: '打印机故障（切刀或机械错误）',
        noReply: '打印机无响应',
        unreachable: '无法连接打印机',
        unknown: '状态未知（此连接无法读取打印机状态）',
      },
      receipt: {
        copy: {
          store: '门店联',
          customer: '顾客联',
        },
        reprint: '*** 重印 ***',
        preview: {
          title: '小票预览',
          cutFull: '全切',
          cutPartial: '半切',
          drawerKick: '弹出钱箱',
          qr: '二维码：{{data}}',
          barcode: '条码：{{data}}',
        },
      },
    },
    errors: {
      PRINTER_OFFLINE: '打印机离线，请检查电源和连接后重试',
      PRINTER_PAPER_OUT: '打印机缺纸，请装纸后重试',
      PRINTER_COVER_OPEN: '打印机盖未关好，请合上后重试',
      PRINTER_NO_REPLY: '打印机没有响应，请检查电源和连接线',
      PRINTER_WRITE_FAILED: '打印数据发送失败，小票可能未打完，请检查打印机后重打',
      PRINTER_ERROR: '打印机故障（切刀卡纸或机械错误），请处理后重试',
      PRINTER_CONNECT_FAILED: '无法连接打印机 {{printer}}',
      RECEIPT_INVALID: '小票内容无效，无法打印',
      TCP_CONNECT_FAILED: '无法连接网络设备 {{transport}}（{{reason}}）',
      TCP_WRITE_FAILED: '向网络设备 {{transport}} 发送数据失败',
      TCP_DISCONNECTED: '网络设备 {{transport}} 已断开',
      FILE_OPEN_FAILED: '无法打开输出文件 {{transport}}',
      FILE_WRITE_FAILED: '写入输出文件 {{transport}} 失败',
    },
  },
  'en-US': {
    printer: {
      status: {
        ready: 'Ready',
        online: 'Online',
        offline: 'Offline',
        coverOpen: 'Printer cover open',
        paperOut: 'Out of paper',
        paperNearEnd: 'Paper running low',
        drawerOpen: 'Cash drawer open',
        drawerClosed: 'Cash drawer closed',
        error: 'Printer fault (cutter or mechanical error)',
        noReply: 'Printer not responding',
        unreachable: 'Cannot connect to the printer',
        unknown: 'Status unknown (this connection cannot read printer status)',
      },
      receipt: {
        copy: {
          store: 'STORE COPY',
          customer: 'CUSTOMER COPY',
        },
        reprint: '*** REPRINT ***',
        preview: {
          title: 'Receipt preview',
          cutFull: 'Full cut',
          cutPartial: 'Partial cut',
          drawerKick: 'Cash drawer opens',
          qr: 'QR code: {{data}}',
          barcode: 'Barcode: {{data}}',
        },
      },
    },
    errors: {
      PRINTER_OFFLINE: 'The printer is offline. Check its power and cable, then try again.',
      PRINTER_PAPER_OUT: 'The printer is out of paper. Load paper, then try again.',
      PRINTER_COVER_OPEN: 'The printer cover is open. Close it, then try again.',
      PRINTER_NO_REPLY: 'The printer does not respond. Check its power and cable.',
      PRINTER_WRITE_FAILED:
        'Sending to the printer failed; the slip may be incomplete. Check the printer and reprint.',
      PRINTER_ERROR: 'Printer fault (cutter jam or mechanical error). Clear it, then try again.',
      PRINTER_CONNECT_FAILED: 'Cannot connect to printer {{printer}}',
      RECEIPT_INVALID: 'The receipt content is not valid and cannot be printed.',
      TCP_CONNECT_FAILED: 'Cannot connect to network device {{transport}} ({{reason}})',
      TCP_WRITE_FAILED: 'Sending to network device {{transport}} failed',
      TCP_DISCONNECTED: 'Network device {{transport}} disconnected',
      FILE_OPEN_FAILED: 'Cannot open output file {{transport}}',
      FILE_WRITE_FAILED: 'Writing to output file {{transport}} failed',
    },
  },
};
