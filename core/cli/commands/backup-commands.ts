/**
 * `counterdesk backup [--keep N]` and `counterdesk restore FILE`, both holding the instance lock
 * (refused while CounterDesk runs on the data folder: use Settings → Back up now there);
 * `counterdesk backups` only lists files and takes no lock.
 */
import { AppError } from '../../../shared/contract/errors';
import { backupDir, backupNow, listBackups, rotateBackups } from '../../services/backup/backup';
import { recordRestore } from '../../services/backup/pending-restore';
import { restoreBackup } from '../../services/backup/restore';
import { acquireInstanceLock, withInstanceLock } from '../../instance-lock';
import { flagString, type ParsedArgs } from '../args';
import { EXIT } from '../exit-codes';
import type { Out } from '../output';
import { dataDirOf, openCore } from '../session';

export async function backupCommand(args: ParsedArgs, out: Out): Promise<number> {
  const keep = Number(flagString(args, 'keep') ?? '30');
  if (!Number.isInteger(keep) || keep < 1) throw new AppError('CLI_USAGE', { usage: 'backup [--keep N]' });
  return withInstanceLock(dataDirOf(args), 'backup', () => backupWithLock(args, out, keep));
}

async function backupWithLock(args: ParsedArgs, out: Out, keep: number): Promise<number> {
  const core = openCore(args);
  try {
    const dir = flagString(args, 'dir') ?? backupDir(core.ctx.dataDir);
    const info = await backupNow(core.ctx.db, dir, core.ctx.now());
    const removed = rotateBackups(dir, keep);
    if (out.json) out.data({ ...info, removed });
    else
      out.print(
        out.t('cli.backupDone', {
          file: info.file,
          mb: (info.bytes / 1048576).toFixed(1),
          rows: info.auditRows,
          removed: removed.length,
        }),
      );
    return EXIT.OK;
  } finally {
    core.close();
  }
}

export async function restoreCommand(args: ParsedArgs, out: Out): Promise<number> {
  const file = args.positionals[1];
  if (!file) throw new AppError('CLI_USAGE', { usage: 'restore FILE' });
  const dataDir = dataDirOf(args);
  const lock = acquireInstanceLock(dataDir, 'restore');
  try {
    const now = Date.now();
    const r = await restoreBackup(dataDir, file, now);
    // Audited in the restored database, like the Settings restore (no sign-in: staff unknown).
    recordRestore(
      dataDir,
      { name: file.split(/[\\/]/).pop() ?? file, staffId: null, data: { via: 'cli' }, result: r },
      now,
    );
    if (out.json) out.data(r);
    else
      out.print(
        out.t('cli.restoreDone', { file: r.restored, previous: r.previousKeptAs ?? '—', rows: r.auditRows }),
      );
    return EXIT.OK;
  } finally {
    lock.release();
  }
}

export function backupsCommand(args: ParsedArgs, out: Out): number {
  const list = listBackups(flagString(args, 'dir') ?? backupDir(dataDirOf(args)));
  if (out.json) out.data(list);
  else for (const b of list) out.print(`${b.name}  ${(b.bytes / 1048576).toFixed(1)} MB`);
  return EXIT.OK;
}
