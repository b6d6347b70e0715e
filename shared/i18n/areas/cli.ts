/** Messages of the `counterdesk` command line. */
import type { AreaMessages } from '../types';

export const cliMessages: AreaMessages = {
  'zh-CN': {
    cli: {
      usage: '用法：',
      globalFlags: '通用选项：--data-dir 目录（数据目录）  --json（机器可读输出）  --lang zh-CN|en-US',
      initDone: '已在 {{path}} 创建门店；管理员工号 {{code}}。',
      demoDone: '已在 {{path}} 创建演示门店（{{sales}} 笔销售）。',
      importSummary:
        '读取 {{rowsRead}} 行：导入 {{salesImported}} 笔销售，跳过重复 {{salesSkippedDuplicate}} 笔，失败 {{salesFailed}} 笔（批次 {{batchId}}）。',
      auditOk: '审计日志完好：已校验 {{rows}} 行。',
      auditBroken: '审计日志有问题：已校验 {{rows}} 行，发现 {{problems}} 处问题。',
      auditProblem: {
        tampered: '该行内容被改动过',
        'broken-link': '链条断开：此行之前有记录被删除或改动',
        'head-mismatch': '链尾不符：最后的记录被删除或改动',
      },
    },
  },
  'en-US': {
    cli: {
      usage: 'Usage:',
      globalFlags: 'Global options: --data-dir DIR (data directory)  --json (machine-readable output)  --lang zh-CN|en-US',
      initDone: 'Store created in {{path}}; admin staff code {{code}}.',
      demoDone: 'Demo store created in {{path}} ({{sales}} sales).',
      importSummary:
        'Read {{rowsRead}} rows: imported {{salesImported}} sales, skipped {{salesSkippedDuplicate}} duplicates, {{salesFailed}} failed (batch {{batchId}}).',
      auditOk: 'Audit log intact: {{rows}} rows verified.',
      auditBroken: 'Audit log is damaged: {{rows}} rows checked, {{problems}} problems found.',
      auditProblem: {
        tampered: 'this row was altered',
        'broken-link': 'chain broken: a row before this one was deleted or altered',
        'head-mismatch': 'chain end does not match: the last rows were deleted or altered',
      },
    },
  },
};
