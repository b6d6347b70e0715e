/** Backups, restore and the one-instance lock. */
import type { AreaMessages } from '../types';

export const backupMessages: AreaMessages = {
  'zh-CN': {
    errors: {
      BACKUP_CORRUPT: '备份文件 {{file}} 已损坏，不能使用（{{detail}}）',
      BACKUP_AUDIT_BROKEN: '备份文件 {{file}} 的审计日志校验失败（{{problems}} 处问题），不能使用',
      BACKUP_DIR_UNWRITABLE: '无法写入备份目录 {{dir}}，请检查磁盘和权限',
      BACKUP_DISK_FULL: '磁盘已满，备份未完成；原数据未受影响',
      BACKUP_FAILED: '备份失败：{{detail}}；原数据未受影响',
      BACKUP_NOT_FOUND: '找不到备份文件 {{file}}',
      BACKUP_BEFORE_MIGRATION_FAILED: '升级数据库前的备份失败（{{detail}}），为安全起见未进行升级',
      INSTANCE_RUNNING: 'CounterDesk 已在运行（进程 {{pid}}），同一数据目录只能打开一个；请先关闭它',
    },
  },
  'en-US': {
    errors: {
      BACKUP_CORRUPT: 'The backup {{file}} is damaged and cannot be used ({{detail}})',
      BACKUP_AUDIT_BROKEN:
        'The audit log in backup {{file}} does not verify ({{problems}} problems); it cannot be used',
      BACKUP_DIR_UNWRITABLE: 'Cannot write to the backup folder {{dir}}: check the disk and permissions',
      BACKUP_DISK_FULL: 'The disk is full: the backup did not finish; your data is unchanged',
      BACKUP_FAILED: 'The backup failed: {{detail}}; your data is unchanged',
      BACKUP_NOT_FOUND: 'Backup file {{file}} not found',
      BACKUP_BEFORE_MIGRATION_FAILED:
        'The backup before upgrading the database failed ({{detail}}); the upgrade was not started',
      INSTANCE_RUNNING:
        'CounterDesk is already running (process {{pid}}) on this data folder; close it first',
    },
  },
};
