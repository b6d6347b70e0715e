/** Export archives and scheduled backups: errors and the CLI's messages. */
import type { AreaMessages } from '../types';

export const reliabilityMessages: AreaMessages = {
  'zh-CN': {
    errors: {
      EXPORT_DIR_NOT_EMPTY: '导出目录 {{dir}} 不是空的；请选择一个新的或空的文件夹',
      EXPORT_DIR_UNWRITABLE: '无法写入导出目录 {{dir}}（{{detail}}），请检查磁盘和权限',
      EXPORT_DISK_FULL: '磁盘已满，导出未完成；已删除未完成的文件，数据未受影响',
      EXPORT_CORRUPT: '导出包 {{dir}} 已损坏：{{file}}（{{detail}}）',
      BACKUP_SCHEDULE_INVALID: '自动备份计划无效：{{issue}}',
    },
    reliability: {
      exportDone: '已导出 {{tables}} 张表、{{rows}} 条记录到 {{dir}}（已校验）',
      exportVerified: '导出包 {{dir}} 完好：{{tables}} 张表、{{rows}} 条记录',
    },
  },
  'en-US': {
    errors: {
      EXPORT_DIR_NOT_EMPTY: 'The export folder {{dir}} is not empty; choose a new or empty folder',
      EXPORT_DIR_UNWRITABLE:
        'Cannot write to the export folder {{dir}} ({{detail}}): check the disk and permissions',
      EXPORT_DISK_FULL:
        'The disk is full: the export did not finish; the unfinished files were removed, your data is unchanged',
      EXPORT_CORRUPT: 'The export {{dir}} is damaged: {{file}} ({{detail}})',
      BACKUP_SCHEDULE_INVALID: 'The backup schedule is not valid: {{issue}}',
    },
    reliability: {
      exportDone: 'Exported {{tables}} tables, {{rows}} records to {{dir}} (verified)',
      exportVerified: 'The export {{dir}} is intact: {{tables}} tables, {{rows}} records',
    },
  },
};
