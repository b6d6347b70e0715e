/**
 * `counterdesk import-sales FILE` (through the dispatcher, with staff credentials, holding the
 * instance lock: refused while CounterDesk runs on the data folder) and `verify-audit` (read-only:
 * no lock, works next to a running CounterDesk).
 */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { verifyAudit } from '../../../db/audit/chain';
import { AppError } from '../../../shared/contract/errors';
import type { ImportReport } from '../../../shared/contract/methods/sales';
import { flagString, type ParsedArgs } from '../args';
import { EXIT } from '../exit-codes';
import type { Out } from '../output';
import { withInstanceLock } from '../../instance-lock';
import { dataDirOf, openCore, signIn } from '../session';

export async function importSalesCommand(args: ParsedArgs, out: Out): Promise<number> {
  const file = args.positionals[1];
  if (!file)
    throw new AppError('CLI_USAGE', {
      usage: 'import-sales FILE [--format csv|json] --staff CODE --pin PIN',
    });
  const format = flagString(args, 'format') ?? (extname(file).toLowerCase() === '.json' ? 'json' : 'csv');
  let content: string;
  try {
    content = readFileSync(file, 'utf8');
  } catch {
    throw new AppError('CLI_FILE_UNREADABLE', { path: file });
  }
  return withInstanceLock(dataDirOf(args), 'import-sales', () =>
    importWithLock(args, out, format, file, content),
  );
}

async function importWithLock(
  args: ParsedArgs,
  out: Out,
  format: string,
  file: string,
  content: string,
): Promise<number> {
  const core = openCore(args);
  try {
    const { conn, result: signed } = await signIn(core, args);
    if (!signed.ok) {
      out.error(signed.error);
      return EXIT.FAILED;
    }
    const result = await core.dispatcher.call(conn, 'sales.import', { format, content, fileName: file });
    if (!result.ok) {
      out.error(result.error);
      return EXIT.FAILED;
    }
    const report = result.value as ImportReport;
    if (out.json) out.data(report);
    else {
      out.print(out.t('cli.importSummary', report));
      for (const e of report.errors) out.print(`  #${e.row} ${e.saleId ?? ''} ${out.t(e.reason, e.params)}`);
    }
    return report.errors.length > 0 ? EXIT.PROBLEMS : EXIT.OK;
  } finally {
    core.close();
  }
}

export function verifyAuditCommand(args: ParsedArgs, out: Out): number {
  const core = openCore(args);
  try {
    const result = verifyAudit(core.ctx.db);
    if (out.json) out.data(result);
    else if (result.ok) out.print(out.t('cli.auditOk', { rows: result.rowsChecked }));
    else {
      out.print(out.t('cli.auditBroken', { rows: result.rowsChecked, problems: result.problems.length }));
      for (const p of result.problems) out.print(`  #${p.rowId} ${out.t(`cli.auditProblem.${p.kind}`)}`);
    }
    return result.ok ? EXIT.OK : EXIT.PROBLEMS;
  } finally {
    core.close();
  }
}
