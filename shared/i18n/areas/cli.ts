/** Messages of the `counterdesk` command line. */
import type { AreaMessages } from '../types';

export const cliMessages: AreaMessages = {
  'zh-CN': {
    errors: {
      CLI_ADMIN_PIN_REQUIRED: '请用 --admin-pin 指定管理员 PIN（6–8 位数字）',
      CLI_BAD_JSON:
        '参数不是有效的 JSON（第 {{line}} 行第 {{column}} 个字符附近：{{near}}），请检查引号和括号',
      CLI_BAD_STAFF_CODE: '工号 {{code}} 不合规：应为 3–12 位大写字母或数字',
      CLI_FILE_UNREADABLE: '无法读取文件 {{path}}',
      CLI_USAGE: '用法：counterdesk {{usage}}',
      CLI_UNKNOWN_COMMAND: '没有这个命令：{{command}}',
      CLI_UNKNOWN_OPTION: '命令 {{command}} 没有这些选项：{{options}}；什么都没有做',
      STORE_EXISTS: '{{path}} 中已经有门店数据；不会覆盖',
    },
    cli: {
      usage: '用法：',
      globalFlags: '通用选项：--data-dir 目录（数据目录）  --json（机器可读输出）  --lang zh-CN|en-US',
      initDone: '已在 {{path}} 创建门店；管理员工号 {{code}}。',
      demoDone: '已在 {{path}} 创建演示门店（{{sales}} 笔销售）。',
      importSummary:
        '读取 {{rowsRead}} 行：导入 {{salesImported}} 笔销售，跳过重复 {{salesSkippedDuplicate}} 笔，失败 {{salesFailed}} 笔（批次 {{batchId}}）。',
      auditOk: '审计日志完好：已校验 {{rows}} 行。',
      backupDone:
        '已备份到 {{file}}（{{mb}} MB，完整性检查通过，审计 {{rows}} 行），清理旧备份 {{removed}} 个。',
      restoreDone: '已从 {{file}} 恢复（审计 {{rows}} 行）；恢复前的数据已另存为 {{previous}}。',
      auditBroken: '审计日志有问题：已校验 {{rows}} 行，发现 {{problems}} 处问题。',
      auditProblem: {
        tampered: '该行内容被改动过',
        'broken-link': '链条断开：此行之前有记录被删除或改动',
        'head-mismatch': '链尾不符：最后的记录被删除或改动',
      },
    },
  },
  'en-US': {
    errors: {
      CLI_ADMIN_PIN_REQUIRED: 'Give the admin PIN with --admin-pin (6–8 digits)',
      CLI_BAD_JSON:
        'The argument is not valid JSON (line {{line}}, character {{column}}, near {{near}}): check quotes and brackets',
      CLI_BAD_STAFF_CODE: 'Staff code {{code}} is not valid: use 3–12 capital letters or digits',
      CLI_FILE_UNREADABLE: 'Cannot read the file {{path}}',
      CLI_USAGE: 'Usage: counterdesk {{usage}}',
      CLI_UNKNOWN_COMMAND: 'No such command: {{command}}',
      CLI_UNKNOWN_OPTION: '{{command}} does not take {{options}}; nothing was done',
      STORE_EXISTS: '{{path}} already holds a store; nothing was overwritten',
    },
    cli: {
      usage: 'Usage:',
      globalFlags:
        'Global options: --data-dir DIR (data directory)  --json (machine-readable output)  --lang zh-CN|en-US',
      initDone: 'Store created in {{path}}; admin staff code {{code}}.',
      demoDone: 'Demo store created in {{path}} ({{sales}} sales).',
      importSummary:
        'Read {{rowsRead}} rows: imported {{salesImported}} sales, skipped {{salesSkippedDuplicate}} duplicates, {{salesFailed}} failed (batch {{batchId}}).',
      auditOk: 'Audit log intact: {{rows}} rows verified.',
      backupDone:
        'Backed up to {{file}} ({{mb}} MB, integrity check passed, {{rows}} audit rows); {{removed}} old backups removed.',
      restoreDone:
        'Restored from {{file}} ({{rows}} audit rows); the data from before the restore is kept as {{previous}}.',
      auditBroken: 'Audit log is damaged: {{rows}} rows checked, {{problems}} problems found.',
      auditProblem: {
        tampered: 'this row was altered',
        'broken-link': 'chain broken: a row before this one was deleted or altered',
        'head-mismatch': 'chain end does not match: the last rows were deleted or altered',
      },
    },
  },
};
