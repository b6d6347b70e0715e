/** Contract handlers of the `backup.*` methods (Settings screen → Backups). Every change is audited. */
import { join } from 'node:path';
import { appendAudit } from '../../../db/audit/chain';
import { AppError } from '../../../shared/contract/errors';
import type { BACKUP_KINDS } from '../../../shared/contract/methods/backup';
import { requireSession, type AreaHandlers, type CallContext } from '../../dispatch/handlers';
import { backupDir, backupNow, listBackups, verifyDatabaseFile } from './backup';
import { exportArchive, verifyExportArchive } from './export-archive';
import { cancelPendingRestore, readPendingRestore, stageRestore } from './pending-restore';
import { readBackupSchedule, writeBackupSchedule } from './schedule-settings';
import { backupStampMs, SCHEDULED_LABEL } from './scheduler';

const NAME_RE = /^counterdesk-\d{8}T\d{6}Z(-[A-Za-z0-9_-]{1,80})?\.sqlite$/;

function kindOf(name: string): (typeof BACKUP_KINDS)[number] {
  const label = /Z-(.+)\.sqlite$/.exec(name)?.[1] ?? '';
  if (label === SCHEDULED_LABEL) return 'auto';
  if (label === 'manual' || label === '') return 'manual';
  if (label.startsWith('before-restore')) return 'before-restore';
  if (label.startsWith('before-')) return 'before-migration';
  return 'other';
}

function audit(ctx: CallContext, action: string, entityId: string, data: Record<string, unknown>): void {
  const db = ctx.core.db;
  db.transaction(() =>
    // appendAudit (db/audit) still takes the raw handle
    appendAudit(db, {
      at: ctx.now,
      storeId: ctx.core.storeId,
      staffId: requireSession(ctx).staffId,
      action,
      entityType: 'backup',
      entityId,
      data,
    }),
  );
}

/** A stored backup's file, refusing anything that is not one of ours (no paths from the renderer). */
function storedFile(dataDir: string, name: string): string {
  const found = listBackups(backupDir(dataDir)).find((b) => b.name === name);
  if (!NAME_RE.test(name) || !found) throw new AppError('BACKUP_NOT_FOUND', { file: name });
  return found.file;
}

export const backupHandlers: AreaHandlers<'backup'> = {
  'backup.status': (_input, { core }) => {
    const scheduler = core.services.backups;
    const last = scheduler?.last ?? null;
    const pending = readPendingRestore(core.dataDir);
    return {
      dir: backupDir(core.dataDir),
      backups: listBackups(backupDir(core.dataDir))
        .filter((b) => NAME_RE.test(b.name))
        .map((b) => ({
          name: b.name,
          kind: kindOf(b.name),
          at: backupStampMs(b.name) ?? Math.round(b.modifiedAt),
          bytes: b.bytes,
        })),
      schedule: readBackupSchedule(core.db, core.storeId),
      nextAt: scheduler?.nextAt ?? null,
      last: last
        ? last.ok
          ? { at: last.at, ok: true, name: last.info.file.split(/[\\/]/).pop() ?? null, errorCode: null }
          : { at: last.at, ok: false, name: null, errorCode: last.error.code }
        : null,
      pendingRestore: pending
        ? { name: pending.name, stagedAt: pending.stagedAt, staffName: pending.staffName }
        : null,
    };
  },
  'backup.now': async (_input, ctx) => {
    const info = await backupNow(ctx.core.db, backupDir(ctx.core.dataDir), ctx.now, 'manual');
    const name = info.file.split(/[\\/]/).pop() ?? info.file;
    audit(ctx, 'backup.created', name, { auditRows: info.auditRows, bytes: info.bytes });
    return { name, bytes: info.bytes, auditRows: info.auditRows };
  },
  'backup.setSchedule': (input, ctx) => {
    const db = ctx.core.db;
    const saved = db.transaction(() => {
      const s = writeBackupSchedule(db, ctx.core.storeId, input, ctx.now);
      appendAudit(db, {
        at: ctx.now,
        storeId: ctx.core.storeId,
        staffId: requireSession(ctx).staffId,
        action: 'backup.scheduled',
        entityType: 'settings',
        entityId: 'backup.schedule',
        data: s,
      });
      return s;
    });
    ctx.core.services.backups?.reschedule();
    return saved;
  },
  'backup.verify': (input, { core }) => {
    const { auditRows } = verifyDatabaseFile(storedFile(core.dataDir, input.name));
    return { name: input.name, auditRows };
  },
  'backup.stageRestore': (input, ctx) => {
    storedFile(ctx.core.dataDir, input.name);
    const session = requireSession(ctx);
    const { auditRows } = stageRestore(
      ctx.core.dataDir,
      input.name,
      { id: session.staffId, name: session.name },
      ctx.now,
    );
    audit(ctx, 'backup.restore-staged', input.name, { auditRows });
    return { name: input.name, auditRows };
  },
  'backup.cancelRestore': (_input, ctx) => {
    const pending = readPendingRestore(ctx.core.dataDir);
    const cancelled = cancelPendingRestore(ctx.core.dataDir);
    if (cancelled) audit(ctx, 'backup.restore-cancelled', pending?.name ?? '', {});
    return { cancelled };
  },
  'backup.export': (_input, ctx) => {
    const stamp = new Date(ctx.now)
      .toISOString()
      .replace(/[-:]/g, '')
      .replace(/\.\d+Z$/, 'Z');
    const dir = join(ctx.core.dataDir, 'exports', `counterdesk-export-${stamp}`);
    exportArchive(ctx.core.db, dir, { now: ctx.now, appVersion: ctx.core.version });
    const checked = verifyExportArchive(dir);
    audit(ctx, 'data.exported', dir, { tables: checked.tables, rows: checked.rows, host: ctx.core.host });
    return { dir, tables: checked.tables, rows: checked.rows };
  },
};
