/**
 * `counterdesk export DIR`: every record to a portable archive (JSON Lines + CSV per table and a
 * manifest with row counts and sha256s, core/services/backup/export-archive.ts), verified after writing and
 * recorded in the audit log; `counterdesk verify-export DIR` re-checks an archive.
 */
import { appendAudit } from '../../../db/audit/chain';
import { AppError } from '../../../shared/contract/errors';
import { exportArchive, verifyExportArchive } from '../../services/backup/export-archive';
import type { ParsedArgs } from '../args';
import { EXIT } from '../exit-codes';
import type { Out } from '../output';
import { openCore } from '../session';

/** Writes the archive, verifies it, audits the export. */
export function exportCommand(args: ParsedArgs, out: Out): number {
  const dir = args.positionals[1];
  if (!dir) throw new AppError('CLI_USAGE', { usage: 'export DIR' });
  const core = openCore(args);
  try {
    const db = core.ctx.db;
    const at = core.ctx.now();
    const manifest = exportArchive(core.ctx.db, dir, { now: at, appVersion: core.ctx.version });
    const checked = verifyExportArchive(dir);
    db.transaction(() =>
      appendAudit(db, {
        at,
        storeId: core.ctx.storeId,
        staffId: null,
        action: 'data.exported',
        entityType: 'export',
        entityId: manifest.createdAt,
        data: { dir, tables: checked.tables, rows: checked.rows, host: core.ctx.host },
      }),
    );
    if (out.json) out.data({ dir, ...checked, manifest });
    else out.print(out.t('reliability.exportDone', { dir, tables: checked.tables, rows: checked.rows }));
    return EXIT.OK;
  } finally {
    core.close();
  }
}

/** Re-reads an archive and checks every file's size, sha256 and row count. */
export function verifyExportCommand(args: ParsedArgs, out: Out): number {
  const dir = args.positionals[1];
  if (!dir) throw new AppError('CLI_USAGE', { usage: 'verify-export DIR' });
  const checked = verifyExportArchive(dir);
  if (out.json) out.data({ dir, ...checked });
  else out.print(out.t('reliability.exportVerified', { dir, tables: checked.tables, rows: checked.rows }));
  return EXIT.OK;
}
